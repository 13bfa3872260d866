package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
)

// Chained applies. Converging costs a round trip per change, where one
// script would do. So a change carries, in the same script, the changes
// of the steps after it in its phase, each behind a guard: a step's
// command runs only if its check, run again on the host right before,
// answers byte for byte what the batched check answered (same exit
// status, same sha256 of stdout and of stderr). Its plan was made from
// that answer, so it is the plan the step would make now, and its command
// (learnt from Apply without sending it, as checks are learnt in
// batch.go) is the command the step would send now. Only steps whose
// module promises that (modules.Chainable) take part, and only steps that
// the engine would run next with nothing in between: decoded at load,
// with no when, for_each, timeout or retries, not applied before a
// resume. The chain stops at the first answer that differs and at the
// first command that fails; the engine then goes on step by step from
// there. Each chained command is journaled under its own step.
//
// The engine still runs every step: its check is answered by the check
// that ran in the chain and its apply by the chained command's output,
// so reports, handlers and registered results are as without the chain.

// link is a step that may ride behind an earlier change of its phase.
type link struct {
	step  *playbooks.Step
	key   string // the step's journal key
	check answer // the batched check's command and answer
	// apply is the one command the step's plan sends; "" when the plan
	// is to change nothing (the link then only checks that it still is).
	apply string
}

// chainAfter returns the links that may follow the change of c (with
// plan) in one script: the eligible steps right after it in its phase,
// up to the first that is not.
func (p *pipeline) chainAfter(ctx context.Context, c *call, plan modules.Plan) []*link {
	k := c.step
	if c.phase == nil || p.initial == nil || !fixed(k) || !p.checks.has(k) {
		return nil
	}
	if ch, ok := c.module.(modules.Chainable); !ok || !ch.Chainable(plan) {
		return nil
	}
	i := slices.Index(c.phase.Steps, k)
	if i < 0 {
		return nil
	}
	var links []*link
	for _, st := range c.phase.Steps[i+1:] {
		l := p.link(ctx, c.phase, st)
		if l == nil {
			break
		}
		links = append(links, l)
	}
	return links
}

// fixed says a step is the same on every host and runs as it is written:
// decoded at load, unconditional, with no timeout or retries of its own.
func fixed(st *playbooks.Step) bool {
	return st.Module != nil && st.Meta.When == nil && st.Meta.ForEach == nil &&
		st.Meta.Timeout == 0 && st.Meta.Retries == 0
}

// link is st as a link of a chain, or nil when st cannot be one. What it
// learns from st's batched answer is kept: the answer does not change.
func (p *pipeline) link(ctx context.Context, ph *playbooks.Phase, st *playbooks.Step) *link {
	if p.ran[st] {
		return nil
	}
	if l, ok := p.links[st]; ok {
		return l
	}
	l := p.learnLink(ctx, ph, st)
	p.links[st] = l
	return l
}

func (p *pipeline) learnLink(ctx context.Context, ph *playbooks.Phase, st *playbooks.Step) *link {
	a, ok := p.initial[st]
	if !ok || !fixed(st) {
		return nil
	}
	key := journalKey(ph.Name, st.Name)
	if p.applied[key] {
		return nil // applied before a resume: the engine decides alone
	}
	c, ok := st.Module.(modules.Chainable)
	if !ok {
		return nil
	}
	plan, err := st.Module.Check(ctx, &answeringHost{answer: a})
	if err != nil || !c.Chainable(plan) {
		return nil
	}
	l := &link{step: st, key: key, check: a}
	if plan.Change {
		if l.apply = applyCommand(ctx, st.Module, plan); l.apply == "" {
			return nil
		}
	}
	return l
}

// answeringHost answers a check's one command and nothing else.
type answeringHost struct {
	answer answer
	asked  bool
}

func (a *answeringHost) Run(_ context.Context, cmd string) (hostcmd.Output, error) {
	if a.asked || cmd != a.answer.cmd {
		return hostcmd.Output{}, errProbed
	}
	a.asked = true
	return a.answer.out, nil
}

// applyProbe records what an Apply sends, answering every command with
// success and no output.
type applyProbe struct {
	cmds []string
	sent bool
}

func (p *applyProbe) Run(_ context.Context, cmd string) (hostcmd.Output, error) {
	p.cmds = append(p.cmds, cmd)
	return hostcmd.Output{}, nil
}

func (p *applyProbe) SendFile(context.Context, string, []byte) error {
	p.sent = true
	return errProbed
}

