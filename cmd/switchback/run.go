package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/drill"
	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/state"
	"github.com/switchbackhq/switchback/runner/transport"
)

type runCmd struct {
	Playbook string   `arg:"" optional:"" help:"Playbook file (.hcl); left out with --resume."`
	Vars     []string `name:"var" sep:"none" placeholder:"NAME=VALUE" help:"Set a playbook variable (repeatable; wins over var files and SWITCHBACK_VAR_NAME)."`
	VarFiles []string `name:"var-file" sep:"none" placeholder:"FILE" help:"Read variables from an HCL file of NAME = VALUE lines (repeatable; later files win)."`
	Resume   string   `placeholder:"RUN" help:"Continue a recorded run with the arguments it was started with: hosts that finished are not run again, the interrupted wave continues, and no step that already ran is repeated. For a shard group's run, take over a shard whose controller stopped (--shard I/N picks which)."`
	// AllowChanged goes with Resume.
	AllowChanged bool   `help:"With --resume: continue even though the playbook or a var file changed since the run started (by default such a resume is refused)."`
	ShardGroup   string `placeholder:"NAME" help:"Make this run one shard of a group: N controllers started with the same --shard-group NAME, --shard I/N, playbook, inventory and flags make one run, with one canary fleet-wide, waves split across the shards, and thresholds, halts and rollbacks for the whole fleet. Needs a shared state (--state postgres://...)."`
	targetArgs
	selectArgs
	routeFlags
	stateArgs
	sshArgs
	Check          bool          `help:"Check every step and report what would change, changing nothing."`
	CommandTimeout time.Duration `default:"10m" help:"Give up on a single command on a host after this long."`
	LockWait       time.Duration `help:"Wait this long for another run to release a host it holds (default: a few seconds, then the host fails)."`
	Verbose        bool          `short:"v" help:"Also list steps that were already converged."`
	Diff           bool          `help:"Show each change's whole diff (files, templates, lines, package sets); without it long diffs are cut short."`
	Yes            bool          `help:"Do not ask before waves (pause = confirm); go on."`
	Output         string        `default:"text" enum:"text,json" help:"text for people; json streams one event per line on stdout."`
	JUnit          string        `name:"junit" placeholder:"FILE" help:"Also write a JUnit XML report (a test suite per host, a test case per step) to FILE."`
	Drill          bool          `help:"Rehearse the rollback (on rehearsal hosts): fingerprint every host's filesystem, run, roll every host back, and list what did not come back with the snapshot paths that would hold it. Exits 5 if anything did not come back."`
	evidenceArgs
	notifyArgs
}

func (c *runCmd) Run(env *Env) error {
	if c.Resume != "" {
		return c.resume(env)
	}
	if c.Playbook == "" {
		return fmt.Errorf("give the playbook to run, or --resume RUN to continue a recorded run")
	}
	if c.AllowChanged {
		return fmt.Errorf("--allow-changed goes with --resume RUN")
	}
	return c.run(env, nil)
}

