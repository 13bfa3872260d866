package runner

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/switchbackhq/switchback/inventory"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Two runs must not change one host at the same time. A run holds a lock
// on each host it works on: a flock(1) on a file under LockDir, held by
// a shell that then waits on its stdin (cat) in a session of the run's
// own connection. When the runner ends, however it ends (SIGKILL and a
// lost network included), sshd closes the session, cat sees the end of
// its stdin and exits, and the kernel drops the lock with its file
// descriptor: no stale lock file to clean up by hand.
//
// A second lock closes a race of run --resume: commands of a killed
// runner go on running on the host, and a step whose command is still
// running has not written its journal line yet. Every journaled command
// holds commandsLock shared while it runs (see journalHost); taking the
// host waits until no such command is left, so a resume reads a journal
// that no orphaned command will still add to.

// LockDir holds the host's lock files. /run is emptied at boot, when no
// run can still hold anything.
const LockDir = "/run/switchback"

const (
	runLock      = LockDir + "/run.lock"
	commandsLock = LockDir + "/commands.lock"
	lockHolder   = LockDir + "/holder"
	lockedLine   = "switchback-locked"
	// lockGrace is how much longer than the host's own bounds the
	// controller waits for the lock.
	lockGrace = 10 * time.Second
	// lockSettle is the least time a run waits for a host's lock.
	lockSettle = 3 * time.Second
)

// lockScript takes the host for the run described by holder. It waits
// at most wait for another run to let go of the host (not at all when
// zero) and at most orphanWait (no bound when zero) for commands of an
// earlier run to end. Bounded waits poll with flock -n rather than run
// timeout(1), whose watchdog process would keep a copy of the lock's
// descriptor, and so the lock, for up to a second after. It prints
// lockedLine once the host is taken; otherwise it exits with 75 and
// "busy HOLDER", or with 76 and "orphans".
func lockScript(holder string, wait, orphanWait time.Duration) string {
	// waitFor takes the lock on fd within d, or fails.
	waitFor := func(d time.Duration, fd string) string {
		if d <= 0 {
			return "flock " + fd
		}
		return fmt.Sprintf("{ n=%d; until flock -n %s; do n=$((n - 1)); [ \"$n\" -gt 0 ] || exit 1; usleep 200000; done; }", int(d/(200*time.Millisecond))+1, fd)
	}
	acquire := "flock -n 9"
	if wait > 0 {
		acquire = "( " + waitFor(wait, "9") + " )"
	}
	return `set -e
umask 022
if ! { mkdir -p ` + LockDir + ` && [ -w ` + LockDir + ` ]; } 2>/dev/null; then echo unlockable; exit 77; fi
exec 9>>` + runLock + `
if ! ` + acquire + `; then
  echo "busy $(head -n 1 ` + lockHolder + ` 2>/dev/null)"
  exit 75
fi
printf '%s\n' ` + shell.Quote(holder) + ` > ` + lockHolder + `
exec 8>>` + commandsLock + `
if ! flock -n 8; then
  ( ` + waitFor(orphanWait, "8") + ` ) || { echo orphans; exit 76; }
fi
exec 8>&-
echo ` + lockedLine + `
exec cat >/dev/null
`
}

// lockHost takes the host for the run, waiting at most LockWait (but at
// least lockSettle) for another run to let go of it, and at most
// CommandTimeout for commands of an earlier run to finish. Connections
// that cannot hold a command (test doubles) are not locked, and neither
// are check runs, which change nothing.
func (r *run) lockHost(ctx context.Context, h *hostRun) error {
	if r.engine.CheckMode {
		return nil
	}
	if w, ok := h.conn.(transport.Warmer); ok {
		w.Prepare() // the checks' session gets ready while the lock is taken
	}
	release, err := LockHost(ctx, h.conn, h.host, HostLock{
		Holder: r.engine.lockHolder(), Wait: r.engine.LockWait, CommandTimeout: r.engine.CommandTimeout})
	// Held until the end of the host's wave (or its connection).
	h.unlock = release
	return err
}

