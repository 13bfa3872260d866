package main

import (
	"context"
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"
	"unicode"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/state"
)

// groupShard checks --shard-group and reads the --shard it needs.
func (c *runCmd) groupShard() (runner.Shard, error) {
	name := c.ShardGroup
	if len(name) > 200 || strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return runner.Shard{}, fmt.Errorf("--shard-group %q: give a printable name of at most 200 characters, the same for every shard (e.g. the job's name)", name)
	}
	if c.Shard == "" {
		return runner.Shard{}, fmt.Errorf("--shard-group %s needs --shard I/N: which shard this controller is, of how many", name)
	}
	if c.Drill {
		// A drill compares each host before and after its own rollback;
		// run it from one controller, on rehearsal hosts.
		return runner.Shard{}, fmt.Errorf("--drill cannot run in a shard group: drill the rehearsal hosts from one controller, without --shard-group")
	}
	return parseShard(c.Shard)
}

// joinGroup makes this controller a shard of the group's run, before
// any host is contacted. A shard whose earlier controller died is taken
// over as a resume of it.
func (c *runCmd) joinGroup(ctx context.Context, env *Env, store *state.Store, l *loaded, segs []runner.Segment, sh runner.Shard,
	who state.Operator, runID string, resume *resumeState) (*state.Group, *resumeState, error) {
	if !store.Shared() {
		return nil, nil, fmt.Errorf("--shard-group needs a state database that every shard shares (--state postgres://USER@HOST/DB, or SWITCHBACK_STATE); %s is this controller's own", store.Where())
	}
	inv, err := c.invocation(env, l.playbook)
	if err != nil {
		return nil, nil, fmt.Errorf("joining shard group %s: %w", c.ShardGroup, err)
	}
	spec := state.GroupSpec{
		Name: c.ShardGroup, Shard: sh.Index, Shards: sh.Of, RunID: runID,
		Digest:    runner.PlanDigest(l.playbook.Name, segs, sh.Of),
		Playbook:  l.playbook.Name,
		CheckMode: c.Check,
		Lease:     !c.Check,
		// A pod restarted after its controller died may come back before
		// the server has seen the old session end (at once for a killed
		// process, ~25 s for one cut off by the network).
		HolderWait: 45 * time.Second,
		Invocation: inv,
	}
	if len(segs) > 0 {
		spec.Strategy = string(segs[0].Route.Resolve().Strategy)
	}
	spec.Hosts, spec.HostWaves = runner.HostWaves(segs)
	for range runner.Waves(segs) {
		spec.Waves++
	}
	group, err := store.JoinGroup(ctx, spec, who)
	if err != nil {
		return nil, nil, err
	}
	if group.TookOver && resume == nil {
		// Restarted by a job system after its controller died: go on from
		// where the shard stopped, as run --resume would.
		if resume, err = resumeStateOf(ctx, store, group.RunID()); err != nil {
			group.Leave(context.WithoutCancel(ctx), runner.ExitUsage)
			return nil, nil, err
		}
	}
	if c.Output != "json" {
		switch {
		case group.Formed:
			fmt.Fprintf(env.Stdout, "Shard group %s: run %s formed by shard %d/%d.\n", c.ShardGroup, group.RunID(), sh.Index, sh.Of)
		case group.TookOver:
			fmt.Fprintf(env.Stdout, "Shard group %s: shard %d/%d of run %s taken over from a controller that stopped without finishing it; %d of the fleet's hosts already finished.\n",
				c.ShardGroup, sh.Index, sh.Of, group.RunID(), len(resume.engine.Done))
		default:
			fmt.Fprintf(env.Stdout, "Shard group %s: joined run %s as shard %d/%d.\n", c.ShardGroup, group.RunID(), sh.Index, sh.Of)
		}
	}
	return group, resume, nil
}

// operatorOf says who runs this controller: SWITCHBACK_OPERATOR (a CI
// job can name the person or pipeline behind it), else the login name.
func operatorOf(env *Env) state.Operator {
	name := env.Getenv("SWITCHBACK_OPERATOR")
	if name == "" {
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
	}
	if name == "" {
		name = "unknown"
	}
	host, err := os.Hostname()
	if err != nil {
		host = "an unknown controller"
	}
	return state.Operator{Name: name, Controller: host, PID: os.Getpid()}
}

// redactState hides the password of a --state URL in arguments that are
// recorded: the state database never holds its own password.
func redactState(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		switch {
		case i > 0 && args[i-1] == "--state":
			out[i] = state.Redact(a)
		case strings.HasPrefix(a, "--state="):
			out[i] = "--state=" + state.Redact(strings.TrimPrefix(a, "--state="))
		default:
			out[i] = a
		}
	}
	return out
}