func (c *runCmd) run(env *Env, resume *resumeState) error {
	if err := c.notifyArgs.check(); err != nil {
		return err
	}
	ta := c.targetArgs
	var shard *runner.Shard
	if c.ShardGroup != "" {
		s, err := c.groupShard()
		if err != nil {
			return err
		}
		// Every shard of a group plans the whole fleet; the engine deals
		// the hosts of each wave between the shards.
		shard, ta.Shard = &s, ""
	}
	l, err := load(env, playbookArgs{Playbook: c.Playbook, Vars: c.Vars, VarFiles: c.VarFiles}, &ta)
	if err != nil {
		return err
	}
	if l.playbook, err = c.selectArgs.apply(l.playbook); err != nil {
		return err
	}
	segs, err := runner.PlanSegments(l.playbook, l.hosts, c.routeFlags.apply)
	if err != nil {
		return err
	}
	for i := range segs {
		route := &segs[i].Route
		if route.Pause.Confirm {
			switch {
			case c.Yes:
				route.Pause.Confirm = false
			case shard != nil:
				return fmt.Errorf("pause = \"confirm\" asks one operator at one terminal, and a shard group has a controller per shard: pause for a duration, add a gate, or give --yes")
			case !env.StdinTerminal:
				// No one to ask: the run halts before the next wave and
				// says how to continue (run --resume).
			}
		}
	}
	if c.Drill && (c.Check || resume != nil) {
		return fmt.Errorf("--drill rolls back what the run changed: it goes with neither --check nor --resume")
	}
	dialer, err := c.sshArgs.dialer(env)
	if err != nil {
		return err
	}
	defer dialer.Close()
	var drillHosts []*inventory.Host
	var drillBefore map[string]drill.Fingerprint
	if c.Drill {
		for _, sg := range segs {
			drillHosts = append(drillHosts, sg.Hosts...)
		}
		if drillBefore, err = drillFingerprints(context.Background(), dialer, drillHosts); err != nil {
			return err
		}
	}

	var observer runner.Observer
	if c.Output == "json" {
		observer = &report.JSON{Out: env.Stdout}
	} else {
		console := &report.Console{Out: env.Stdout, Verbose: c.Verbose, Diff: c.Diff}
		if env.StderrTerminal {
			console.Progress = env.Stderr
		}
		observer = console
	}
	store, err := c.stateArgs.open(env)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// The run is registered in the store before any host is contacted: a
	// shared store refuses hosts that a live run holds, and a shard
	// joins its group (the group's run id is the first shard's).
	who := operatorOf(env)
	var group *state.Group
	var claim *state.Claim
	runID := newRunID()
	switch {
	case shard != nil:
		if group, resume, err = c.joinGroup(ctx, env, store, l, segs, *shard, who, runID, resume); err != nil {
			return err
		}
		runID = group.RunID()
	case resume != nil:
		runID = resume.id
	default:
		if err := c.record(env, store, runID, l.playbook); err != nil {
			return err
		}
	}
	if shard == nil {
		hosts, _ := runner.HostWaves(segs)
		if claim, err = store.Claim(ctx, runID, hosts, who, !c.Check); err != nil {
			return err
		}
	}
	recorder := store.Recorder(runID)
	recorder.Who, recorder.Shard = who, group != nil
	observer = runner.Observers{recorder, observer}

	notifier := c.notifyArgs.start(env, runID, l.playbook.Name)
	if notifier != nil {
		observer = runner.Observers{observer, notifier}
	}
	var junit *report.JUnit
	if c.JUnit != "" {
		junit = &report.JUnit{Path: c.JUnit}
		observer = runner.Observers{observer, junit}
	}
	engine := &runner.Engine{
		Dialer:         dialer,
		Observer:       observer,
		CheckMode:      c.Check,
		CommandTimeout: c.CommandTimeout,
		LockWait:       c.LockWait,
		RunID:          runID,
		Secrets:        append(l.playbook.SensitiveValues(), l.inv.Secrets...),
		Snapshots:      runner.Snapshots(l.playbook, segs, c.Drill),
	}
	if group != nil {
		engine.Group = group
	}
	if resume != nil {
		engine.Resume = resume.engine
	}
	engine.RollbackAll = c.Drill
	if env.StdinTerminal {
		engine.Confirm = askToContinue(env)
	}
	drain, stopListening := interrupts(env, cancel)
	defer stopListening()
	engine.Drain = drain
	recap := engine.RunSegments(ctx, l.playbook, segs)
	if junit != nil && junit.Err() != nil {
		fmt.Fprintf(env.Stderr, "switchback: %v\n", junit.Err())
	}
	if err := recorder.Err(); err != nil {
		fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
	}
	done := context.WithoutCancel(ctx)
	if group != nil {
		if err := group.Leave(done, recap.ExitCode()); err != nil {
			fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
		}
	}
	if err := claim.Release(done); err != nil {
		fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
	}
	c.notifyArgs.finish(env, notifier)
	if err := c.evidenceArgs.write(env, store, runID, c.Output != "json"); err != nil {
		fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
	}
	if c.Output != "json" {
		if group != nil {
			fmt.Fprintf(env.Stdout, "Shard %d/%d of run %s recorded: 'switchback runs show %s'.\n", shard.Index, shard.Of, runID, runID)
		} else {
			fmt.Fprintf(env.Stdout, "Run %s recorded: 'switchback runs show %s'.\n", runID, runID)
		}
	}
	if file, err := c.writeFailed(env, runID, recap); err != nil {
		fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
	} else if file != "" && c.Output != "json" {
		fmt.Fprintf(env.Stdout, "Hosts that failed or were unreachable are listed in %s; rerun them with --limit @%s\n", file, file)
	}
	if c.Drill && !finishDrill(context.Background(), env, dialer, store, runID, drillHosts, recap, drillBefore) {
		return exitError{runner.ExitRollback}
	}
	if code := recap.ExitCode(); code != runner.ExitOK {
		return exitError{code}
	}
	return nil
}

