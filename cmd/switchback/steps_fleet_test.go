package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

const perHostPlaybook = `
playbook { name = "per host" }

variable "motd_users" {
  default = { alice = "admin", bob = "dev" }
}

handler "reload app" {
  command "count reload" { run = "echo reload >> /root/reloads.log" }
}

phase "facts" {
  command "who" {
    run      = "echo ${shellquote(host.name)} ${shellquote(host.vars.role)} ${facts.os_id} ${facts.arch} ${facts.init} ${facts.pkg_manager} > /root/who; echo who-says-hi"
    creates  = "/root/who"
    notify   = ["reload app"]
    register = "who"
  }
  command "db only" {
    run     = "touch /root/db-only"
    creates = "/root/db-only"
    when    = host.vars.role == "db"
  }
  command "users" {
    for_each = var.motd_users
    run      = "echo ${each.key}=${each.value} > /root/user-${each.key}"
    creates  = "/root/user-${each.key}"
    notify   = ["reload app"]
  }
}

phase "after" {
  command "echo registered" {
    run     = "echo '${registered.who.changed} ${registered.who.stdout}' > /root/who-changed"
    creates = "/root/who-changed"
  }
  command "flaky" {
    run     = "if [ -f /root/flaky ]; then echo second > /root/flaky-ok; else touch /root/flaky; exit 1; fi"
    creates = "/root/flaky-ok"
    retries = 1
    delay   = "100ms"
  }
  command "broken but ignored" {
    run           = "exit 3"
    unless        = "test -f /root/flaky-ok && test -f /root/skip-broken"
    ignore_errors = true
    tags          = ["noisy"]
  }
  command "skip next time" {
    run     = "touch /root/skip-broken"
    creates = "/root/skip-broken"
  }
}
`

// TestPerHostSteps: host values, facts, when, for_each, register,
// retries, ignore_errors and handlers, on real hosts.
func TestPerHostSteps(t *testing.T) {
	f := fleet.Start(t, 2)
	dir := t.TempDir()
	db, web := f.Hosts[0], f.Hosts[1]
	inv := writeFile(t, dir, "inv.hcl", fleetInventory(f, map[string]string{
		db.Name:  `vars = { role = "db" }`,
		web.Name: `vars = { role = "web" }`,
	}))
	pb := writeFile(t, dir, "pb.hcl", perHostPlaybook)
	args := []string{"run", pb, "-i", inv, "--known-hosts", f.KnownHosts, "--connect-timeout", "5s", "--state", stateDir(t) + "/s.db"}

	code, out := runCLI(t, args...)
	if code != runner.ExitOK {
		t.Fatalf("first run: exit %d", code)
	}
	wantInOutput(t, out, "failed (ignored) after / broken but ignored", "(after 2 attempts)")
	for _, h := range f.Hosts {
		role := map[string]string{db.Name: "db", web.Name: "web"}[h.Name]
		if got := mustRead(t, h.Path("/root/who")); got != h.Name+" "+role+" alpine x86_64 openrc apk\n" {
			t.Errorf("%s: /root/who = %q", h.Name, got)
		}
		if got := mustRead(t, h.Path("/root/user-alice")) + mustRead(t, h.Path("/root/user-bob")); got != "alice=admin\nbob=dev\n" {
			t.Errorf("%s: for_each wrote %q", h.Name, got)
		}
		// The step's own output, not the script that carried the next
		// step's check along with it.
		if got := mustRead(t, h.Path("/root/who-changed")); got != "true who-says-hi\n\n" {
			t.Errorf("%s: registered.who changed and stdout = %q, want \"true who-says-hi\\n\"", h.Name, got)
		}
		if got := mustRead(t, h.Path("/root/flaky-ok")); got != "second\n" {
			t.Errorf("%s: the retried step wrote %q", h.Name, got)
		}
		// Three changed steps notified the handler; it ran once.
		if got := mustRead(t, h.Path("/root/reloads.log")); got != "reload\n" {
			t.Errorf("%s: handler ran %d time(s), want 1", h.Name, strings.Count(got, "reload"))
		}
	}
	if _, err := os.Stat(db.Path("/root/db-only")); err != nil {
		t.Errorf("the db host did not run its when = true step: %v", err)
	}
	if _, err := os.Stat(web.Path("/root/db-only")); err == nil {
		t.Error("the web host ran a step whose when is false")
	}

	// Second run: converged, nothing notified, the handler does not run.
	code, out = runCLI(t, append(args, "--skip-tags", "noisy")...)
	if code != runner.ExitOK {
		t.Fatalf("second run: exit %d", code)
	}
	if strings.Count(out, "changed=0") != 2 {
		t.Errorf("second run changed something")
	}
	for _, h := range f.Hosts {
		if got := mustRead(t, h.Path("/root/reloads.log")); got != "reload\n" {
			t.Errorf("%s: the handler ran again on a converged host", h.Name)
		}
	}
}

