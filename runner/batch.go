package runner

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
)

// Optimistic batched checks. Round trips are what a run costs once hosts
// are far away, and on a converged host every step's check is a round
// trip that finds nothing to do. So before a host's first step, the first
// command each step's Check would send is learnt without sending it (a
// Check only reads the host, so it can be run against a probe that records
// the command and stops it there), all of them go to the host as one
// script, and each step's Check is then fed its answer. A converged host
// costs one round trip for all its checks (but for checks that run the
// user's own code, modules.LateChecker). Once a step changes something,
// later answers may be stale and are dropped: from there each step checks
// the host itself.

// errProbed stops a Check at its first command, which the probe recorded.
var errProbed = errors.New("probed")

type probeHost struct{ cmd string }

func (p *probeHost) Run(_ context.Context, cmd string) (hostcmd.Output, error) {
	p.cmd = cmd
	return hostcmd.Output{}, errProbed
}

// firstCommand learns the first command m.Check sends, or "" when it
// sends none or fails before sending one.
func firstCommand(ctx context.Context, m modules.Module) string {
	p := &probeHost{}
	if _, err := m.Check(ctx, p); !errors.Is(err, errProbed) {
		return ""
	}
	return p.cmd
}

// prechecks holds a host's batched answers, by step; each is used once
// (a retry checks the host itself).
type prechecks struct {
	answers map[*playbooks.Step]answer
}

type answer struct {
	cmd string
	out hostcmd.Output
}

// checkList is what a host's batched checks send: the first check
// command of each step decoded at load, learnt once per host.
type checkList struct {
	steps []*playbooks.Step
	cmds  []string
}

func learnChecks(ctx context.Context, steps []*playbooks.Step) *checkList {
	l := &checkList{}
	for _, st := range steps {
		if st.Module == nil {
			continue
		}
		if l, ok := st.Module.(modules.LateChecker); ok && l.ChecksLate() {
			continue // the user's own check runs when its step's turn comes
		}
		if cmd := firstCommand(ctx, st.Module); cmd != "" {
			l.steps = append(l.steps, st)
			l.cmds = append(l.cmds, cmd)
		}
	}
	return l
}

// without is the list less the steps that already ran (or are running).
func (l *checkList) without(done func(*playbooks.Step) bool) *checkList {
	out := &checkList{}
	if l == nil {
		return out
	}
	for i, st := range l.steps {
		if !done(st) {
			out.steps = append(out.steps, st)
			out.cmds = append(out.cmds, l.cmds[i])
		}
	}
	return out
}

// followChecks is how many checks of the steps to come a change carries.
// One makes converging cost one round trip per change; more would save
// round trips only after steps that find nothing to do, and every
// command of every change would run them all again on the host (apk's
// check is a dependency solve).
const followChecks = 1

// first is the list's first n entries.
func (l *checkList) first(n int) *checkList {
	if len(l.steps) <= n {
		return l
	}
	return &checkList{steps: l.steps[:n], cmds: l.cmds[:n]}
}

func (l *checkList) answers(outs []hostcmd.Output) *prechecks {
	p := &prechecks{answers: make(map[*playbooks.Step]answer, len(l.steps))}
	for i, st := range l.steps {
		p.answers[st] = answer{cmd: l.cmds[i], out: outs[i]}
	}
	return p
}

// precheck sends the checks of l to the host in one round trip. A step
// decoded per host is checked when it runs. Nothing is lost if the batch
// fails: steps then check one by one.
func precheck(ctx context.Context, h hostcmd.Host, l *checkList) (*prechecks, error) {
	if len(l.steps) < 2 {
		return nil, nil // nothing to save
	}
	boundary, err := newBoundary()
	if err != nil {
		return nil, err
	}
	out, err := h.Run(ctx, batchScript(boundary, l.cmds))
	if err != nil {
		return nil, err
	}
	outs, ok := parseBatch(boundary, out.Stdout, len(l.cmds))
	if !ok || out.ExitCode != 0 {
		return nil, nil
	}
	return l.answers(outs), nil
}

// newBoundary is a token a host cannot guess, so that output of a check
// cannot pass itself off as the frame of another.
func newBoundary() (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("making a batch boundary: %w", err)
	}
	return "sb-batch-" + hex.EncodeToString(b[:]), nil
}

// batchScript runs each command in its own subshell, with stdout and
// stderr in files of a private temporary directory, and prints for each
// a frame: "BOUNDARY i exit outbytes errbytes", then the two outputs.
func batchScript(boundary string, cmds []string) string {
	var b strings.Builder
	b.WriteString(batchPrologue)
	for i, cmd := range cmds {
		writeFrame(&b, boundary, i, cmd)
	}
	return b.String()
}

// batchPrologue makes the directory that holds each command's output.
const batchPrologue = "sb_d=$(mktemp -d) || exit 97\ntrap 'rm -rf \"$sb_d\"' EXIT\n"

// writeFrame runs cmd and prints its frame; $sb_rc keeps its exit status.
func writeFrame(b *strings.Builder, boundary string, i int, cmd string) {
	fmt.Fprintf(b, "(\n%s\n) >\"$sb_d/o\" 2>\"$sb_d/e\" </dev/null\nsb_rc=$?\n", cmd)
	fmt.Fprintf(b, "printf '%%s %%d %%d %%d %%d\\n' %s %d \"$sb_rc\" \"$(wc -c <\"$sb_d/o\")\" \"$(wc -c <\"$sb_d/e\")\"\ncat \"$sb_d/o\" \"$sb_d/e\"\n", boundary, i)
}

// frame is one command's part of a batch's answer; ran is false for a
// command the script skipped (its frame says "-" for the exit status).
type frame struct {
	out hostcmd.Output
	ran bool
}

// parseBatch reads the frames of batchScript's output. It says false
// unless every command's frame is there, whole and in order.
func parseBatch(boundary, text string, n int) ([]hostcmd.Output, bool) {
	frames, ok := parseFrames(boundary, text, n)
	if !ok {
		return nil, false
	}
	outs := make([]hostcmd.Output, n)
	for i, f := range frames {
		if !f.ran {
			return nil, false
		}
		outs[i] = f.out
	}
	return outs, true
}

// parseFrames reads n frames, of commands that ran or were skipped. It
// says false unless every frame is there, whole and in order.
func parseFrames(boundary, text string, n int) ([]frame, bool) {
	frames := make([]frame, 0, n)
	for i := range n {
		header, rest, ok := strings.Cut(text, "\n")
		if !ok {
			return nil, false
		}
		f := strings.Fields(header)
		if len(f) != 5 || f[0] != boundary || f[1] != strconv.Itoa(i) {
			return nil, false
		}
		if f[2] == "-" {
			if f[3] != "0" || f[4] != "0" {
				return nil, false
			}
			frames = append(frames, frame{})
			text = rest
			continue
		}
		rc, err1 := strconv.Atoi(f[2])
		no, err2 := strconv.Atoi(f[3])
		ne, err3 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || err3 != nil || no < 0 || ne < 0 || no+ne > len(rest) {
			return nil, false
		}
		frames = append(frames, frame{out: hostcmd.Output{Stdout: rest[:no], Stderr: rest[no : no+ne], ExitCode: rc}, ran: true})
		text = rest[no+ne:]
	}
	return frames, text == ""
}
