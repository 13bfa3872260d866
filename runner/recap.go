package runner

import "github.com/switchbackhq/switchback/runner/snapshot"

// Exit codes of a run, documented in the README.
const (
	ExitOK          = 0
	ExitUsage       = 1 // bad playbook, inventory or flags: nothing ran
	ExitFailed      = 2 // some hosts failed, under the threshold
	ExitUnreachable = 3 // some hosts were unreachable, none failed, under the threshold
	ExitHalted      = 4 // failures crossed a threshold (or the run was interrupted) and the run halted
	ExitRollback    = 5 // a rollback failed (run it again to finish it), or a drill found paths that did not come back
)

// Recap counts what happened on each host.
type Recap struct {
	Hosts []*HostRecap // in inventory order, every host in scope
	// Halt is set when the run stopped early.
	Halt *Halted
	// Shard is set when the run is one shard of a group: Hosts are then
	// this shard's, and Fleet counts how every host of the fleet ended.
	Shard *ShardInfo
	Fleet map[HostStatus]int
}

// HostRecap is one host's line in the recap.
type HostRecap struct {
	Host    string
	Wave    int
	Status  HostStatus
	OK      int
	Changed int
	Failed  int
	Skipped int // when was false
	Ignored int // failed with ignore_errors
	Err     error
	// Snapshot is set once the host was snapshotted before a change.
	Snapshot    *snapshot.Snapshot
	RolledBack  bool
	RollbackErr error
	// Resumed says the host had finished before the run was resumed.
	Resumed bool
}

// ExitCode maps a recap to the process exit code. A failed rollback
// outranks everything, then a halt; a failed host outranks an unreachable one because it may
// be half-changed, while an unreachable host was not touched.
func (r *Recap) ExitCode() int {
	for _, h := range r.Hosts {
		if h.RollbackErr != nil {
			return ExitRollback
		}
	}
	if r.Halt != nil {
		return ExitHalted
	}
	code := ExitOK
	for _, h := range r.Hosts {
		switch h.Status {
		case HostFailed:
			return ExitFailed
		case HostUnreachable:
			code = ExitUnreachable
		}
	}
	// Every shard of a group ends with the fleet's verdict, so that a job
	// system reading any one exit code reads the run's.
	switch {
	case r.Fleet[HostFailed] > 0:
		return ExitFailed
	case r.Fleet[HostUnreachable] > 0:
		code = ExitUnreachable
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
