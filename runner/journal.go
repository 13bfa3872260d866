package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
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
// same round trip as the change (see batch.go); with chain set, the first
// command carries the chained steps' commands too (chain.go).
type journalHost struct {
	hostcmd.Host
	file, key string
	follow    *checkList
	chain     []*link
	// c keeps the step's own command's output for register; the script
	// around it is not the step's.
	c *call
	// after holds the follow checks' answers to the last command, nil when
	// none are current; chained holds the chained commands that ran.
	after   *prechecks
	chained map[*playbooks.Step]answer
}

// journaled wraps a step's command so that its key goes to the journal
// file when it succeeds.
func journaled(file, key, cmd string) string {
	// The command runs in a subshell so that an exit inside it still
	// reaches the journal line. While it runs, this shell holds the
	// commands lock shared (hostlock.go): a runner killed mid-command
	// leaves it held until the command and its journal line are done,
	// and a resume waits for that. The command itself does not inherit
	// the lock's descriptor, so daemons it starts do not keep it.
	// A step that runs as an ordinary user (become = false) cannot open
	// root's lock file and goes without.
	return fmt.Sprintf("if [ -w %s ]; then exec 8>>%s; flock -s 8; fi\n(\n%s\n) 8>&-\nsb_rc=$?\nif [ \"$sb_rc\" -eq 0 ]; then (umask 077; mkdir -p %s && echo %s >> %s); fi\nexit \"$sb_rc\"",
		commandsLock, commandsLock, cmd, shell.Quote(path.Dir(file)), key, shell.Quote(file))
}

func (j *journalHost) journaled(cmd string) string { return journaled(j.file, j.key, cmd) }

func (j *journalHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	out, err := j.run(ctx, cmd)
	if err == nil {
		j.c.record(out)
	}
	return out, err
}

func (j *journalHost) run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	j.after = nil
	if j.chained != nil {
		// The chained steps ran after this step's first command: a second
		// one would come after them. Chainable steps send one.
		return hostcmd.Output{}, errChainMismatch
	}
	chain := j.chain
	follow := j.follow
	if follow == nil {
		follow = &checkList{}
	}
	if len(chain) == 0 && len(follow.steps) == 0 {
		return j.Host.Run(ctx, j.journaled(cmd))
	}
	boundary, err := newBoundary()
	if err != nil {
		return hostcmd.Output{}, err
	}
	n := 1 + len(follow.steps)
	for _, l := range chain {
		n += chainFrames(l)
	}
	script := chainScript(boundary, j.journaled(cmd), chain, follow.cmds, func(key, cmd string) string {
		return journaled(j.file, key, cmd)
	})
	out, err := j.Host.Run(ctx, script)
	if err != nil {
		return out, err
	}
	frames, ok := parseFrames(boundary, out.Stdout, n)
	if !ok || out.ExitCode != 0 || !frames[0].ran || !allRan(frames[n-len(follow.steps):]) {
		return hostcmd.Output{}, &hostcmd.Error{Msg: "the host's answer to the step could not be read", Output: out}
	}
	res := readChain(frames[1:], chain, follow)
	j.after = res.after
	if len(chain) > 0 {
		j.chained = res.applied
	}
	return frames[0].out, nil
}

func allRan(frames []frame) bool {
	for _, f := range frames {
		if !f.ran {
			return false
		}
	}
	return true
}

// readJournal reads the keys of the steps a run applied on a host from
// its journal file.
func readJournal(ctx context.Context, h hostcmd.Host, journal string) (map[string]bool, error) {
	file := shell.Quote(journal)
	out, err := h.Run(ctx, "if [ -f "+file+" ]; then cat "+file+"; fi")
	if err != nil {
		return nil, fmt.Errorf("reading the run's journal on the host: %w", err)
	}
	if out.ExitCode != 0 {
		return nil, &hostcmd.Error{Msg: "reading the run's journal on the host", Output: out}
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
func (j *journalHost) Unwrap() hostcmd.Host { return j.Host }

func (j *journalHost) SendFile(ctx context.Context, path string, data []byte) error {
	j.after = nil // the host changes after the last answers
	return hostcmd.SendFile(ctx, j.Host, path, data)
}
