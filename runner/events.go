package runner

import "time"

// Status is the outcome of one step on one host.
type Status string

const (
	StatusOK      Status = "ok"      // already converged
	StatusChanged Status = "changed" // changed (or, in check mode, would change)
	StatusFailed  Status = "failed"
)

// HostStatus is the outcome of a whole host.
type HostStatus string

const (
	HostOK          HostStatus = "ok"
	HostFailed      HostStatus = "failed"
	HostUnreachable HostStatus = "unreachable"
)

// Observer receives the engine's events as they happen. Reports, progress
// bars and (later) the state store are observers; the engine knows none
// of them. Events are delivered from one goroutine per host at a time.
type Observer interface {
	Event(e Event)
}

// Event is one of the types below.
type Event interface{ event() }

// RunStarted opens a run.
type RunStarted struct {
	Playbook  string
	Hosts     []string
	Steps     int // per host
	CheckMode bool
}

// HostStarted says the engine is connecting to a host.
type HostStarted struct {
	Host     string
	Endpoint string
}

// StepStarted says a step is being checked on a host.
type StepStarted struct {
	Host, Phase, Step, Type string
}

// StepFinished carries the result of one step on one host.
type StepFinished struct {
	Host, Phase, Step, Type string
	Status                  Status
	Diff                    string
	Err                     error
	Duration                time.Duration
}

// HostFinished closes a host. StepsLeft counts the steps it did not reach.
type HostFinished struct {
	Host      string
	Status    HostStatus
	Err       error
	StepsLeft int
}

// RunFinished closes the run with its recap.
type RunFinished struct {
	Recap *Recap
}

func (RunStarted) event()   {}
func (HostStarted) event()  {}
func (StepStarted) event()  {}
func (StepFinished) event() {}
func (HostFinished) event() {}
func (RunFinished) event()  {}

// Observers fans events out to several observers in order.
type Observers []Observer

func (o Observers) Event(e Event) {
	for _, obs := range o {
		obs.Event(e)
	}
}