// HostLock says who takes a host and how long to wait for it.
type HostLock struct {
	// Holder describes the taker, for the message a second taker prints.
	Holder string
	// Wait bounds the wait for another holder to let go (at least
	// lockSettle); CommandTimeout the wait for commands of an earlier
	// run to end (no bound when zero).
	Wait, CommandTimeout time.Duration
}

// LockHost takes the host a connection reaches, as a run does: every
// command that changes a host (a run's steps, a rollback's restore) runs
// under this lock, so two of them never change one host at once. release
// lets go of it (nil when the connection cannot hold a lock, or the login
// cannot write /run and so changes little).
func LockHost(ctx context.Context, conn transport.Conn, h *inventory.Host, l HostLock) (release func(), err error) {
	holder, ok := conn.(transport.Holder)
	if !ok {
		return nil, nil
	}
	// A runner that was just killed lets go of its hosts only when sshd
	// sees its connection close: a moment, which a resume started at once
	// must not take for another run holding the host.
	wait := max(l.Wait, lockSettle)
	holdCtx := ctx
	if l.CommandTimeout > 0 {
		// The host bounds its own waits; this bound is for a host that
		// hangs and so never says anything.
		bound := wait + l.CommandTimeout + lockGrace
		var cancel context.CancelFunc
		holdCtx, cancel = context.WithTimeout(ctx, bound)
		defer cancel()
	}
	script := lockScript(l.Holder, wait, l.CommandTimeout)
	if h.Become {
		// /run/switchback is root's: the lock is taken as root too.
		if script, err = becomeArgument(h.BecomeMethod, script); err != nil {
			return nil, err
		}
	}
	release, err = holder.Hold(holdCtx, script, lockedLine)
	if err == nil {
		return release, nil
	}
	if ctx.Err() != nil || transport.IsUnreachable(err) {
		return nil, err // the operator's stop, or a lost host: nothing to add
	}
	if holdCtx.Err() != nil {
		return nil, &transport.UnreachableError{Host: h.Name, Err: fmt.Errorf("no answer while locking the host (%s)", runLock)}
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "busy"):
		other := strings.TrimSpace(strings.TrimPrefix(firstLine(msg), "busy"))
		if other == "" {
			other = "another run"
		}
		if l.Wait <= 0 {
			return nil, fmt.Errorf("the host is locked by %s: two runs must not change one host at once (wait for it to end, or give --lock-wait)", other)
		}
		return nil, fmt.Errorf("the host is still locked by %s after waiting %s", other, l.Wait)
	case strings.HasPrefix(msg, "unlockable"):
		// An ordinary login without become cannot write /run; it can
		// change little on the host either, and is not locked out.
		return nil, nil
	case strings.HasPrefix(msg, "orphans"):
		return nil, fmt.Errorf("commands of an earlier run are still running on the host (they hold %s); after %s they had not finished", commandsLock, l.CommandTimeout)
	}
	if h.Become {
		method := h.BecomeMethod
		if method == "" {
			method = inventory.BecomeDoas
		}
		if why := refusedBecome(method, msg); why != "" {
			return nil, &BecomeError{Method: method, Why: why}
		}
	}
	return nil, fmt.Errorf("locking the host (%s): %s", runLock, msg)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// lockHolder describes this run in the host's lock, for the message a
// second run prints.
func (e *Engine) lockHolder() string {
	id := e.RunID
	if id == "" {
		id = "(unnamed)"
	}
	return LockHolder("run " + id)
}

// LockHolder describes what takes a host ("run ID", "rollback of run
// ID"), from where and since when, for the message a second taker prints.
func LockHolder(what string) string {
	controller, err := os.Hostname()
	if err != nil {
		controller = "an unknown controller"
	}
	return fmt.Sprintf("%s from %s (pid %d), since %s", what, controller, os.Getpid(), time.Now().UTC().Format(time.RFC3339))
}
