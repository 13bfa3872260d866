package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/state"
)

// resumeState is what a resumed run continues from.
type resumeState struct {
	id     string
	engine *runner.Resume
}

// record saves how the run was started, so that --resume can start it
// again the same way. A --var whose value holds a secret is left out and
// its name kept: the state database never holds a sensitive value.
func (c *runCmd) record(env *Env, store *state.Store, runID string, secrets []string) error {
	dir, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("recording the run: %w", err)
	}
	args, withheld := withholdSecrets(env.Args, secrets)
	return store.SaveInvocation(context.Background(), runID, state.Invocation{Dir: dir, Args: args, Withheld: withheld})
}

// withholdSecrets drops --var NAME=VALUE arguments whose value holds a
// secret, and returns the names dropped.
func withholdSecrets(args, secrets []string) (kept, withheld []string) {
	secret := func(v string) bool {
		for _, s := range secrets {
			if s != "" && strings.Contains(v, s) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		var assignment string
		switch {
		case a == "--var" && i+1 < len(args):
			assignment = args[i+1]
		case strings.HasPrefix(a, "--var="):
			assignment = strings.TrimPrefix(a, "--var=")
		default:
			kept = append(kept, a)
			continue
		}
		name, value, _ := strings.Cut(assignment, "=")
		if secret(value) {
			withheld = append(withheld, name)
		} else {
			kept = append(kept, a)
			if a == "--var" {
				kept = append(kept, assignment)
			}
		}
		if a == "--var" {
			i++
		}
	}
	return kept, withheld
}

// resume continues the run c.Resume: it parses the arguments the run was
// started with, reads which hosts finished and which snapshots were
// taken, and runs again under the same id.
func (c *runCmd) resume(env *Env) error {
	if c.Playbook != "" {
		return fmt.Errorf("--resume takes the playbook and every setting from the recorded run; give only --resume %s (and --state if the run was recorded elsewhere)", c.Resume)
	}
	store, err := c.stateArgs.open(env)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := context.Background()
	run, err := store.Run(ctx, c.Resume)
	if err != nil {
		return err
	}
	if run.ExitCode != nil && *run.ExitCode == runner.ExitOK {
		return fmt.Errorf("run %s finished with every host converged; there is nothing to resume", run.ID)
	}
	inv, err := store.Invocation(ctx, run.ID)
	if errors.Is(err, state.ErrNoInvocation) {
		return fmt.Errorf("run %s cannot be resumed: its arguments were not recorded; start it again with the same arguments", run.ID)
	}
	if err != nil {
		return err
	}
	hosts, err := store.Hosts(ctx, run.ID)
	if err != nil {
		return err
	}
	st := &resumeState{id: run.ID, engine: &runner.Resume{Done: map[string]bool{}, Snapshots: map[string]*snapshot.Snapshot{}}}
	for _, h := range hosts {
		if h.Status == string(runner.HostOK) {
			st.engine.Done[h.Host] = true
		}
		if h.Snapshot != "" && !h.RolledBack {
			st.engine.Snapshots[h.Host] = &snapshot.Snapshot{Provider: h.SnapshotProvider, RunID: run.ID, Location: h.Snapshot,
				Digest: h.SnapshotDigest, Settings: h.SnapshotSettings}
		}
	}

	var missing []string
	for _, name := range inv.Withheld {
		if env.Getenv(playbooks.EnvPrefix+name) == "" {
			missing = append(missing, playbooks.EnvPrefix+name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("run %s was given sensitive variables with --var, which are not recorded; set %s in the environment and resume again", run.ID, strings.Join(missing, ", "))
	}
	again, err := parseRun(env, inv.Args)
	if err != nil {
		return fmt.Errorf("run %s cannot be resumed: its recorded arguments no longer parse (%w)", run.ID, err)
	}
	again.rebase(inv.Dir)
	if c.State != "" {
		again.State = c.State
	}
	fmt.Fprintf(env.Stdout, "Resuming run %s: %d of %d host(s) already finished.\n", run.ID, len(st.engine.Done), len(hosts))
	return again.run(env, st)
}

// parseRun parses recorded arguments back into a run command.
func parseRun(env *Env, args []string) (*runCmd, error) {
	var c cli
	parser, err := newParser(&c, env)
	if err != nil {
		return nil, err
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(kctx.Command(), "run") || c.Run.Resume != "" {
		return nil, fmt.Errorf("the recorded command is %q, not a run", kctx.Command())
	}
	return &c.Run, nil
}

// rebase makes the run's relative paths relative to dir, the directory
// the run was started in.
func (c *runCmd) rebase(dir string) {
	abs := func(p *string) {
		if *p != "" && !filepath.IsAbs(*p) && !strings.Contains(*p, ":") {
			*p = filepath.Join(dir, *p)
		}
	}
	abs(&c.Playbook)
	for i := range c.Inventory {
		abs(&c.Inventory[i])
	}
	for i := range c.VaultPasswordFile {
		abs(&c.VaultPasswordFile[i])
	}
	for i, id := range c.VaultID {
		label, file, ok := strings.Cut(id, "@")
		if !ok {
			abs(&c.VaultID[i])
			continue
		}
		abs(&file)
		c.VaultID[i] = label + "@" + file
	}
	abs(&c.KnownHosts)
	abs(&c.JUnit)
	abs(&c.State)
	for i := range c.VarFiles {
		abs(&c.VarFiles[i])
	}
	for i, l := range c.Limit {
		if file, ok := strings.CutPrefix(l, "@"); ok {
			abs(&file)
			c.Limit[i] = "@" + file
		}
	}
}
