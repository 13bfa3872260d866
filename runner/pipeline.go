package runner

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
)

// pipeline is one host's way of turning steps into round trips. Round
// trips are what a run costs once hosts are far away, so the commands
// steps send do not go to the host one by one:
//
//   - batched checks (batch.go): before the host's first step, the first
//     command of every step's Check goes in one script, and each Check
//     is answered from it;
//   - follow checks: a change carries the next step's check, whose
//     answer replaces the stale one;
//   - chains (chain.go): a change carries the changes of the steps after
//     it in its phase, each behind a guard;
//   - the journal (journal.go): every command of an Apply records its
//     step on the host in the same shell invocation, for a resume.
//
// The engine sees none of that: for each step instance it makes a call
// and asks the pipeline to check it and to apply its plan. Only the
// host's goroutine uses a pipeline.
type pipeline struct {
	journal        string        // the run's journal file on the host
	commandTimeout time.Duration // what each chained change adds to a timeout

	// checks is what the batch sends: the first check command of each
	// step decoded at load. pre holds the answers not yet used that are
	// still current; initial keeps them as they first came, for chains.
	checks  *checkList
	pre     *prechecks
	initial map[*playbooks.Step]answer
	// links holds what each step is as a link of a chain (nil: it cannot
	// be one); chained holds the commands that ran behind an earlier
	// change, with their answers, until their steps take them.
	links   map[*playbooks.Step]*link
	chained map[*playbooks.Step]answer
	// ran holds the steps that ran or are running: their answers are not
	// wanted any more. applied holds the journal keys of the steps the run
	// applied before it was resumed.
	ran     map[*playbooks.Step]bool
	applied map[string]bool
}

func newPipeline(journal string, commandTimeout time.Duration) *pipeline {
	return &pipeline{
		journal: journal, commandTimeout: commandTimeout,
		links: map[*playbooks.Step]*link{}, chained: map[*playbooks.Step]answer{}, ran: map[*playbooks.Step]bool{},
	}
}

// call is one step instance going through the pipeline: what it is, the
// host as it sees it, and what its commands answered.
type call struct {
	phase   *playbooks.Phase
	step    *playbooks.Step
	module  modules.Module
	host    hostcmd.Host // the connection, as root when the step says become
	key     string       // the step instance in the journal
	gate    bool         // a gate's check: it only looks, and carries no chain
	timeout time.Duration

	// replay is the batched answer to the first command of its Check,
	// used once; chained is the answer of its command, which ran behind
	// an earlier change.
	replay  *answer
	chained *answer

	mu   sync.Mutex
	last hostcmd.Output // what its last command answered, which it registers
}

// call makes the call of one step instance, with its batched answer.
func (p *pipeline) call(ph *playbooks.Phase, st *playbooks.Step, m modules.Module, host hostcmd.Host, key string, gate bool, timeout time.Duration) *call {
	c := &call{phase: ph, step: st, module: m, host: host, key: key, gate: gate, timeout: timeout}
	if p.pre != nil {
		if a, ok := p.pre.answers[st]; ok {
			delete(p.pre.answers, st)
			c.replay = &a
		}
	}
	return c
}

func (c *call) record(out hostcmd.Output) {
	c.mu.Lock()
	c.last = out
	c.mu.Unlock()
}

// output is what the step's last command answered.
func (c *call) output() hostcmd.Output {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// prepare readies the pipeline on a connected host: with resume, it
// reads which steps the run applied there before; then it learns the
// checks of steps and sends them in one round trip. Nothing is lost if
// the batch cannot be read: steps then check one by one.
func (p *pipeline) prepare(ctx context.Context, root hostcmd.Host, steps []*playbooks.Step, resume bool) error {
	if resume {
		applied, err := readJournal(ctx, root, p.journal)
		if err != nil {
			return err
		}
		p.applied = applied
	}
	p.checks = learnChecks(ctx, steps)
	pre, err := precheck(ctx, root, p.checks)
	if err != nil {
		return fmt.Errorf("checking the host's steps: %w", err)
	}
	p.pre = pre
	if pre != nil {
		p.initial = maps.Clone(pre.answers)
	}
	return nil
}

// check runs the step's Check, its first command answered from the batch
// when it can be, and takes the answer of its command if that already
// ran behind an earlier change.
func (p *pipeline) check(ctx context.Context, c *call) (modules.Plan, error) {
	plan, err := c.module.Check(ctx, &checkHost{Host: c.host, c: c})
	if err != nil {
		return plan, err
	}
	c.chained = nil
	if a, ok := p.chained[c.step]; ok {
		delete(p.chained, c.step)
		c.chained = &a
		if !plan.Change {
			return plan, errChainMismatch
		}
	}
	return plan, nil
}

// appliedBefore says the run applied the step before it was resumed.
func (p *pipeline) appliedBefore(c *call) bool { return p.applied[c.key] }

// apply carries out the step's plan. A step whose command already ran
// behind an earlier change is answered with that command's output and
// sends nothing; any other sends its change journaled, with the next
// check and the chained changes of the steps after it riding along.
func (p *pipeline) apply(ctx context.Context, c *call, plan modules.Plan) error {
	p.ran[c.step] = true
	if c.chained != nil {
		return c.module.Apply(ctx, &chainedHost{answer: *c.chained, c: c}, plan)
	}
	var chain []*link
	if !c.gate {
		chain = p.chainAfter(ctx, c, plan)
	}
	timeout := c.timeout
	inChain := map[*playbooks.Step]bool{}
	for _, l := range chain {
		inChain[l.step] = true
		if l.apply != "" && timeout > 0 {
			timeout += p.commandTimeout // each chained change has the budget it would have alone
		}
	}
	j := &journalHost{Host: c.host, c: c, file: p.journal, key: c.key, chain: chain,
		follow: p.checks.without(func(s *playbooks.Step) bool { return p.ran[s] || inChain[s] }).first(followChecks)}
	_, err := withTimeout(ctx, timeout, func(ctx context.Context) (modules.Plan, error) {
		return plan, c.module.Apply(ctx, j, plan)
	})
	// The host changed: earlier answers are stale, and the answers that
	// came with the change's last command replace them.
	p.pre = j.after
	maps.Copy(p.chained, j.chained)
	return err
}

// done forgets what was kept for a step that ran: it is never a link.
func (p *pipeline) done(st *playbooks.Step) {
	p.ran[st] = true
	delete(p.initial, st)
	delete(p.links, st)
}

// inFlight says changes of steps still to be reported already ran behind
// an earlier one: a halt waits until they are.
func (p *pipeline) inFlight() bool { return len(p.chained) > 0 }

// checkHost is the host as a step's Check sees it: its first command is
// answered from the batch when the batch holds it; every answer is
// recorded for register.
type checkHost struct {
	hostcmd.Host
	c *call
}

func (h *checkHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	a := h.c.replay
	h.c.replay = nil
	if a != nil && cmd == a.cmd {
		h.c.record(a.out)
		return a.out, nil
	}
	out, err := h.Host.Run(ctx, cmd)
	if err == nil {
		h.c.record(out)
	}
	return out, err
}

func (h *checkHost) SendFile(ctx context.Context, path string, data []byte) error {
	return hostcmd.SendFile(ctx, h.Host, path, data)
}

// Unwrap returns the connection.
func (h *checkHost) Unwrap() hostcmd.Host { return h.Host }
