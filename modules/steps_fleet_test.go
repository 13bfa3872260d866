package modules_test

// Fleet tests of the file, line, user, group and service steps: each
// runs playbooks on real Alpine hosts through the engine, asserts on the
// JSON events the runs report (internal/steptest), and reads what
// happened from the hosts' filesystems (and, for services, their process
// tables).

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
)

const filePlaybook = `
playbook { name = "files" }
phase "files" {
  file "motd" {
    path    = "/etc/motd"
    content = "managed by switchback\n"
    mode    = "0600"
  }
  file "app dir" {
    path  = "/srv/app"
    state = "directory"
    owner = "nobody"
    group = "nogroup"
    mode  = "2750"
  }
  file "config" {
    path    = "/srv/app/config.ini"
    content = "[main]\nport = 8080\n"
    owner   = "nobody"
  }
  file "current" {
    path  = "/srv/current"
    state = "link"
    src   = "/srv/app"
  }
  file "no issue" {
    path  = "/etc/issue"
    state = "absent"
  }
}
`

// TestFileStep: a check plans every change and touches nothing; a run
// creates, rewrites, links and removes; a check then finds nothing to
// do; drift in content is put right with a diff.
func TestFileStep(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := steptest.Write(t, t.TempDir(), "files.hcl", filePlaybook)
	plan, _ := steptest.Converge(t, f, pb, 5)
	plan.WantStep(t, "motd", "changed", "~ file /etc/motd: content", "-Welcome to Alpine!", "+managed by switchback",
		"~ file /etc/motd: mode 0644 → 0600")
	plan.WantStep(t, "app dir", "changed", "+ directory /srv/app (mode 2750) owned by nobody:nogroup")
	plan.WantStep(t, "config", "changed", "+ file /srv/app/config.ini (mode 0644) owned by nobody:root", "+port = 8080")
	plan.WantStep(t, "current", "changed", "+ link /srv/current → /srv/app")
	plan.WantStep(t, "no issue", "changed", "- file /etc/issue")

	if b, _ := os.ReadFile(h.Path("/etc/motd")); string(b) != "managed by switchback\n" {
		t.Errorf("/etc/motd = %q", b)
	}
	if fi, _ := steptest.StatOf(t, h.Path("/etc/motd")); fi.Mode().Perm() != 0o600 {
		t.Errorf("/etc/motd mode %v", fi.Mode())
	}
	fi, st := steptest.StatOf(t, h.Path("/srv/app"))
	if !fi.IsDir() || fi.Mode().Perm() != 0o750 || fi.Mode()&os.ModeSetgid == 0 || st.Uid != 65534 || st.Gid != 65533 {
		t.Errorf("/srv/app: %v %d:%d, want a setgid 0750 directory of nobody:nogroup", fi.Mode(), st.Uid, st.Gid)
	}
	fi, st = steptest.StatOf(t, h.Path("/srv/app/config.ini"))
	if b, _ := os.ReadFile(h.Path("/srv/app/config.ini")); string(b) != "[main]\nport = 8080\n" || fi.Mode().Perm() != 0o644 || st.Uid != 65534 {
		t.Errorf("/srv/app/config.ini: %v uid %d %q", fi.Mode(), st.Uid, b)
	}
	if target, err := os.Readlink(h.Path("/srv/current")); err != nil || target != "/srv/app" {
		t.Errorf("/srv/current → %q (%v)", target, err)
	}
	if _, err := os.Lstat(h.Path("/etc/issue")); err == nil {
		t.Error("/etc/issue still exists")
	}
	steptest.NoTempFiles(t, h, "/etc", "/srv/app")

	// Drift: someone edits the file; the next run puts it back, and the
	// rewritten file keeps the owner it had.
	if err := os.WriteFile(h.Path("/srv/app/config.ini"), []byte("[main]\nport = 9090\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := steptest.Apply(t, f, pb)
	out.WantChanged(t, 1)
	out.WantStep(t, "config", "changed", "~ file /srv/app/config.ini: content", "-port = 9090", "+port = 8080", " [main]")
	if _, st := steptest.StatOf(t, h.Path("/srv/app/config.ini")); st.Uid != 65534 {
		t.Errorf("the rewritten file's owner is %d", st.Uid)
	}
}

const linePlaybook = `
playbook { name = "lines" }
phase "lines" {
  line "port" {
    path   = "/etc/app.conf"
    line   = "Port 2222"
    regexp = "^#?Port "
  }
  line "root login" {
    path   = "/etc/app.conf"
    line   = "PermitRootLogin no"
    regexp = "^#?PermitRootLogin"
  }
  line "no x" {
    path   = "/etc/app.conf"
    regexp = "^X="
    state  = "absent"
  }
  line "dns" {
    path = "/etc/app.conf"
    line = "UseDNS no"
  }
  line "new file" {
    path   = "/etc/new.conf"
    line   = "a = 1"
    create = true
  }
}
`

// TestLineStep: lines are replaced, removed and appended in place; the
// file keeps its mode and owner; a converged file is not even rewritten.
func TestLineStep(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := steptest.Write(t, t.TempDir(), "lines.hcl", linePlaybook)
	conf := h.Path("/etc/app.conf")
	if err := os.WriteFile(conf, []byte("# app\nPort 22\n#PermitRootLogin yes\nX=1"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(conf, 65534, 65533); err != nil {
		t.Fatal(err)
	}
	plan, _ := steptest.Converge(t, f, pb, 5)
	plan.WantStep(t, "port", "changed", "-Port 22\n", "+Port 2222\n")
	plan.WantStep(t, "root login", "changed", "-#PermitRootLogin yes", "+PermitRootLogin no")
	plan.WantStep(t, "no x", "changed", "-X=1\n", `\ No newline at end of file`)
	plan.WantStep(t, "dns", "changed", "+UseDNS no")
	plan.WantStep(t, "new file", "changed", "+ file /etc/new.conf (mode 0644)", "+a = 1")

	b, _ := os.ReadFile(conf)
	if want := "# app\nPort 2222\nPermitRootLogin no\nUseDNS no\n"; string(b) != want {
		t.Errorf("/etc/app.conf = %q, want %q", b, want)
	}
	fi, st := steptest.StatOf(t, conf)
	if fi.Mode().Perm() != 0o640 || st.Uid != 65534 || st.Gid != 65533 {
		t.Errorf("/etc/app.conf lost its mode or owner: %v %d:%d", fi.Mode(), st.Uid, st.Gid)
	}
	if b, _ := os.ReadFile(h.Path("/etc/new.conf")); string(b) != "a = 1\n" {
		t.Errorf("/etc/new.conf = %q", b)
	}
	steptest.NoTempFiles(t, h, "/etc")

	out := steptest.Apply(t, f, pb)
	if ok, changed := out.Counts(); ok != 5 || changed != 0 {
		t.Errorf("second run: ok=%d changed=%d, want 5 and 0", ok, changed)
	}
	if _, st2 := steptest.StatOf(t, conf); st2.Ino != st.Ino || st2.Mtim != st.Mtim {
		t.Error("the second run rewrote /etc/app.conf although nothing changed")
	}
}

const accountsPlaybook = `
playbook { name = "accounts" }
phase "accounts" {
  group "deploy group" {
    name = "deploy"
    gid  = 2000
  }
  group "svc group" {
    name   = "svc"
    system = true
  }
  user "deploy" {
    name   = "deploy"
    uid    = 2000
    group  = "deploy"
    groups = ["wheel", "svc"]
    shell  = "/bin/ash"
    home   = "/srv/deploy"
  }
  user "svc" {
    name   = "svc"
    system = true
    group  = "svc"
  }
  user "no games" {
    name  = "games"
    state = "absent"
  }
  group "no games group" {
    name  = "games"
    state = "absent"
  }
}
`

// TestUserAndGroupSteps: users and groups are created with BusyBox's
// tools, changed in place, removed; a second run changes nothing.
func TestUserAndGroupSteps(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	pb := steptest.Write(t, dir, "accounts.hcl", accountsPlaybook)
	paths := []string{"/etc/passwd", "/etc/group", "/etc/shadow", "/srv/deploy"}

	before := steptest.DiskState(t, h, paths...)
	out := steptest.Check(t, f, pb)
	steptest.SameDiskState(t, before, steptest.DiskState(t, h, paths...))
	// Six would change: the group games is still there when nothing runs.
	// In a real run deluser takes it along with the user, so five change.
	out.WantChanged(t, 6)
	out.WantSaid(t, "+ group deploy (gid 2000)", "+ group svc (system)",
		"+ user deploy (uid 2000, group deploy, groups wheel, svc, home /srv/deploy, shell /bin/ash)",
		"+ user svc (system, group svc)", "- user games", "- group games")

	steptest.Apply(t, f, pb).WantChanged(t, 5)
	passwd, _ := os.ReadFile(h.Path("/etc/passwd"))
	group, _ := os.ReadFile(h.Path("/etc/group"))
	entry := func(file []byte, name string) string {
		for _, l := range strings.Split(string(file), "\n") {
			if strings.HasPrefix(l, name+":") {
				return l
			}
		}
		return ""
	}
	if got := entry(passwd, "deploy"); got != "deploy:x:2000:2000:Linux User,,,:/srv/deploy:/bin/ash" {
		t.Errorf("passwd entry of deploy: %q", got)
	}
	// adduser -G also lists the user as a member of its primary group.
	if got := entry(group, "deploy"); got != "deploy:x:2000:deploy" {
		t.Errorf("group entry of deploy: %q", got)
	}
	svcGroup := strings.Split(entry(group, "svc"), ":")
	if len(svcGroup) != 4 || !slices.Contains(strings.Split(svcGroup[3], ","), "deploy") {
		t.Errorf("deploy is not in group svc: %q", entry(group, "svc"))
	}
	if gid, _ := strconv.Atoi(svcGroup[2]); gid >= 1000 {
		t.Errorf("system group svc got gid %d", gid)
	}
	svc := strings.Split(entry(passwd, "svc"), ":")
	if len(svc) != 7 || svc[3] != svcGroup[2] || svc[6] != "/sbin/nologin" {
		t.Errorf("system user svc: %q", entry(passwd, "svc"))
	}
	if !strings.Contains(entry(group, "wheel"), "deploy") {
		t.Errorf("deploy is not in wheel: %q", entry(group, "wheel"))
	}
	if entry(passwd, "games") != "" || entry(group, "games") != "" {
		t.Error("games is still there")
	}
	if _, err := os.Stat(h.Path("/srv/deploy")); err != nil {
		t.Errorf("adduser made no home: %v", err)
	}

	out = steptest.Apply(t, f, pb)
	if ok, changed := out.Counts(); ok != 6 || changed != 0 {
		t.Errorf("second run: ok=%d changed=%d, want 6 and 0", ok, changed)
	}

	// Changes to an existing user: shell and memberships.
	changed := steptest.Write(t, dir, "changed.hcl", `
playbook { name = "accounts" }
phase "accounts" {
  user "deploy" {
    name   = "deploy"
    groups = ["wheel", "deploy"] # deploy is its primary group: nothing to join
    shell  = "/bin/sh"
  }
}
`)
	out = steptest.Apply(t, f, changed)
	out.WantChanged(t, 1)
	out.WantSaid(t, "~ user deploy: shell /bin/ash → /bin/sh", "- user deploy from group svc")
	if strings.Contains(out.Said(), "in group deploy") {
		t.Error("the plan joins deploy to its own primary group")
	}
	passwd, _ = os.ReadFile(h.Path("/etc/passwd"))
	group, _ = os.ReadFile(h.Path("/etc/group"))
	if got := entry(passwd, "deploy"); got != "deploy:x:2000:2000:Linux User,,,:/srv/deploy:/bin/sh" {
		t.Errorf("passwd entry of deploy after the change: %q", got)
	}
	if strings.Contains(entry(group, "svc"), "deploy") || !strings.Contains(entry(group, "wheel"), "deploy") {
		t.Errorf("memberships after the change: %q, %q", entry(group, "svc"), entry(group, "wheel"))
	}
	if fi, _ := steptest.StatOf(t, h.Path("/etc/passwd")); fi.Mode().Perm() != 0o644 {
		t.Errorf("/etc/passwd mode %v after the rewrite", fi.Mode())
	}
	steptest.NoTempFiles(t, h, "/etc")
	steptest.Apply(t, f, changed).WantChanged(t, 0)
}

const servicePlaybook = `
playbook { name = "service" }
phase "packages" {
  apk "daemon" { packages = ["sb-daemon"] }
}
phase "services" {
  service "daemon" {
    service = "sb-daemon"
    enabled = true
    state   = "started"
    %s
  }
}
`

func rcStatus(t *testing.T, f *fleet.Fleet, h *fleet.Host) string {
	t.Helper()
	out, err := f.Exec(h.Name, "rc-service sb-daemon status >/dev/null 2>&1; echo $?")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out)
}

// TestServiceStep: the apk step installs sb-daemon and the service step
// enables and starts it; a conf.d change restarts it once; a crashed
// service is zapped and started; state = "stopped" stops it.
func TestServiceStep(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	pb := steptest.Write(t, dir, "service.hcl", fmt.Sprintf(servicePlaybook, ""))
	link := h.Path("/etc/runlevels/default/sb-daemon")

	out := steptest.CheckLeaves(t, f, pb)
	out.WantChanged(t, 2)
	out.WantStep(t, "services / daemon", "changed", "+ sb-daemon enabled in runlevel default", "~ sb-daemon: stopped → started",
		"/etc/init.d/sb-daemon is not there yet")
	if _, err := os.Lstat(link); err == nil {
		t.Error("--check enabled the service")
	}
	if len(steptest.DaemonPids(t, f, h)) != 0 {
		t.Error("--check started the daemon")
	}

	steptest.Apply(t, f, pb).WantChanged(t, 2)
	if target, err := os.Readlink(link); err != nil || target != "/etc/init.d/sb-daemon" {
		t.Errorf("/etc/runlevels/default/sb-daemon → %q (%v)", target, err)
	}
	pid := steptest.OnlyDaemon(t, f, h, "1")
	if got := rcStatus(t, f, h); got != "0" {
		t.Errorf("rc-service status exit %s, want 0 (started)", got)
	}
	steptest.Apply(t, f, pb).WantChanged(t, 0)
	if again := steptest.OnlyDaemon(t, f, h, "1"); again != pid {
		t.Errorf("a converged run restarted the daemon (pid %s → %s)", pid, again)
	}

	// A conf.d change restarts the daemon, once.
	conf := steptest.Write(t, dir, "conf.hcl", fmt.Sprintf(servicePlaybook, `conf_d = { SB_DAEMON_INTERVAL = 3 }`))
	out = steptest.Apply(t, f, conf)
	out.WantChanged(t, 1)
	out.WantSaid(t, "-SB_DAEMON_INTERVAL=1", "+SB_DAEMON_INTERVAL=3",
		"~ sb-daemon: restart, because /etc/conf.d/sb-daemon changed")
	restarted := steptest.OnlyDaemon(t, f, h, "3")
	if restarted == pid {
		t.Error("the daemon was not restarted after its conf.d changed")
	}
	if b, _ := os.ReadFile(h.Path("/etc/conf.d/sb-daemon")); !strings.HasPrefix(string(b), "# Seconds between heartbeats") {
		t.Errorf("conf.d lost its other lines: %q", b)
	}
	steptest.Apply(t, f, conf).WantChanged(t, 0)
	if again := steptest.OnlyDaemon(t, f, h, "3"); again != restarted {
		t.Errorf("the second run restarted the daemon again (pid %s → %s)", restarted, again)
	}

	// A crash: the daemon is killed with no chance to clean up, and
	// OpenRC's record of it tells "status" that it crashed.
	if _, err := f.Exec(h.Name, `kill -9 "$(cat /run/sb-daemon.pid)"; sleep 0.2`); err != nil {
		t.Fatal(err)
	}
	if got := rcStatus(t, f, h); got != "32" {
		t.Fatalf("rc-service status exit %s after the kill, want 32 (crashed)", got)
	}
	out = steptest.Apply(t, f, conf)
	out.WantChanged(t, 1)
	out.WantSaid(t, "~ sb-daemon: crashed → started (zap, then start)")
	steptest.OnlyDaemon(t, f, h, "3")
	if got := rcStatus(t, f, h); got != "0" {
		t.Errorf("rc-service status exit %s after the step, want 0", got)
	}

	// Stopped and disabled.
	stop := steptest.Write(t, dir, "stop.hcl", `
playbook { name = "service" }
phase "services" {
  service "daemon" {
    service = "sb-daemon"
    enabled = false
    state   = "stopped"
  }
}
`)
	out = steptest.Apply(t, f, stop)
	out.WantChanged(t, 1)
	out.WantSaid(t, "- sb-daemon disabled in runlevel default", "~ sb-daemon: started → stopped")
	if pids := steptest.DaemonPids(t, f, h); len(pids) != 0 {
		t.Errorf("sb-daemon still runs: %v", pids)
	}
	if _, err := os.Lstat(link); err == nil {
		t.Error("sb-daemon is still in the default runlevel")
	}
	if got := rcStatus(t, f, h); got != "3" {
		t.Errorf("rc-service status exit %s, want 3 (stopped)", got)
	}
	steptest.Apply(t, f, stop).WantChanged(t, 0)
}

// TestQuotingRoundTrip: paths, content and lines full of what a shell
// would interpret reach the hosts' disks byte for byte.
func TestQuotingRoundTrip(t *testing.T) {
	cases := []struct{ name, path, content, line string }{
		{"spaces", "/srv/q/with  two spaces", "a b  c \n", "key = value with  spaces "},
		{"quotes", `/srv/q/it's "quoted"`, "it's \"quoted\" ''\n", `say "hi", it's '' fine`},
		{"dollars", "/srv/q/$HOME ${PATH}", "$HOME ${PATH} $(id) %{x} $$\n", "echo $USER ${x:-y} $(id) %{if}"},
		{"backticks", "/srv/q/`id`", "`uname -a`\n", "`id` \\`x\\`"},
		{"newlines", "/srv/q/new\nline", "one\ntwo\n\n\nno newline at the end", "tab\there"},
		{"backslashes", `/srv/q/back\slash\n`, `C:\path\to\n` + "\n", `a\\b\nc\`},
		{"dashes and globs", "/srv/q/-rf *", "-n -e *\n", "-e -- * ?[a]"},
		{"unicode", "/srv/q/ünï cödé", "ünïcödé ✓\n", "ünïcödé ✓"},
		{"large", "/srv/q/large", strings.Repeat("it's a 'quoted' line with $x and `y`\n", 6000), "'''"},
	}
	var steps strings.Builder
	steps.WriteString("file \"dir\" {\n  path  = \"/srv/q\"\n  state = \"directory\"\n}\n")
	for _, c := range cases {
		fmt.Fprintf(&steps, "file %s {\n  path    = %s\n  content = %s\n  mode    = \"0640\"\n}\n",
			steptest.HCLString("file "+c.name), steptest.HCLString(c.path), steptest.HCLString(c.content))
		fmt.Fprintf(&steps, "line %s {\n  path   = %s\n  line   = %s\n  create = true\n}\n",
			steptest.HCLString("line "+c.name), steptest.HCLString(c.path+".lines"), steptest.HCLString(c.line))
	}
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := steptest.Write(t, t.TempDir(), "quoting.hcl", "playbook { name = \"quoting\" }\nphase \"q\" {\n"+steps.String()+"}\n")

	steptest.Apply(t, f, pb).WantChanged(t, 1+2*len(cases))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(h.Path(c.path))
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != c.content {
				t.Errorf("content of %q differs (%d bytes, want %d)", c.path, len(b), len(c.content))
			}
			if fi, _ := steptest.StatOf(t, h.Path(c.path)); fi.Mode().Perm() != 0o640 {
				t.Errorf("mode %v", fi.Mode())
			}
			b, err = os.ReadFile(h.Path(c.path + ".lines"))
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != c.line+"\n" {
				t.Errorf("line file holds %q, want %q", b, c.line+"\n")
			}
		})
	}
	entries, _ := os.ReadDir(h.Path("/srv/q"))
	if len(entries) != 2*len(cases) {
		t.Errorf("/srv/q holds %d entries, want %d (stray files from quoting?)", len(entries), 2*len(cases))
	}
	steptest.NoTempFiles(t, h, "/srv/q")
	out := steptest.Apply(t, f, pb)
	if ok, changed := out.Counts(); changed != 0 || ok != 1+2*len(cases) {
		t.Errorf("second run: ok=%d changed=%d", ok, changed)
	}
}