// newRunID names a run: sortable by time, unique enough to never meet
// another run's snapshots on a host.
func newRunID() string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// interrupts turns Ctrl-C (or SIGTERM) into a graceful stop: the first
// closes the returned channel, so steps in flight finish and nothing new
// starts; the second cancels the commands in flight. stop ends listening.
func interrupts(env *Env, cancel context.CancelFunc) (drain <-chan struct{}, stop func()) {
	drained := make(chan struct{})
	done := make(chan struct{})
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sigs:
		case <-done:
			return
		}
		fmt.Fprintln(env.Stderr, "\nInterrupted: finishing the steps in flight, starting nothing new. Interrupt again to cancel them.")
		close(drained)
		select {
		case <-sigs:
		case <-done:
			return
		}
		fmt.Fprintln(env.Stderr, "\nInterrupted again: cancelling the commands in flight.")
		cancel()
	}()
	return drained, func() { signal.Stop(sigs); close(done) }
}

// askToContinue asks on the terminal whether to start the next wave.
func askToContinue(env *Env) func(context.Context, runner.WaveStarted) (bool, error) {
	in := bufio.NewReader(env.Stdin)
	return func(_ context.Context, next runner.WaveStarted) (bool, error) {
		fmt.Fprintf(env.Stderr, "\nStart wave %d of %d (%d host(s): %s)? [y/N] ",
			next.Index, next.Of, len(next.Hosts), strings.Join(next.Hosts, ", "))
		line, err := in.ReadString('\n')
		if err != nil && line == "" {
			return false, fmt.Errorf("reading the answer: %w", err)
		}
		answer := strings.ToLower(strings.TrimSpace(line))
		return answer == "y" || answer == "yes", nil
	}
}

// writeFailed lists the hosts that failed or were unreachable beside the
// state database, for --limit @FILE: a host list, read as exact names.
func (c *runCmd) writeFailed(env *Env, runID string, recap *runner.Recap) (string, error) {
	var names []string
	for _, h := range recap.Hosts {
		if h.Status == runner.HostFailed || h.Status == runner.HostUnreachable {
			names = append(names, h.Host)
		}
	}
	if len(names) == 0 {
		return "", nil
	}
	dir, err := c.stateArgs.localDir(env)
	if err != nil {
		return "", err
	}
	file := filepath.Join(dir, "runs", runID+"-failed.txt")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return "", fmt.Errorf("writing the failed hosts: %w", err)
	}
	comment := fmt.Sprintf("Hosts of run %s that failed or were unreachable.\nRerun them with: switchback run PLAYBOOK --limit @%s", runID, file)
	if err := os.WriteFile(file, inventory.FormatHostList(comment, names), 0o600); err != nil {
		return "", fmt.Errorf("writing the failed hosts: %w", err)
	}
	return file, nil
}

