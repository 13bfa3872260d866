package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/state"
)

// stateArgs choose the state database.
type stateArgs struct {
	State string `placeholder:"PATH|URL" help:"State database: a SQLite file (default $XDG_STATE_HOME/switchback/state.db), or postgres://USER@HOST/DB, a PostgreSQL database that a team's controllers share (password from PGPASSWORD or ~/.pgpass). Default: SWITCHBACK_STATE when set."`
}

// location is the state database to use: --state, SWITCHBACK_STATE, or
// the SQLite file in the user's state directory.
func (a stateArgs) location(env *Env) (string, error) {
	if a.State != "" {
		return a.State, nil
	}
	if v := env.Getenv("SWITCHBACK_STATE"); v != "" {
		return v, nil
	}
	return state.DefaultPath(env.Getenv)
}

func (a stateArgs) open(env *Env) (*state.Store, error) {
	location, err := a.location(env)
	if err != nil {
		return nil, err
	}
	return state.Open(location)
}

// localDir is where files beside the state database go (lists of failed
// hosts): the SQLite file's directory, or the default one's when the
// state is on a server.
func (a stateArgs) localDir(env *Env) (string, error) {
	location, err := a.location(env)
	if err != nil {
		return "", err
	}
	if state.IsURL(location) {
		if location, err = state.DefaultPath(env.Getenv); err != nil {
			return "", err
		}
	}
	return filepath.Dir(location), nil
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
	fmt.Fprintln(tw, "RUN\tPLAYBOOK\tSTARTED\tHOSTS\tBY\tRESULT")
	for _, r := range runs {
		result, err := liveOutcome(context.Background(), st, r)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, r.Playbook, r.StartedAt.Local().Format(time.DateTime), r.Hosts, by(r), result)
	}
	return tw.Flush()
}

// by says who started a run, and from where.
func by(r state.Run) string {
	switch {
	case r.Operator == "":
		return "-"
	case r.Controller == "":
		return report.Printable(r.Operator)
	}
	return report.Printable(r.Operator + "@" + r.Controller)
}

// liveOutcome is outcome, where a shared store can also tell a run still
// running from one whose controller stopped, and a shard group's dead
// shards from its live ones.
func liveOutcome(ctx context.Context, st *state.Store, r state.Run) (string, error) {
	if r.ExitCode != nil || !st.Shared() {
		return outcome(r), nil
	}
	if r.ShardGroup != "" {
		shards, err := st.Shards(ctx, r.ID)
		if err != nil {
			return "", err
		}
		var running, dead []string
		for _, sh := range shards {
			name := fmt.Sprintf("%d/%d", sh.Shard, r.Shards)
			switch sh.State {
			case state.ShardRunning:
				running = append(running, name)
			case state.ShardDead:
				dead = append(dead, name)
			}
		}
		parts := []string{fmt.Sprintf("shard group %s", r.ShardGroup)}
		if len(running) > 0 {
			parts = append(parts, "running: "+strings.Join(running, ", "))
		}
		if len(dead) > 0 {
			parts = append(parts, fmt.Sprintf("DEAD: %s (take over with 'switchback run --resume %s')", strings.Join(dead, ", "), r.ID))
		}
		if n := r.Shards - len(shards); n > 0 {
			parts = append(parts, fmt.Sprintf("%d shard(s) not started", n))
		}
		return report.Printable(strings.Join(parts, "; ")), nil
	}
	live, err := st.RunningBy(ctx, r.ID)
	if err != nil {
		return "", err
	}
	if len(live) > 0 {
		return report.Printable("running, by " + live[0].String()), nil
	}
	return outcome(r), nil
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
	result, err := liveOutcome(ctx, st, r)
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "Run %s: playbook %q, %d host(s) in %d wave(s), %s\n", r.ID, r.Playbook, r.Hosts, r.Waves, r.Strategy)
	startedBy := ""
	if r.Operator != "" {
		startedBy = " by " + by(r)
	}
	fmt.Fprintf(w, "Started %s%s; %s\n\n", r.StartedAt.Local().Format(time.DateTime), startedBy, result)
	if r.ShardGroup != "" {
		if err := showShards(ctx, w, st, r); err != nil {
			return err
		}
	}
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

// showShards lists the shards of a group's run: who runs each, the last
// wave it finished, and whether it is running, finished or dead.
func showShards(ctx context.Context, w io.Writer, st *state.Store, r state.Run) error {
	shards, err := st.Shards(ctx, r.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Shard group %s, %d shard(s):\n", report.Printable(r.ShardGroup), r.Shards)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SHARD\tCONTROLLER\tWAVES DONE\tSTATE")
	for i := 1; i <= r.Shards; i++ {
		idx := slices.IndexFunc(shards, func(s state.ShardRecord) bool { return s.Shard == i })
		if idx < 0 {
			fmt.Fprintf(tw, "%d/%d\t-\t-\tnot started\n", i, r.Shards)
			continue
		}
		sh := shards[idx]
		what := string(sh.State)
		switch {
		case sh.State == state.ShardFinished && sh.ExitCode != nil:
			what = fmt.Sprintf("finished, exit %d", *sh.ExitCode)
		case sh.State == state.ShardDead:
			what = fmt.Sprintf("DEAD: its controller stopped without finishing; 'switchback run --resume %s --shard %d/%d' takes its hosts over", r.ID, i, r.Shards)
		}
		fmt.Fprintf(tw, "%d/%d\t%s\t%d\t%s\n", i, r.Shards, report.Printable(sh.Holder.String()), sh.WaveDone, what)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
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
