package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/switchbackhq/switchback/internal/redact"
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
func (c *runCmd) record(env *Env, store *state.Store, runID string, pb *playbooks.Playbook) error {
	dir, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("recording the run: %w", err)
	}
	args, withheld := withholdSecrets(env.Args, pb.SensitiveVariables(), pb.SensitiveValues())
	sources := map[string]string{}
	for _, p := range append([]string{c.Playbook}, c.VarFiles...) {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("recording the run: %w", err)
		}
		if sources[abs], err = fileSum(abs); err != nil {
			return fmt.Errorf("recording the run: %w", err)
		}
	}
	return store.SaveInvocation(context.Background(), runID, state.Invocation{Dir: dir, Args: args, Withheld: withheld, Sources: sources})
}

// fileSum is the sha256 of a file, in hex.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// changedSources lists the files of a recorded run that changed since it
// started, or are gone, in path order.
func changedSources(sources map[string]string) []string {
	var changed []string
	for _, path := range slices.Sorted(maps.Keys(sources)) {
		sum, err := fileSum(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			changed = append(changed, path+" (gone)")
		case err != nil:
			changed = append(changed, fmt.Sprintf("%s (%v)", path, errors.Unwrap(err)))
		case sum != sources[path]:
			changed = append(changed, path+" (edited)")
		}
	}
	return changed
}

// withholdSecrets drops --var NAME=VALUE arguments that set a sensitive
// variable (whatever the value's length) or whose value shows a secret,
// and returns the names dropped.
func withholdSecrets(args, sensitiveNames, secrets []string) (kept, withheld []string) {
	r := redact.New(secrets)
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
		if slices.Contains(sensitiveNames, name) || r.Holds(value) {
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
	st := &resumeState{id: run.ID, engine: &runner.Resume{Done: map[string]bool{}, Counts: map[string]runner.StepCounts{},
		Snapshots: map[string]*snapshot.Snapshot{}}}
	for _, h := range hosts {
		if h.Status == string(runner.HostOK) {
			st.engine.Done[h.Host] = true
			st.engine.Counts[h.Host] = runner.StepCounts{OK: h.OK, Changed: h.Changed, Failed: h.Failed}
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
	// The steps already applied and the journal on the hosts belong to the
	// playbook as it was: an edited one would run its new version on
	// hosts half converged by the old.
	if changed := changedSources(inv.Sources); len(changed) > 0 {
		if !c.AllowChanged {
			return fmt.Errorf("run %s was started from files that changed since: %s. Resuming would run them as they are now on hosts that the run already changed; put them back as they were, or resume with --allow-changed to run them as they are",
				run.ID, strings.Join(changed, ", "))
		}
		fmt.Fprintf(env.Stderr, "switchback: warning: resuming run %s with files that changed since it started (--allow-changed): %s\n", run.ID, strings.Join(changed, ", "))
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
	abs(&c.Inventory)
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
