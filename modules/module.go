// Package modules holds every step type a playbook can use. All of them
// follow one contract, in the spirit of a check-then-apply resource:
// Check reads the host and says what would change without changing it;
// Apply converges the host and is only called when not in check mode.
package modules

import (
	"context"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Module is one configured step, decoded from a playbook block.
type Module interface {
	// Summary describes the step in one line for plans, with no host.
	Summary() string
	// Check inspects the host without changing it, and derives its plan
	// from the answers of the commands it sends alone. The engine relies
	// on that: it learns the commands a step will send by running Check
	// against probe hosts that record a command and answer it with an
	// error or a canned output (runner/batch.go, runner/chain.go), so a
	// Check must not change anything, keep state between calls, or treat
	// an error of Run as anything but a reason to stop.
	Check(ctx context.Context, h hostcmd.Host) (Plan, error)
	// Apply makes the change that Check planned. The engine may also run
	// it against a probe that answers every command with success, to
	// learn the command it sends (Chainable steps, runner/chain.go).
	Apply(ctx context.Context, h hostcmd.Host, p Plan) error
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

// LateChecker is implemented by steps whose check runs the user's own
// code (a command's unless, a wait_for's command). Such a check may take
// its time, or wait for what earlier steps start (a health check), and
// only means something once they ran: the runner does not send it ahead
// with the host's batched checks, but when the step's turn comes.
type LateChecker interface {
	ChecksLate() bool
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

// commandFailed reports a non-zero exit as a hostcmd.Error.
func commandFailed(what string, out hostcmd.Output) error {
	return &hostcmd.Error{Msg: what + " failed", Output: out}
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