// applyCommand learns the one command m.Apply sends for plan, or "" when
// it sends none, more than one, a file, or not the same command twice.
func applyCommand(ctx context.Context, m modules.Module, plan modules.Plan) string {
	var cmd string
	for i := range 2 {
		p := &applyProbe{}
		_ = m.Apply(ctx, p, plan) // the probe's answers are not the host's: only the command counts
		if p.sent || len(p.cmds) != 1 || i > 0 && p.cmds[0] != cmd {
			return ""
		}
		cmd = p.cmds[0]
	}
	return cmd
}

// has says whether the list batches st's check.
func (l *checkList) has(st *playbooks.Step) bool {
	return l != nil && slices.Contains(l.steps, st)
}

// chainScript runs first, then each link's check and, when its answer is
// the batched one and nothing failed before, its command (journaled as
// journal does); then the follow checks. Frames are numbered as
// chainFrames says; a frame whose command did not run is marked "-".
func chainScript(boundary, first string, links []*link, follow []string, journal func(key, cmd string) string) string {
	var b strings.Builder
	n := 0
	frame := func(cmd string) {
		writeFrame(&b, boundary, n, cmd)
		n++
	}
	skip := func(count int) {
		for range count {
			fmt.Fprintf(&b, "printf '%%s %%d - 0 0\\n' %s %d\n", boundary, n)
			n++
		}
	}
	b.WriteString(batchPrologue + "sb_go=1\n")
	frame(first)
	b.WriteString("[ \"$sb_rc\" -eq 0 ] || sb_go=0\n")
	for _, l := range links {
		at := n
		b.WriteString("if [ \"$sb_go\" = 1 ]; then\n")
		frame(l.check.cmd)
		fmt.Fprintf(&b, "if [ \"$sb_rc\" -eq %d ] && [ \"$(sha256sum <\"$sb_d/o\")\" = '%s  -' ] && [ \"$(sha256sum <\"$sb_d/e\")\" = '%s  -' ]; then\n",
			l.check.out.ExitCode, digest(l.check.out.Stdout), digest(l.check.out.Stderr))
		b.WriteString(":\n")
		if l.apply != "" {
			frame(journal(l.key, l.apply))
			b.WriteString("[ \"$sb_rc\" -eq 0 ] || sb_go=0\n")
		}
		b.WriteString("else\nsb_go=0\n")
		n = at + 1
		skip(chainFrames(l) - 1)
		b.WriteString("fi\nelse\n")
		n = at
		skip(chainFrames(l))
		b.WriteString("fi\n")
	}
	for _, cmd := range follow {
		frame(cmd)
	}
	return b.String()
}

// chainFrames is how many frames a link takes: its check, and its command
// when it has one.
func chainFrames(l *link) int {
	if l.apply == "" {
		return 1
	}
	return 2
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// chainResult is what a chain's script answered, beyond its first command.
type chainResult struct {
	// after holds the answers of the checks that ran after the last
	// change the script made: the links' and the follow checks'.
	after *prechecks
	// applied holds the chained commands that ran, by step, with their
	// answers, for the engine to hand to each step's Apply.
	applied map[*playbooks.Step]answer
}

// readChain sorts the frames of chainScript (less the first) by link.
func readChain(frames []frame, links []*link, follow *checkList) chainResult {
	res := chainResult{
		after:   &prechecks{answers: map[*playbooks.Step]answer{}},
		applied: map[*playbooks.Step]answer{},
	}
	for _, l := range links {
		if frames[0].ran {
			res.after.answers[l.step] = answer{cmd: l.check.cmd, out: frames[0].out}
		}
		if l.apply != "" {
			if frames[1].ran {
				res.applied[l.step] = answer{cmd: l.apply, out: frames[1].out}
			}
		}
		frames = frames[chainFrames(l):]
	}
	for i, st := range follow.steps {
		res.after.answers[st] = answer{cmd: follow.cmds[i], out: frames[i].out}
	}
	return res
}

// errChainMismatch is a step that sent something other than the command
// chained for it. Chainable promises this cannot happen.
var errChainMismatch = errors.New("the step sent other commands than the one already run for it behind the previous step; this is a bug in the step type's Chainable, please report it")

// chainedHost answers a step's Apply with the output of its command, which
// ran behind an earlier change. It sends nothing.
type chainedHost struct {
	answer answer
	c      *call
	used   bool
}

func (c *chainedHost) Run(_ context.Context, cmd string) (hostcmd.Output, error) {
	if c.used || cmd != c.answer.cmd {
		return hostcmd.Output{}, errChainMismatch
	}
	c.used = true
	if c.c != nil {
		c.c.record(c.answer.out)
	}
	return c.answer.out, nil
}

func (c *chainedHost) SendFile(context.Context, string, []byte) error { return errChainMismatch }
