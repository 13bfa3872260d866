package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules"
)

// The journal is how a resumed run knows which steps it already applied
// on a host, even when the runner was killed before it could record
// them: every command a step's Apply sends appends the step's key to a
// file on the host in the same shell invocation, right after the command
// succeeded. A step whose key is there is not applied again if applying
// it twice would repeat its effect.

// JournalDir is where runs keep their journals on hosts.
const JournalDir = "/var/lib/switchback/runs"

func journalPath(runID string) string { return path.Join(JournalDir, runID, "journal") }

// journalKey names a step instance in the journal: a hash, so that any
// phase or step name is one safe word.
func journalKey(phase, step string) string {
	sum := sha256.Sum256([]byte(phase + "\x00" + step))
	return hex.EncodeToString(sum[:12])
}

// journalHost appends key to the journal after each command that
// succeeds. With follow set, each command also carries the checks of the
// steps still to come, so that the answers after a change arrive in the
// same round trip as the change (see batch.go).
type journalHost struct {
	modules.Host
	file, key string
	follow    *checkList
	// after holds the follow checks' answers to the last command, nil when
	// none are current.
	after *prechecks
}

func (j *journalHost) journaled(cmd string) string {
	// The command runs in a subshell so that an exit inside it still
	// reaches the journal line. While it runs, this shell holds the
	// commands lock shared (hostlock.go): a runner killed mid-command
	// leaves it held until the command and its journal line are done,
	// and a resume waits for that. The command itself does not inherit
	// the lock's descriptor, so daemons it starts do not keep it.
	// A step that runs as an ordinary user (become = false) cannot open
	// root's lock file and goes without.
	return fmt.Sprintf("if [ -w %s ]; then exec 8>>%s; flock -s 8; fi\n(\n%s\n) 8>&-\nsb_rc=$?\nif [ \"$sb_rc\" -eq 0 ]; then (umask 077; mkdir -p %s && echo %s >> %s); fi\nexit \"$sb_rc\"",
		commandsLock, commandsLock, cmd, shell.Quote(path.Dir(j.file)), j.key, shell.Quote(j.file))
}

func (j *journalHost) Run(ctx context.Context, cmd string) (modules.Output, error) {
	j.after = nil
	if j.follow == nil || len(j.follow.steps) == 0 {
		return j.Host.Run(ctx, j.journaled(cmd))
	}
	boundary, err := newBoundary()
	if err != nil {
		return modules.Output{}, err
	}
	cmds := append([]string{j.journaled(cmd)}, j.follow.cmds...)
	out, err := j.Host.Run(ctx, batchScript(boundary, cmds))
	if err != nil {
		return out, err
	}
	outs, ok := parseBatch(boundary, out.Stdout, len(cmds))
	if !ok || out.ExitCode != 0 {
		return modules.Output{}, &modules.StepError{Msg: "the host's answer to the step could not be read", Output: out}
	}
	j.after = j.follow.answers(outs[1:])
	return outs[0], nil
}

// readJournal reads the keys of the steps applied on a host by runID.
func readJournal(ctx context.Context, h modules.Host, runID string) (map[string]bool, error) {
	file := shell.Quote(journalPath(runID))
	out, err := h.Run(ctx, "if [ -f "+file+" ]; then cat "+file+"; fi")
	if err != nil {
		return nil, fmt.Errorf("reading the run's journal on the host: %w", err)
	}
	if out.ExitCode != 0 {
		return nil, &modules.StepError{Msg: "reading the run's journal on the host", Output: out}
	}
	keys := map[string]bool{}
	for line := range strings.SplitSeq(out.Stdout, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			keys[line] = true
		}
	}
	return keys, nil
}

// Unwrap returns the host the journal wraps.
func (j *journalHost) Unwrap() modules.Host { return j.Host }
