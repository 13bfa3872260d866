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
// again the same way.
func (c *runCmd) record(env *Env, store *state.Store, runID string, pb *playbooks.Playbook) error {
	inv, err := c.invocation(env, pb)
	if err != nil {
		return fmt.Errorf("recording the run: %w", err)
	}
	return store.SaveInvocation(context.Background(), runID, inv)
}

// invocation is how the run was started: the directory, the arguments
// and the sha256 of the playbook and var files. A --var whose value holds
// a secret is left out and its name kept, and the state's password is
// hidden: the state database never holds a sensitive value.
func (c *runCmd) invocation(env *Env, pb *playbooks.Playbook) (state.Invocation, error) {
	dir, err := os.Getwd()
	if err != nil {
		return state.Invocation{}, err
	}
	args, withheld := withholdSecrets(env.Args, pb.SensitiveVariables(), pb.SensitiveValues())
	sources := map[string]string{}
	for _, p := range append([]string{c.Playbook}, c.VarFiles...) {
		abs, err := filepath.Abs(p)
		if err != nil {
			return state.Invocation{}, err
		}
		if sources[abs], err = fileSum(abs); err != nil {
			return state.Invocation{}, err
		}
	}
	return state.Invocation{Dir: dir, Args: redactState(args), Withheld: withheld, Sources: sources}, nil
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
	if run.ShardGroup != "" {
		return c.resumeShard(env, store, run)
	}
	if c.Shard != "" {
		return fmt.Errorf("run %s is not a shard group's run: --resume takes no --shard", run.ID)
	}
	inv, err := store.Invocation(ctx, run.ID)
	if errors.Is(err, state.ErrNoInvocation) {
		return fmt.Errorf("run %s cannot be resumed: its arguments were not recorded; start it again with the same arguments", run.ID)
	}
	if err != nil {
		return err
	}
	st, err := resumeStateOf(ctx, store, run.ID)
	if err != nil {
		return err
	}
	again, err := c.again(env, run.ID, inv)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Resuming run %s: %d of %d host(s) already finished.\n", run.ID, len(st.engine.Done), run.Hosts)
	return again.run(env, st)
}

// resumeStateOf reads which hosts of a run finished and which snapshots
// it took.
func resumeStateOf(ctx context.Context, store *state.Store, runID string) (*resumeState, error) {
	hosts, err := store.Hosts(ctx, runID)
	if err != nil {
		return nil, err
	}
	st := &resumeState{id: runID, engine: &runner.Resume{Done: map[string]bool{}, Counts: map[string]runner.StepCounts{},
		Snapshots: map[string]*snapshot.Snapshot{}}}
	for _, h := range hosts {
		if h.Status == string(runner.HostOK) {
			st.engine.Done[h.Host] = true
			st.engine.Counts[h.Host] = runner.StepCounts{OK: h.OK, Changed: h.Changed, Failed: h.Failed}
		}
		if h.Snapshot != "" && !h.RolledBack {
			st.engine.Snapshots[h.Host] = &snapshot.Snapshot{Provider: h.SnapshotProvider, RunID: runID, Location: h.Snapshot,
				Digest: h.SnapshotDigest, Settings: h.SnapshotSettings}
		}
	}
	return st, nil
}

// again parses a run's recorded arguments back into a run command, for
// a resume.
func (c *runCmd) again(env *Env, runID string, inv state.Invocation) (*runCmd, error) {
	return c.stateArgs.recordedRun(env, runID, inv, c.AllowChanged, recordedUse{
		retry: "resume again",
		// The steps already applied and the journal on the hosts belong
		// to the playbook as it was: an edited one would run its new
		// version on hosts half converged by the old.
		refuse: func(changed []string) error {
			return fmt.Errorf("run %s was started from files that changed since: %s. Resuming would run them as they are now on hosts that the run already changed; put them back as they were, or resume with --allow-changed to run them as they are",
				runID, strings.Join(changed, ", "))
		},
		allowed: fmt.Sprintf("resuming run %s with files that changed since it started (--allow-changed)", runID),
	})
}

// recordedUse is what a command does with a recorded run's arguments,
// for its messages.
type recordedUse struct {
	retry   string                       // what to do once the withheld variables are set
	refuse  func(changed []string) error // the refusal when files changed since the run started
	allowed string                       // the warning when they changed and that is allowed
}