const batchPlaybook = `
playbook { name = "batched" }
phase "base" {
  apk "packages" { packages = ["sb-hello", "sb-app", "sb-daemon"] }
  file "motd" {
    path    = "/etc/motd"
    content = "converted\n"
  }
  line "profile" {
    path = "/etc/profile"
    line = "export EDITOR=vi"
  }
  group "ops" { name = "ops" }
  user "deploy" {
    name  = "deploy"
    group = "ops"
  }
}
phase "app" {
  service "daemon" {
    service = "sb-daemon"
    enabled = true
  }
  command "marker" {
    run     = "touch /root/marker"
    creates = "/root/marker"
  }
}
`

// TestNoOpRunRoundTrips: on a converged host, the checks of every step
// go in one round trip, counted by the host's sshd; each change carries
// the checks of the steps after it, so converging costs one request per
// change.
func TestNoOpRunRoundTrips(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "batch.hcl", batchPlaybook)
	requests := func() int {
		t.Helper()
		n, err := h.Requests()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := requests()
	out := runOK(t, runArgs(f, pb)...)
	wantChanged(t, out, 7)
	converge := requests() - before
	if !fileContains(t, h.Path("/etc/motd"), "converted") || !fileContains(t, h.Path("/etc/apk/world"), "sb-app") {
		t.Fatal("the first run did not converge the host")
	}

	before = requests()
	out = runOK(t, runArgs(f, pb)...)
	wantChanged(t, out, 0)
	noop := requests() - before
	t.Logf("round trips: converge %d, no-op %d (7 steps)", converge, noop)
	// The host lock is a session of its own (held, not waited on), then
	// every check goes in one batch.
	if noop != 2 {
		t.Errorf("a no-op run made %d requests, want 2 (the lock, then every check in one batch)", noop)
	}
	// Converging: the lock, one batch, then one session per change that
	// could not ride behind the one before it: apk (not chainable), motd
	// with profile and group behind it, user (its check's answer changed
	// when the group came), service, command. From the first change on,
	// the connection keeps two sessions started ahead of the commands (so
	// each costs one round trip); the last two are never used.
	if converge != 2+5+2 {
		t.Errorf("converging 7 steps made %d requests, want 9 (the lock, the batch, 5 changes, 2 sessions left ready)", converge)
	}
	if !fileContains(t, h.Path("/etc/profile"), "\nexport EDITOR=vi\n") || !fileContains(t, h.Path("/etc/group"), "\nops:x:") ||
		!fileContains(t, h.Path("/etc/passwd"), "\ndeploy:x:") {
		t.Error("the chained steps, or the user after them, are not on the host")
	}

	// One step out of line: the batch finds it, the step applies, and the
	// steps after it check the host again.
	if err := os.WriteFile(h.Path("/etc/motd"), []byte("drifted\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = runOK(t, runArgs(f, pb)...)
	wantChanged(t, out, 1)
	if got := mustRead(t, h.Path("/etc/motd")); got != "converted\n" {
		t.Errorf("/etc/motd = %q after the drift was fixed", got)
	}
}

const handlerRestartPlaybook = `
playbook { name = "restart once" }
handler "restart daemon" {
  service "restart" {
    service = "sb-daemon"
    state   = "restarted"
  }
}
phase "install" {
  apk "daemon" { packages = ["sb-daemon"] }
  service "run" {
    service = "sb-daemon"
    enabled = true
    state   = "started"
  }
}
phase "configure" {
  line "interval" {
    path   = "/etc/conf.d/sb-daemon"
    regexp = "^SB_DAEMON_INTERVAL="
    line   = "SB_DAEMON_INTERVAL=%s"
    notify = ["restart daemon"]
  }
  line "note" {
    path   = "/etc/conf.d/sb-daemon"
    line   = "# edited %s"
    notify = ["restart daemon"]
  }
}
`

// TestConfDChangeRestartsOnceViaHandler: the harness's real daemon is
// installed, enabled and started; two edits of its conf.d notify one
// handler, which restarts it exactly once, and a converged run restarts
// nothing.
func TestConfDChangeRestartsOnceViaHandler(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	first := writeFile(t, dir, "first.hcl", fmt.Sprintf(handlerRestartPlaybook, "1", "once"))
	runOK(t, runArgs(f, first)...)
	before := steptest.OnlyDaemon(t, f, h, "1")
	if _, err := os.Lstat(h.Path("/etc/runlevels/default/sb-daemon")); err != nil {
		t.Errorf("sb-daemon is not enabled in the default runlevel: %v", err)
	}

	second := writeFile(t, dir, "second.hcl", fmt.Sprintf(handlerRestartPlaybook, "3", "twice"))
	out := runOK(t, runArgs(f, second)...)
	if n := strings.Count(out, "changed  handler restart daemon / restart"); n != 1 {
		t.Errorf("the handler ran %d time(s) for two notifying changes, want 1", n)
	}
	after := steptest.OnlyDaemon(t, f, h, "3") // the restarted daemon reads the new interval
	if after == before {
		t.Error("the daemon was not restarted")
	}

	out = runOK(t, runArgs(f, second)...)
	wantChanged(t, out, 0)
	if again := steptest.OnlyDaemon(t, f, h, "3"); again != after {
		t.Errorf("a converged run restarted the daemon (pid %s → %s)", after, again)
	}
}
