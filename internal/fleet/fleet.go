// Package fleet runs a test fleet of Alpine Linux hosts on one Linux
// machine (as root): each host is a real OpenSSH sshd in its own mount,
// pid and UTS namespaces, chrooted into its own copy of the Alpine 3.20
// minirootfs with Debian's OpenRC layered in.
//
//	f := fleet.Start(t, 3) // torn down when the test ends
//	// ssh -i f.IdentityFile -o UserKnownHostsFile=f.KnownHosts -p 2222 sbfleet@f.Hosts[0].Address
//	// or: switchback run ... -i f.Inventory
//
// apk in every host uses a signed local repository at /mnt/repo (read-only)
// holding: libc-utils 0.7.2-r5; sb-hello 1.0-r0 and 1.1-r0 (/usr/bin/sb-hello
// prints "sb-hello <version>", /usr/share/sb-hello/VERSION); sb-daemon 1.0-r0
// (an OpenRC service writing /run/sb-daemon.heartbeat, pidfile
// /run/sb-daemon.pid, interval from /etc/conf.d/sb-daemon); sb-lib 1.0-r0
// and sb-app 1.0-r0, which depends on sb-lib.
package fleet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// BaseDir holds every fleet (BaseDir/<name>) and the prepared base (BaseDir/cache).
const BaseDir = "/var/lib/switchback-fleet"

// ErrUnavailable marks errors that mean the fleet cannot run on this
// machine at all (not Linux, not root, no minirootfs, missing packages).
var ErrUnavailable = errors.New("fleet cannot run here")

func unavailable(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnavailable, fmt.Sprintf(format, args...))
}

// Fleet is a set of running hosts and the files a client needs to reach them.
type Fleet struct {
	Dir          string // BaseDir/<name>
	Hosts        []*Host
	Inventory    string // HCL inventory of every host
	KnownHosts   string // "[addr]:port keytype base64" for every host's key as first started
	IdentityFile string // OpenSSH ed25519 private key that logs in to every host
	User         string // login user name

	repo         string // apk repository bind-mounted into every host
	slot         int    // third octet of the hosts' addresses
	dieWithUs    bool   // hosts are killed when this process dies (test fleets)
	sshdLogLevel string // LogLevel of new hosts' sshd_config; "" for DEBUG1
}

// Config describes a fleet for Up.
type Config struct {
	Name   string // fleet name: lower-case letters, digits, ".", "_", "-"
	N      int    // number of hosts, 1..254
	Rootfs string // minirootfs tarball; default $SWITCHBACK_ALPINE_ROOTFS, the shared copy, or a download
	// SSHDLogLevel is every host's sshd LogLevel (default DEBUG1, at which
	// the log names every exec and subsystem request: how tests and the
	// benchmark count the commands a client sent).
	SSHDLogLevel string

	behind    map[string]string   // host → the jump host that alone may reach it (bastion.go)
	sshdExtra map[string][]string // host → lines added to its sshd_config
}

// Option adjusts a test fleet.
type Option func(*Config)

// WithName names the fleet (default: derived from the test name, made unique).
func WithName(name string) Option { return func(c *Config) { c.Name = name } }

// WithSSHDLogLevel sets every host's sshd LogLevel (see Config.SSHDLogLevel).
func WithSSHDLogLevel(level string) Option { return func(c *Config) { c.SSHDLogLevel = level } }

// WithRootfs uses the given minirootfs tarball.
func WithRootfs(path string) Option { return func(c *Config) { c.Rootfs = path } }

// Start boots n hosts for a test and tears them down when the test ends,
// pass or fail. Where a fleet cannot run, it skips the test with one line
// saying why, or fails it when $CI is "true".
func Start(t testing.TB, n int, opts ...Option) *Fleet {
	t.Helper()
	if err := ready(); err != nil {
		unavailableHere(t, err)
	}
	if err := Prune(); err != nil {
		t.Logf("fleet: clearing leftover fleets: %v", err)
	}
	cfg := Config{N: n}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.Name == "" {
		cfg.Name = testFleetName(t.Name())
	}
	f, err := up(t.Context(), cfg, true)
	if err != nil {
		if errors.Is(err, ErrUnavailable) {
			unavailableHere(t, err)
		}
		t.Fatalf("fleet: %v", err)
	}
	t.Cleanup(func() {
		if err := Down(f.Dir); err != nil {
			t.Errorf("fleet: teardown: %v", err)
		}
	})
	return f
}

func unavailableHere(t testing.TB, err error) {
	t.Helper()
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// testFleetName derives a unique fleet name from a test name.
func testFleetName(test string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(test) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
		if b.Len() >= 32 {
			break
		}
	}
	return fmt.Sprintf("t-%s-%d-%x", strings.Trim(b.String(), "-"), os.Getpid(), randomSuffix())
}

// Up boots a fleet that outlives this process (the CLI); Down removes it.
func Up(ctx context.Context, cfg Config) (*Fleet, error) {
	if err := ready(); err != nil {
		return nil, err
	}
	return up(ctx, cfg, false)
}

