package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/state"
	"github.com/switchbackhq/switchback/runner/transport"
)

const secret = "Sw0rdf1sh-9c1e4a"

const secretPlaybook = `
playbook { name = "secrets" }
snapshot { paths = ["/root/used"] }
phase "p" {
  file "credentials" {
    path    = "/root/creds"
    content = "password=` + secret + `\n"
    mode    = "0600"
  }
  command "uses it" {
    run = "printf '%s' '` + secret + `' > /root/used; touch /root/started; sleep 2"
  }
  command "leaks it" {
    run           = "echo 'the password is ` + secret + `' >&2; exit 1"
    ignore_errors = true
  }
}
`

// TestSecretsStayHidden runs an engine with Secrets over real SSH, with
// every report the command line has: the secret is in none of them, nor
// in the state database, nor in any process's arguments on the host
// while its step runs, nor in a temporary file left there.
func TestSecretsStayHidden(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	pb := writeFile(t, dir, "secrets.hcl", secretPlaybook)
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: testGetenv(t)}
	l, err := load(env, playbookArgs{Playbook: pb}, &targetArgs{inventoryFlags: inventoryFlags{Inventory: []string{f.Inventory}}})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	dialer, err := transport.NewSSH(transport.SSHOptions{KnownHostsFile: f.KnownHosts, ConnectTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "state.db")
	store, err := state.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var console, jsonOut bytes.Buffer
	junit := &report.JUnit{Path: filepath.Join(dir, "junit.xml")}
	engine := &runner.Engine{
		Dialer:    dialer,
		Observer:  runner.Observers{&report.Console{Out: &console, Verbose: true}, &report.JSON{Out: &jsonOut}, junit, store.Recorder("secrets-run")},
		RunID:     "secrets-run",
		Secrets:   []string{secret},
		Snapshots: &snapshot.Files{Paths: []string{"/root/creds", "/root/used"}},
	}

	// Watch every process's arguments on the host while the run goes on.
	seen := make(chan string, 1)
	stop := make(chan struct{})
	go func() {
		defer close(seen)
		for {
			select {
			case <-stop:
				return
			default:
			}
			args, _ := f.Exec(h.Name, `for p in /proc/[0-9]*; do tr '\0' ' ' < $p/cmdline 2>/dev/null; echo; done`)
			if strings.Contains(args, secret) {
				for _, line := range strings.Split(args, "\n") {
					if strings.Contains(line, secret) {
						seen <- line
						return
					}
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	recap := engine.Run(context.Background(), l.playbook, l.hosts, rollout.Route{})
	close(stop)
	if line, ok := <-seen; ok {
		t.Errorf("the secret was in a process's arguments on the host: %q", line)
	}
	store.Close()
	if recap.ExitCode() != runner.ExitOK {
		t.Errorf("exit %d\n%s", recap.ExitCode(), console.String())
	}
	if _, err := os.Stat(h.Path("/root/started")); err != nil {
		t.Fatal("the step that uses the secret did not run; the test proves nothing")
	}
	if !fileContains(t, h.Path("/root/creds"), secret) {
		t.Fatal("the file step did not write the secret")
	}
	t.Logf("console:\n%s", console.String())
	if !strings.Contains(console.String(), runner.Masked) {
		t.Error("nothing was masked in the console report; the test proves nothing")
	}
	reports := map[string][]byte{"console report": console.Bytes(), "JSON report": jsonOut.Bytes()}
	for _, p := range []string{junit.Path, db, db + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && p != db+"-wal" {
			t.Fatal(err)
		}
		reports[filepath.Base(p)] = b
	}
	for name, b := range reports {
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the secret is in the %s", name)
		}
	}
	// Nothing on the host holds it but the file meant to, and the
	// snapshot (kept with mode 0600 under a 0700 directory).
	_ = filepath.WalkDir(h.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			if d != nil && d.IsDir() && (p == h.Path("/proc") || p == h.Path("/dev") || p == h.Path("/mnt/repo")) {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(h.Root, p)
		if rel == "root/creds" || rel == "root/used" || strings.HasPrefix(rel, "var/lib/switchback/snapshots/") {
			return nil
		}
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(secret)) {
			t.Errorf("the secret was left in %s on the host", rel)
		}
		return nil
	})
	snaps := h.Path(snapshot.Dir)
	if fi, err := os.Stat(snaps + "/secrets-run"); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the snapshot directory: %v, %v; want mode 0700", fi, err)
	}
}
