// Package modules holds every step type a playbook can use. All of them
// follow one contract, in the spirit of a check-then-apply resource:
// Check reads the host and says what would change without changing it;
// Apply converges the host and is only called when not in check mode.
package modules

import (
	"context"
	"fmt"
)

// Host is what a module sees of a target: a way to run shell commands.
// The command line is read by the host's /bin/sh (BusyBox ash on Alpine),
// so modules quote every argument and never rely on bash.
type Host interface {
	Run(ctx context.Context, cmd string) (Output, error)
}

// Output is what a command printed and how it exited. A non-zero exit is
// not an error of Run: errors are reserved for the transport, so that the
// runner can tell a failing step from an unreachable host.
type Output struct {
	Stdout   string
	Stderr   string
	ExitCode int
}

// Module is one configured step, decoded from a playbook block.
type Module interface {
	// Summary describes the step in one line for plans, with no host.
	Summary() string
	// Check inspects the host without changing it.
	Check(ctx context.Context, h Host) (Plan, error)
	// Apply makes the change that Check planned.
	Apply(ctx context.Context, h Host, p Plan) error
}

// Writer is implemented by steps that know which paths they may write,
// so that a snapshot taken before a host's first change includes them.
type Writer interface {
	Writes() []string
}

// Repeater is implemented by steps whose Check cannot see their own
// effect, such as a command with no guard: each Apply repeats it. A
// resumed run does not apply such a step again when the host's journal
// says it was applied before.
type Repeater interface {
	RepeatsOnApply() bool
}

// Chainable is implemented by steps that the runner may apply right
// behind an earlier change, in the same script, without a round trip of
// their own. Chainable(p) promises three things for the plan p:
//   - Check sends one command and derives its plan from that command's
//     answer alone, so the same answer gives the same plan;
//   - Apply of p sends exactly one command, which depends on p alone,
//     and no file transfer;
//   - Apply of p succeeds exactly when that command exits 0.
//
// The runner sends such a step's command only if the step's check, run
// again on the host right before it, answers byte for byte as it did
// when the plan was made (runner/chain.go).
type Chainable interface {
	Chainable(p Plan) bool
}

// Plan is the outcome of Check: either nothing to do, or a change with a
// human-readable description of what will be done.
type Plan struct {
	Change bool
	// Diff says what changes, one item per line ("+ sb-hello").
	Diff string
	// Reason says why nothing changes, for verbose output.
	Reason string
	// state carries what Check learnt to Apply, so Apply need not ask again.
	state any
}

// NoChange is a plan with nothing to do.
func NoChange(reason string) Plan { return Plan{Reason: reason} }

// Change is a plan that will modify the host.
func Change(diff string, state any) Plan { return Plan{Change: true, Diff: diff, state: state} }

// StepError is a step failure with the command output that explains it.
type StepError struct {
	Msg    string
	Output Output
}

func (e *StepError) Error() string {
	detail := lastLines(e.Output.Stderr, 5)
	if detail == "" {
		detail = lastLines(e.Output.Stdout, 5)
	}
	if detail == "" {
		return fmt.Sprintf("%s (exit %d)", e.Msg, e.Output.ExitCode)
	}
	return fmt.Sprintf("%s (exit %d): %s", e.Msg, e.Output.ExitCode, detail)
}

// commandFailed reports a non-zero exit as a StepError.
func commandFailed(what string, out Output) error {
	return &StepError{Msg: what + " failed", Output: out}
}

var (
	_ Writer = (*File)(nil)
	_ Writer = (*Line)(nil)
	_ Writer = (*Service)(nil)
	_ Writer = (*User)(nil)
	_ Writer = (*Group)(nil)
	_ Writer = (*Apk)(nil)
	_ Writer = (*ApkRepository)(nil)
	_ Writer = (*ApkKey)(nil)
	_ Writer = (*Copy)(nil)
	_ Writer = (*Template)(nil)
	_ Writer = (*OpenRCScript)(nil)

	_ Chainable = (*File)(nil)
	_ Chainable = (*Line)(nil)
	_ Chainable = (*Group)(nil)
	_ Chainable = (*User)(nil)
	_ Chainable = (*Copy)(nil)
	_ Chainable = (*Template)(nil)
	_ Chainable = (*OpenRCScript)(nil)
	_ Chainable = (*AshCheck)(nil)
)