// ready checks the platform and the controller's packages.
func ready() error {
	if err := checkPlatform(); err != nil {
		return err
	}
	return EnsurePrereqs()
}

func up(ctx context.Context, cfg Config, test bool) (*Fleet, error) {
	if !validName(cfg.Name) {
		return nil, fmt.Errorf("invalid fleet name %q (lower-case letters, digits, '.', '_', '-'; not \"cache\")", cfg.Name)
	}
	if cfg.N < 1 || cfg.N > 254 {
		return nil, fmt.Errorf("fleet size %d out of range 1..254", cfg.N)
	}
	if !validLogLevel(cfg.SSHDLogLevel) {
		return nil, fmt.Errorf("sshd log level %q: use QUIET, FATAL, ERROR, INFO, VERBOSE, DEBUG, DEBUG1, DEBUG2 or DEBUG3", cfg.SSHDLogLevel)
	}
	tarball, err := findRootfs(ctx, cfg.Rootfs)
	if err != nil {
		return nil, err
	}
	b, err := ensureBase(tarball)
	if err != nil {
		return nil, err
	}
	// sshd checks for its privilege separation directory before anything else.
	if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
		return nil, fmt.Errorf("create /run/sshd: %w", err)
	}
	f, err := register(cfg, b, test)
	if err != nil {
		return nil, err
	}
	err = f.configure(cfg)
	if err == nil {
		err = f.boot(ctx, b)
	}
	if err == nil {
		err = f.isolate(cfg, f.slot)
	}
	if err != nil {
		if derr := Down(f.Dir); derr != nil {
			err = errors.Join(err, fmt.Errorf("clean up: %w", derr))
		}
		return nil, fmt.Errorf("fleet %s: %w", cfg.Name, err)
	}
	return f, nil
}

// register claims the fleet's directory and address slot and makes sure
// the login user exists, all under the registry lock.
func register(cfg Config, b base, test bool) (*Fleet, error) {
	unlock, err := lockRegistry()
	if err != nil {
		return nil, err
	}
	defer unlock()
	dir := FleetDir(cfg.Name)
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("fleet %s already exists (%s); take it down first", cfg.Name, dir)
	}
	slot, err := freeSlot()
	if err != nil {
		return nil, err
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create fleet dir: %w", err)
	}
	st := fleetState{Name: cfg.Name, Slot: slot, Repo: b.repo}
	for i := 1; i <= cfg.N; i++ {
		st.Hosts = append(st.Hosts, hostRecord{Name: fmt.Sprintf("host-%02d", i), Address: fmt.Sprintf("127.83.%d.%d", slot, i)})
	}
	if test {
		pst, err := readProcStat(os.Getpid())
		if err != nil {
			return nil, errors.Join(err, os.RemoveAll(dir))
		}
		st.OwnerPID, st.OwnerStart = os.Getpid(), pst.startTime
	}
	if err := writeState(dir, st); err != nil {
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	if err := ensureUser(); err != nil {
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	if err := ensureBecomeUser(); err != nil {
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	f := fromState(dir, st)
	f.dieWithUs = test
	f.sshdLogLevel = cfg.SSHDLogLevel
	return f, nil
}

func fromState(dir string, st fleetState) *Fleet {
	f := &Fleet{
		Dir:          dir,
		Inventory:    filepath.Join(dir, "inventory.hcl"),
		KnownHosts:   filepath.Join(dir, "known_hosts"),
		IdentityFile: filepath.Join(dir, "id_ed25519"),
		User:         LoginUser,
		repo:         st.Repo,
		slot:         st.Slot,
	}
	for _, h := range st.Hosts {
		f.Hosts = append(f.Hosts, newHost(dir, h.Name, h.Address))
	}
	return f
}

// Open returns the fleet in dir, started by this or another process.
func Open(dir string) (*Fleet, error) {
	st, err := readState(dir)
	if err != nil {
		return nil, err
	}
	return fromState(dir, st), nil
}

// boot creates the client key, provisions and starts every host (a
// bounded number at a time) and writes the inventory and known_hosts.
func (f *Fleet) boot(ctx context.Context, b base) error {
	pub, err := writeKeyPair(f.IdentityFile, LoginUser+"@switchback-fleet")
	if err != nil {
		return fmt.Errorf("client key: %w", err)
	}
	// sshd reads authorized keys as the user logging in: the ordinary
	// BecomeUser must be able to read this (public) key.
	authorized := filepath.Join(f.Dir, "authorized_keys")
	if err := writeFileAtomic(authorized, []byte(pub+"\n"), 0o644); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(f.Dir, "hosts"), 0o755); err != nil {
		return fmt.Errorf("create hosts dir: %w", err)
	}
	sem := make(chan struct{}, 16)
	errs := make([]error, len(f.Hosts))
	var wg sync.WaitGroup
	for i, h := range f.Hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if err := h.provision(b, authorized, f.sshdLogLevel); err != nil {
				errs[i] = err
				return
			}
			errs[i] = h.start(ctx, f.repo, f.dieWithUs)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return f.writeClientFiles()
}
