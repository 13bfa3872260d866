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

// journalHost appends key to the journal after each command that succeeds.
type journalHost struct {
	modules.Host
	file, key string
}

func (j *journalHost) Run(ctx context.Context, cmd string) (modules.Output, error) {
	// The command runs in a subshell so that an exit inside it still
	// reaches the journal line. While it runs, this shell holds the
	// commands lock shared (hostlock.go): a runner killed mid-command
	// leaves it held until the command and its journal line are done,
	// and a resume waits for that. The command itself does not inherit
	// the lock's descriptor, so daemons it starts do not keep it.
	wrapped := fmt.Sprintf("if [ -d %s ]; then exec 8>>%s; flock -s 8; fi\n(\n%s\n) 8>&-\nsb_rc=$?\nif [ \"$sb_rc\" -eq 0 ]; then (umask 077; mkdir -p %s && echo %s >> %s); fi\nexit \"$sb_rc\"",
		LockDir, commandsLock, cmd, shell.Quote(path.Dir(j.file)), j.key, shell.Quote(j.file))
	return j.Host.Run(ctx, wrapped)
}

// Unwrap returns the host the journal wraps.
func (j *journalHost) Unwrap() modules.Host { return j.Host }

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