// sshArgs configure the SSH transport of every command that connects.
// Flags win over the inventory, which wins over ssh_config.
type sshArgs struct {
	SSHConfig         string        `name:"ssh-config" short:"F" placeholder:"FILE" help:"OpenSSH client configuration to read (default ~/.ssh/config and /etc/ssh/ssh_config): HostName, User, Port, IdentityFile, IdentitiesOnly, CertificateFile, ProxyJump, UserKnownHostsFile, StrictHostKeyChecking, ServerAliveInterval, ServerAliveCountMax, ConnectTimeout."`
	KnownHosts        string        `placeholder:"FILE" help:"known_hosts file to verify host keys against, for every host (default UserKnownHostsFile of ssh_config, else ~/.ssh/known_hosts)."`
	HostKeyCheck      string        `placeholder:"MODE" help:"strict: refuse hosts not in known_hosts; accept-new: record the key of a host seen for the first time. A changed key is always refused. Default: StrictHostKeyChecking of ssh_config, else strict."`
	ConnectTimeout    time.Duration `help:"Give up connecting to a host after this long (default ConnectTimeout of ssh_config, else 10s)."`
	Keepalive         time.Duration `placeholder:"INTERVAL" help:"Send a keepalive this often on every connection (default ServerAliveInterval of ssh_config, else 5s)."`
	KeepaliveCount    int           `placeholder:"N" help:"Declare a host unreachable after N keepalives in a row went unanswered (default ServerAliveCountMax of ssh_config, else 3)."`
	MaxSessions       int           `default:"10" placeholder:"N" help:"Commands open at once on one connection; keep it at or below the hosts' sshd MaxSessions."`
	KeyPassphraseFile string        `placeholder:"FILE" help:"Read the passphrase of encrypted key files from FILE (or set SWITCHBACK_KEY_PASSPHRASE); otherwise it is asked on the terminal."`
}

func (a sshArgs) dialer(env *Env) (*transport.SSH, error) {
	var mode transport.HostKeyMode
	if a.HostKeyCheck != "" {
		m, err := transport.ParseHostKeyMode(a.HostKeyCheck)
		if err != nil {
			return nil, fmt.Errorf("--host-key-check: %w", err)
		}
		mode = m
	}
	if a.ConnectTimeout < 0 || a.Keepalive < 0 || a.KeepaliveCount < 0 || a.MaxSessions < 1 {
		return nil, fmt.Errorf("--connect-timeout, --keepalive and --keepalive-count take positive values, --max-sessions at least 1")
	}
	files, required := transport.DefaultSSHConfigFiles(), false
	if a.SSHConfig != "" {
		files, required = []string{a.SSHConfig}, true
	}
	config, err := transport.LoadSSHConfig(required, files...)
	if err != nil {
		return nil, err
	}
	passphrase, err := a.passphrase(env)
	if err != nil {
		return nil, err
	}
	return transport.NewSSH(transport.SSHOptions{
		Config:            config,
		KnownHostsFile:    a.KnownHosts,
		HostKeyMode:       mode,
		ConnectTimeout:    a.ConnectTimeout,
		Keepalive:         a.Keepalive,
		KeepaliveMax:      a.KeepaliveCount,
		MaxSessions:       a.MaxSessions,
		AgentSocket:       env.Getenv("SSH_AUTH_SOCK"),
		DefaultIdentities: transport.DefaultIdentityFiles(),
		Passphrase:        passphrase,
		Warn:              func(msg string) { fmt.Fprintf(env.Stderr, "switchback: warning: %s\n", msg) },
	})
}

// passphrase says where the passphrase of encrypted keys comes from: a
// file, the environment, or the terminal (asked once per key file).
func (a sshArgs) passphrase(env *Env) (func(string) ([]byte, error), error) {
	if a.KeyPassphraseFile != "" {
		b, err := os.ReadFile(a.KeyPassphraseFile)
		if err != nil {
			return nil, fmt.Errorf("--key-passphrase-file: %w", err)
		}
		pass := []byte(strings.TrimRight(string(b), "\r\n"))
		return func(string) ([]byte, error) { return pass, nil }, nil
	}
	if v := env.Getenv("SWITCHBACK_KEY_PASSPHRASE"); v != "" {
		return func(string) ([]byte, error) { return []byte(v), nil }, nil
	}
	in, ok := env.Stdin.(*os.File)
	if !env.StdinTerminal || !ok {
		return nil, nil
	}
	return func(keyFile string) ([]byte, error) {
		fmt.Fprintf(env.Stderr, "Passphrase for %s: ", keyFile)
		pass, err := term.ReadPassword(int(in.Fd()))
		fmt.Fprintln(env.Stderr)
		return pass, err
	}, nil
}
