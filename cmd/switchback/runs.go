package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/state"
)

// stateArgs choose the state database.
type stateArgs struct {
	State string `placeholder:"PATH" help:"State database (default $XDG_STATE_HOME/switchback/state.db)."`
}

func (a stateArgs) path(env *Env) (string, error) {
	if a.State != "" {
		return a.State, nil
	}
	return state.DefaultPath(env.Getenv)
}

func (a stateArgs) open(env *Env) (*state.Store, error) {
	path, err := a.path(env)
	if err != nil {
		return nil, err
	}
	return state.Open(path)
}

type runsCmd struct {
	List  runsListCmd  `cmd:"" default:"withargs" help:"List recorded runs, newest first."`
	Show  runsShowCmd  `cmd:"" help:"Show one run: its hosts, steps, halt and rollbacks; --html and --summary write its evidence to files."`
	Stats runsStatsCmd `cmd:"" help:"Time and failure rate per phase, halts and rollbacks, over recorded runs."`
}

type runsListCmd struct {
	stateArgs
	Last int `default:"20" help:"How many runs to list."`
}

func (c *runsListCmd) Run(env *Env) error {
	st, err := c.open(env)
	if err != nil {
		return err
	}
	defer st.Close()
	runs, err := st.Runs(context.Background(), c.Last)
	if err != nil {
		return err
	}
	if len(runs) == 0 {
		fmt.Fprintln(env.Stdout, "No runs recorded yet.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tPLAYBOOK\tSTARTED\tHOSTS\tRESULT")
	for _, r := range runs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", r.ID, r.Playbook, r.StartedAt.Local().Format(time.DateTime), r.Hosts, outcome(r))
	}
	return tw.Flush()
}

func outcome(r state.Run) string {
	switch {
	case r.ExitCode == nil:
		return "unfinished (the runner stopped before the end)"
	case r.HaltReason != "":
		return fmt.Sprintf("exit %d, halted in wave %d: %s", *r.ExitCode, deref(r.HaltWave), report.Printable(r.HaltReason))
	}
	return fmt.Sprintf("exit %d", *r.ExitCode)
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

type runsShowCmd struct {
	stateArgs
	evidenceArgs
	ID string `arg:"" name:"run" help:"Run id (see 'switchback runs list'), or last for the newest run."`
}

func (c *runsShowCmd) Run(env *Env) error {
	st, err := c.open(env)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if c.ID == "last" {
		runs, err := st.Runs(ctx, 1)
		if err != nil {
			return err
		}
		if len(runs) == 0 {
			return fmt.Errorf("no runs recorded yet in this state database")
		}
		c.ID = runs[0].ID
	}
	r, err := st.Run(ctx, c.ID)
	if err != nil {
		return fmt.Errorf("%w; 'switchback runs list' shows the recorded runs", err)
	}
	hosts, err := st.Hosts(ctx, r.ID)
	if err != nil {
		return err
	}
	steps, err := st.Steps(ctx, r.ID)
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "Run %s: playbook %q, %d host(s) in %d wave(s), %s\n", r.ID, r.Playbook, r.Hosts, r.Waves, r.Strategy)
	fmt.Fprintf(w, "Started %s; %s\n\n", r.StartedAt.Local().Format(time.DateTime), outcome(r))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "HOST\tWAVE\tSTATUS\tOK\tCHANGED\tFAILED\tROLLBACK\tERROR")
	for _, h := range hosts {
		rb := "-"
		switch {
		case h.RollbackError != "":
			rb = "FAILED: " + h.RollbackError
		case h.RolledBack:
			rb = "rolled back"
		case h.Snapshot != "":
			rb = "snapshot kept"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%d\t%d\t%s\t%s\n", h.Host, h.Wave, h.Status, h.OK, h.Changed, h.Failed, rb, firstLineOf(h.Error))
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d step result(s) recorded; failures:\n", len(steps))
	n := 0
	for _, s := range steps {
		if s.Status == "failed" || s.Status == "running" {
			n++
			fmt.Fprintf(w, "  %s  %s / %s: %s %s\n", s.Host, s.Phase, s.Step, s.Status, firstLineOf(s.Error))
		}
	}
	if n == 0 {
		fmt.Fprintln(w, "  none")
	}
	if c.evidenceArgs.wanted() {
		fmt.Fprintln(w)
	}
	return c.evidenceArgs.write(env, st, r.ID, true)
}

// firstLineOf shows the first line of a recorded error, made safe to
// print: it may hold what a host wrote.
func firstLineOf(s string) string {
	for i, r := range s {
		if r == '\n' {
			return report.Printable(s[:i]) + " …"
		}
	}
	return report.Printable(s)
}
