package runner

import (
	"time"

	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// Status is the outcome of one step on one host.
type Status string

const (
	StatusOK      Status = "ok"      // already converged
	StatusChanged Status = "changed" // changed (or, in check mode, would change)
	StatusFailed  Status = "failed"
	StatusSkipped Status = "skipped" // its when was false on the host
)

// HostStatus is the outcome of a whole host.
type HostStatus string

const (
	HostOK          HostStatus = "ok"
	HostFailed      HostStatus = "failed"
	HostUnreachable HostStatus = "unreachable"
	// HostHalted: the host was in flight when the run halted and stopped
	// after its current step.
	HostHalted HostStatus = "halted"
	// HostNotStarted: the run halted before the host's turn came.
	HostNotStarted HostStatus = "not started"
)

// countsAsFailure says which outcomes count toward failure thresholds:
// an unreachable host is as much a problem as a failed one.
func (s HostStatus) countsAsFailure() bool {
	return s == HostFailed || s == HostUnreachable
}

// Observer receives the engine's events as they happen. Reports, progress
// bars and (later) the state store are observers; the engine knows none
// of them. Hosts of a wave run concurrently, so events arrive from
// several goroutines: observers must be safe for concurrent use.
type Observer interface {
	Event(e Event)
}

// Event is one of the types below.
type Event interface{ event() }

// RunStarted opens a run.
type RunStarted struct {
	Playbook  string
	Hosts     []string
	Phases    []string
	Steps     int // per host
	CheckMode bool
	Route     rollout.Route // of the first segment
	Waves     []int         // wave sizes, every segment's in order
	Segments  []SegmentInfo
	// Shard is set when the run is one shard of a group: Hosts then
	// lists this shard's hosts, Waves the fleet's waves.
	Shard *ShardInfo
}

// ShardInfo says which shard of a group a controller drives.
type ShardInfo struct {
	Index, Of int
	Hosts     int // this shard's
}

// SegmentInfo describes one route map of a run.
type SegmentInfo struct {
	Name  string // "" for the default route
	Hosts int
	Route rollout.Route
	Waves []int
}

// WaveStarted opens a wave. Tolerance is how many of its hosts may fail
// (or be unreachable) before the run halts.
type WaveStarted struct {
	Index, Of int
	Rollout   string // the named rollout the wave belongs to, if any
	Hosts     []string
	Tolerance int
	// Fleet is the wave's size fleet-wide when the run is one shard of a
	// group: Hosts are then this shard's part of it, maybe none, and
	// Tolerance is the wave's, fleet-wide.
	Fleet int
}

// WaveFinished closes a wave with its counts.
type WaveFinished struct {
	Index                              int
	OK, Failed, Unreachable, Unstarted int
}

// Paused says the run waits before a wave: for Wait, or for the
// operator's confirmation.
type Paused struct {
	Before  int
	Wait    time.Duration
	Confirm bool
}

// Halted says the run stopped starting hosts, and why.
type Halted struct {
	Wave   int
	Reason string
}

// HostStarted says the engine is connecting to a host.
type HostStarted struct {
	Host     string
	Endpoint string
	Wave     int
}

// StepStarted says a step is being checked on a host.
type StepStarted struct {
	Host, Phase, Step, Type string
	At                      time.Time
}

// StepFinished carries the result of one step on one host.
type StepFinished struct {
	Host, Phase, Step, Type string
	Status                  Status
	Diff                    string
	Err                     error
	// Ignored says a failure did not fail the host (ignore_errors).
	Ignored bool
	// Reason says why a step was skipped.
	Reason string
	// Attempts counts tries of a step with retries (1 without).
	Attempts int
	At       time.Time
	Duration time.Duration
}

// HostFinished closes a host. StepsLeft counts the steps it did not reach.
type HostFinished struct {
	Host      string
	Status    HostStatus
	Err       error
	StepsLeft int
}

// PhaseEntered says a host started a phase of the playbook (the gate is
// not one). OnRollback counts the phase's on_rollback steps: they run
// when the host is rolled back, by the run or later by 'switchback
// rollback', which reads the phases a host entered from the state store.
type PhaseEntered struct {
	Host, Phase string
	OnRollback  int
}

// SnapshotTaken says a host was snapshotted before its first change.
type SnapshotTaken struct {
	Host     string
	Snapshot snapshot.Snapshot
}

// RollbackStarted and RollbackFinished bracket the restore of a host.
type RollbackStarted struct {
	Host     string
	Snapshot snapshot.Snapshot
}

// RollbackFinished carries the outcome of a restore; a failed restore
// is loud and has its own exit code.
type RollbackFinished struct {
	Host string
	Err  error
}

// RunFinished closes the run with its recap.
type RunFinished struct {
	Recap *Recap
}

func (RunStarted) event()       {}
func (WaveStarted) event()      {}
func (WaveFinished) event()     {}
func (Halted) event()           {}
func (Paused) event()           {}
func (HostStarted) event()      {}
func (StepStarted) event()      {}
func (StepFinished) event()     {}
func (HostFinished) event()     {}
func (RunFinished) event()      {}
func (SnapshotTaken) event()    {}
func (PhaseEntered) event()     {}
func (RollbackStarted) event()  {}
func (RollbackFinished) event() {}
func (ShardsWaiting) event()    {}
func (GroupTrouble) event()     {}

// GroupTrouble says the shard could not tell the others something; the
// run goes on, and the store's record may lack it.
type GroupTrouble struct{ Err error }

// Observers fans events out to several observers in order.
type Observers []Observer

func (o Observers) Event(e Event) {
	for _, obs := range o {
		obs.Event(e)
	}
}
