package runner

// Exit codes of a run, documented in the README.
const (
	ExitOK          = 0
	ExitUsage       = 1 // bad playbook, inventory or flags: nothing ran
	ExitFailed      = 2 // some hosts failed
	ExitUnreachable = 3 // some hosts were unreachable, none failed
)

// Recap counts what happened on each host.
type Recap struct {
	Hosts []*HostRecap
}

// HostRecap is one host's line in the recap.
type HostRecap struct {
	Host    string
	Status  HostStatus
	OK      int
	Changed int
	Failed  int
	Err     error
}

// ExitCode maps a recap to the process exit code. A failed host weighs
// more than an unreachable one: it may be half-changed, while an
// unreachable host was not touched by this run.
func (r *Recap) ExitCode() int {
	code := ExitOK
	for _, h := range r.Hosts {
		switch h.Status {
		case HostFailed:
			return ExitFailed
		case HostUnreachable:
			code = ExitUnreachable
		}
	}
	return code
}

// Count returns how many hosts ended with status s.
func (r *Recap) Count(s HostStatus) int {
	n := 0
	for _, h := range r.Hosts {
		if h.Status == s {
			n++
		}
	}
	return n
}
