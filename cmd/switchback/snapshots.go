package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/state"
)

type snapshotsCmd struct {
	List  snapshotsListCmd  `cmd:"" default:"withargs" help:"List the snapshots runs left on hosts."`
	Prune snapshotsPruneCmd `cmd:"" help:"Delete snapshots from the hosts: those of one run, or those older than some age."`
}

type snapshotsListCmd struct {
	stateArgs
}

func (c *snapshotsListCmd) Run(env *Env) error {
	st, err := c.open(env)
	if err != nil {
		return err
	}
	defer st.Close()
	snaps, err := st.Snapshots(context.Background())
	if err != nil {
		return err
	}
	if len(snaps) == 0 {
		fmt.Fprintln(env.Stdout, "No snapshots recorded.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tHOST\tTAKEN\tPROVIDER\tLOCATION\tSTATE")
	for _, s := range snaps {
		used := "kept"
		if s.RolledBack {
			used = "restored"
		}
		provider := s.Provider
		if provider == "" {
			provider = "files" // recorded before snapshots named their provider
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.RunID, s.Host, s.Taken.Local().Format(time.DateTime), provider, s.Location, used)
	}
	return tw.Flush()
}

type snapshotsPruneCmd struct {
	stateArgs
	sshArgs
	inventoryFlags
	RunID     string `name:"run" placeholder:"RUN" help:"Delete the snapshots of this run."`
	OlderThan string `placeholder:"AGE" help:"Delete the snapshots of runs older than this, e.g. 7d, 36h."`
}

func (c *snapshotsPruneCmd) Run(env *Env) error {
	if (c.RunID == "") == (c.OlderThan == "") {
		return fmt.Errorf("say which snapshots to delete: --run RUN or --older-than AGE")
	}
	var cutoff time.Time
	if c.OlderThan != "" {
		age, err := parseAge(c.OlderThan)
		if err != nil {
			return err
		}
		cutoff = time.Now().Add(-age)
	}
	st, err := c.open(env)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	snaps, err := st.Snapshots(ctx)
	if err != nil {
		return err
	}
	var todo []state.SnapshotRecord
	for _, s := range snaps {
		if (c.RunID != "" && s.RunID == c.RunID) || (c.RunID == "" && s.Taken.Before(cutoff)) {
			todo = append(todo, s)
		}
	}
	if len(todo) == 0 {
		fmt.Fprintln(env.Stdout, "No snapshot matches: nothing deleted.")
		return nil
	}
	inv, err := c.inventoryFlags.load(env)
	if err != nil {
		return err
	}
	dialer, err := c.sshArgs.dialer(env)
	if err != nil {
		return err
	}
	defer dialer.Close()
	failed := 0
	for _, s := range todo {
		err := func() error {
			h := inv.Host(s.Host)
			if h == nil {
				return fmt.Errorf("not in %s", c.sources())
			}
			if h.Unsupported != "" {
				return fmt.Errorf("not supported as the inventory describes it: %s", h.Unsupported)
			}
			snap := &snapshot.Snapshot{Provider: s.Provider, RunID: s.RunID, Location: s.Location, Digest: s.Digest, Settings: s.Settings}
			if err := recordedSnapshots(dialer).Delete(ctx, h, snap); err != nil {
				return err
			}
			return st.ForgetSnapshot(ctx, s.RunID, s.Host)
		}()
		if err != nil {
			failed++
			fmt.Fprintf(env.Stdout, "%s: %s not deleted: %v\n", s.Host, s.Location, err)
			continue
		}
		fmt.Fprintf(env.Stdout, "%s: deleted %s\n", s.Host, s.Location)
	}
	if failed > 0 {
		return exitError{runner.ExitFailed}
	}
	return nil
}

// parseAge reads "7d", "36h", "90m".
func parseAge(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err == nil && n >= 0 {
			return time.Duration(n) * 24 * time.Hour, nil
		}
	} else if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return d, nil
	}
	return 0, fmt.Errorf("--older-than %q: give an age such as 7d, 36h or 90m", s)
}