// recordedRun parses a recorded run's arguments back into the run
// command that started it (as 'run --resume' and 'rollback' find the
// run's playbook), with the state database sa names (the recorded one
// has no password). Files the run started from that changed since are
// refused with use.refuse's words, unless allowChanged.
func (sa stateArgs) recordedRun(env *Env, runID string, inv state.Invocation, allowChanged bool, use recordedUse) (*runCmd, error) {
	var missing []string
	for _, name := range inv.Withheld {
		if env.Getenv(playbooks.EnvPrefix+name) == "" {
			missing = append(missing, playbooks.EnvPrefix+name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("run %s was given sensitive variables with --var, which are not recorded; set %s in the environment and %s", runID, strings.Join(missing, ", "), use.retry)
	}
	if changed := changedSources(inv.Sources); len(changed) > 0 {
		if !allowChanged {
			return nil, use.refuse(changed)
		}
		fmt.Fprintf(env.Stderr, "switchback: warning: %s: %s\n", use.allowed, strings.Join(changed, ", "))
	}
	again, err := parseRun(env, inv.Args)
	if err != nil {
		return nil, fmt.Errorf("run %s: its recorded arguments no longer parse (%w)", runID, err)
	}
	again.rebase(inv.Dir)
	if again.State, err = sa.location(env); err != nil {
		return nil, err
	}
	return again, nil
}

// recordedInvocation is how a run was started: for a shard group's run,
// as its first recorded shard was (every shard runs one playbook).
func recordedInvocation(ctx context.Context, store *state.Store, run state.Run) (state.Invocation, error) {
	if run.ShardGroup == "" {
		return store.Invocation(ctx, run.ID)
	}
	shards, err := store.Shards(ctx, run.ID)
	if err != nil {
		return state.Invocation{}, err
	}
	if len(shards) == 0 {
		return state.Invocation{}, state.ErrNoInvocation
	}
	return shards[0].Invocation, nil
}

// resumeShard takes over a shard of a group's run whose controller
// stopped without finishing it: the one --shard names, else the first
// such shard. It runs with that shard's recorded arguments, joins the
// group in its place and goes on from where it stopped; the other
// shards, waiting for it at the end of a wave, go on with it.
func (c *runCmd) resumeShard(env *Env, store *state.Store, run state.Run) error {
	ctx := context.Background()
	shards, err := store.Shards(ctx, run.ID)
	if err != nil {
		return err
	}
	index := 0
	if c.Shard != "" {
		sh, err := parseShard(c.Shard)
		if err != nil {
			return err
		}
		if sh.Of != run.Shards {
			return fmt.Errorf("run %s has %d shards: --shard %s does not name one of them", run.ID, run.Shards, c.Shard)
		}
		index = sh.Index
	}
	var inv *state.Invocation
	for i := range shards {
		if index == 0 && shards[i].State == state.ShardDead {
			index = shards[i].Shard
		}
		if shards[i].Shard == index {
			inv = &shards[i].Invocation
		}
	}
	if index == 0 {
		for i := 1; i <= run.Shards && index == 0; i++ {
			if !slices.ContainsFunc(shards, func(s state.ShardRecord) bool { return s.Shard == i }) {
				index = i // never started: started now, with another shard's arguments
			}
		}
	}
	if index == 0 {
		if run.ExitCode != nil {
			return fmt.Errorf("every shard of run %s finished (exit %d); a shard group's run is not resumed once it has ended: start a new run with a new --shard-group name", run.ID, *run.ExitCode)
		}
		return fmt.Errorf("every shard of run %s is running; there is no shard to take over ('switchback runs show %s')", run.ID, run.ID)
	}
	if inv == nil {
		if len(shards) == 0 {
			return fmt.Errorf("run %s recorded no shard's arguments; start its shards again with the same arguments", run.ID)
		}
		inv = &shards[0].Invocation
	}
	again, err := c.again(env, run.ID, *inv)
	if err != nil {
		return err
	}
	again.Shard = fmt.Sprintf("%d/%d", index, run.Shards)
	st, err := resumeStateOf(ctx, store, run.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Taking over shard %d/%d of run %s: %d of the fleet's %d host(s) already finished.\n",
		index, run.Shards, run.ID, len(st.engine.Done), run.Hosts)
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
