package main

// Fleet tests of the file, line, user, group and service steps: each
// runs the CLI against real Alpine hosts, then reads what happened from
// the hosts' filesystems (and, for services, their process tables).

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

// runOK runs switchback and fails the test unless it exits 0.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out := runCLI(t, args...)
	if code != runner.ExitOK {
		t.Fatalf("switchback %s: exit %d", args[0], code)
	}
	return out
}

var recapChanged = regexp.MustCompile(`ok=(\d+) +changed=(\d+)`)

// recap returns the ok and changed counts of the single host of a run.
func recap(t *testing.T, out string) (ok, changed int) {
	t.Helper()
	m := recapChanged.FindAllStringSubmatch(out, -1)
	if len(m) != 1 {
		t.Fatalf("expected one host in the recap, found %d", len(m))
	}
	ok, _ = strconv.Atoi(m[0][1])
	changed, _ = strconv.Atoi(m[0][2])
	return ok, changed
}

func wantChanged(t *testing.T, out string, want int) {
	t.Helper()
	if _, changed := recap(t, out); changed != want {
		t.Errorf("changed=%d, want %d", changed, want)
	}
}

func wantInOutput(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

// diskState describes paths inside a host (kind, mode, owner, content or
// link target) so that a --check run can be shown to leave them alone.
func diskState(t *testing.T, h *fleet.Host, paths ...string) map[string]string {
	t.Helper()
	s := map[string]string{}
	for _, p := range paths {
		fi, err := os.Lstat(h.Path(p))
		if err != nil {
			s[p] = "absent"
			continue
		}
		st := fi.Sys().(*syscall.Stat_t)
		desc := fmt.Sprintf("%v %d:%d", fi.Mode(), st.Uid, st.Gid)
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			target, _ := os.Readlink(h.Path(p))
			desc += " → " + target
		case fi.Mode().IsRegular():
			b, _ := os.ReadFile(h.Path(p))
			desc += " " + string(b)
		}
		s[p] = desc
	}
	return s
}

func sameDiskState(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, b := range before {
		if after[p] != b {
			t.Errorf("--check changed %s:\nbefore: %q\nafter:  %q", p, b, after[p])
		}
	}
}

func statOf(t *testing.T, path string) (os.FileInfo, *syscall.Stat_t) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi, fi.Sys().(*syscall.Stat_t)
}

// noTempFiles checks that atomic writes left nothing behind.
func noTempFiles(t *testing.T, h *fleet.Host, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		entries, _ := os.ReadDir(h.Path(d))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".switchback.") {
				t.Errorf("temporary file left in %s: %s", d, e.Name())
			}
		}
	}
}

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

// TestFileStep: --check plans every change and touches nothing; a run
// creates, rewrites, links and removes; a second run changes nothing;
// drift in content is put right with a diff.
func TestFileStep(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "files.hcl", filePlaybook)
	paths := []string{"/etc/motd", "/srv/app", "/srv/app/config.ini", "/srv/current", "/etc/issue"}

	before := diskState(t, h, paths...)
	out := runOK(t, runArgs(f, pb, "--check", "--diff")...)
	sameDiskState(t, before, diskState(t, h, paths...))
	wantChanged(t, out, 5)
	wantInOutput(t, out,
		"would change files / motd", "~ file /etc/motd: content", "-Welcome to Alpine!", "+managed by switchback",
		"~ file /etc/motd: mode 0644 → 0600",
		"+ directory /srv/app (mode 2750) owned by nobody:nogroup",
		"+ file /srv/app/config.ini (mode 0644) owned by nobody:root", "+port = 8080",
		"+ link /srv/current → /srv/app",
		"- file /etc/issue")

	wantChanged(t, runOK(t, runArgs(f, pb)...), 5)
	if b, _ := os.ReadFile(h.Path("/etc/motd")); string(b) != "managed by switchback\n" {
		t.Errorf("/etc/motd = %q", b)
	}
	if fi, _ := statOf(t, h.Path("/etc/motd")); fi.Mode().Perm() != 0o600 {
		t.Errorf("/etc/motd mode %v", fi.Mode())
	}
	fi, st := statOf(t, h.Path("/srv/app"))
	if !fi.IsDir() || fi.Mode().Perm() != 0o750 || fi.Mode()&os.ModeSetgid == 0 || st.Uid != 65534 || st.Gid != 65533 {
		t.Errorf("/srv/app: %v %d:%d, want a setgid 0750 directory of nobody:nogroup", fi.Mode(), st.Uid, st.Gid)
	}
	fi, st = statOf(t, h.Path("/srv/app/config.ini"))
	if b, _ := os.ReadFile(h.Path("/srv/app/config.ini")); string(b) != "[main]\nport = 8080\n" || fi.Mode().Perm() != 0o644 || st.Uid != 65534 {
		t.Errorf("/srv/app/config.ini: %v uid %d %q", fi.Mode(), st.Uid, b)
	}
	if target, err := os.Readlink(h.Path("/srv/current")); err != nil || target != "/srv/app" {
		t.Errorf("/srv/current → %q (%v)", target, err)
	}
	if _, err := os.Lstat(h.Path("/etc/issue")); err == nil {
		t.Error("/etc/issue still exists")
	}
	noTempFiles(t, h, "/etc", "/srv/app")

	out = runOK(t, runArgs(f, pb)...)
	if ok, changed := recap(t, out); ok != 5 || changed != 0 {
		t.Errorf("second run: ok=%d changed=%d, want 5 and 0", ok, changed)
	}

	// Drift: someone edits the file; the next run puts it back, and the
	// rewritten file keeps the owner it had.
	if err := os.WriteFile(h.Path("/srv/app/config.ini"), []byte("[main]\nport = 9090\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = runOK(t, runArgs(f, pb)...)
	wantChanged(t, out, 1)
	wantInOutput(t, out, "~ file /srv/app/config.ini: content", "-port = 9090", "+port = 8080", " [main]")
	if _, st := statOf(t, h.Path("/srv/app/config.ini")); st.Uid != 65534 {
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
	pb := writeFile(t, t.TempDir(), "lines.hcl", linePlaybook)
	conf := h.Path("/etc/app.conf")
	if err := os.WriteFile(conf, []byte("# app\nPort 22\n#PermitRootLogin yes\nX=1"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(conf, 65534, 65533); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/etc/app.conf", "/etc/new.conf"}

	before := diskState(t, h, paths...)
	out := runOK(t, runArgs(f, pb, "--check")...)
	sameDiskState(t, before, diskState(t, h, paths...))
	wantChanged(t, out, 5)
	wantInOutput(t, out, "-Port 22\n", "+Port 2222\n", "-#PermitRootLogin yes", "+PermitRootLogin no",
		"-X=1\n", `\ No newline at end of file`, "+UseDNS no", "+ file /etc/new.conf (mode 0644)", "+a = 1")

	wantChanged(t, runOK(t, runArgs(f, pb)...), 5)
	b, _ := os.ReadFile(conf)
	if want := "# app\nPort 2222\nPermitRootLogin no\nUseDNS no\n"; string(b) != want {
		t.Errorf("/etc/app.conf = %q, want %q", b, want)
	}
	fi, st := statOf(t, conf)
	if fi.Mode().Perm() != 0o640 || st.Uid != 65534 || st.Gid != 65533 {
		t.Errorf("/etc/app.conf lost its mode or owner: %v %d:%d", fi.Mode(), st.Uid, st.Gid)
	}
	if b, _ := os.ReadFile(h.Path("/etc/new.conf")); string(b) != "a = 1\n" {
		t.Errorf("/etc/new.conf = %q", b)
	}
	noTempFiles(t, h, "/etc")

	out = runOK(t, runArgs(f, pb)...)
	if ok, changed := recap(t, out); ok != 5 || changed != 0 {
		t.Errorf("second run: ok=%d changed=%d, want 5 and 0", ok, changed)
	}
	if _, st2 := statOf(t, conf); st2.Ino != st.Ino || st2.Mtim != st.Mtim {
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
	pb := writeFile(t, dir, "accounts.hcl", accountsPlaybook)
	paths := []string{"/etc/passwd", "/etc/group", "/etc/shadow", "/srv/deploy"}

	before := diskState(t, h, paths...)
	out := runOK(t, runArgs(f, pb, "--check")...)
	sameDiskState(t, before, diskState(t, h, paths...))
	// Six would change: the group games is still there when nothing runs.
	// In a real run deluser takes it along with the user, so five change.
	wantChanged(t, out, 6)
	wantInOutput(t, out, "+ group deploy (gid 2000)", "+ group svc (system)",
		"+ user deploy (uid 2000, group deploy, groups wheel, svc, home /srv/deploy, shell /bin/ash)",
		"+ user svc (system, group svc)", "- user games", "- group games")

	wantChanged(t, runOK(t, runArgs(f, pb)...), 5)
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

	out = runOK(t, runArgs(f, pb)...)
	if ok, changed := recap(t, out); ok != 6 || changed != 0 {
		t.Errorf("second run: ok=%d changed=%d, want 6 and 0", ok, changed)
	}

	// Changes to an existing user: shell and memberships.
	changed := writeFile(t, dir, "changed.hcl", `
playbook { name = "accounts" }
phase "accounts" {
  user "deploy" {
    name   = "deploy"
    groups = ["wheel", "deploy"] # deploy is its primary group: nothing to join
    shell  = "/bin/sh"
  }
}
`)
	out = runOK(t, runArgs(f, changed)...)
	wantChanged(t, out, 1)
	wantInOutput(t, out, "~ user deploy: shell /bin/ash → /bin/sh", "- user deploy from group svc")
	if strings.Contains(out, "in group deploy") {
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
	if fi, _ := statOf(t, h.Path("/etc/passwd")); fi.Mode().Perm() != 0o644 {
		t.Errorf("/etc/passwd mode %v after the rewrite", fi.Mode())
	}
	noTempFiles(t, h, "/etc")
	wantChanged(t, runOK(t, runArgs(f, changed)...), 0)
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

// daemonPids lists the sb-daemon processes running inside the host. The
// daemon is a shell script: the child it forks to run date shows its
// parent's arguments until it execs, so children of a daemon are not
// counted as daemons of their own.
func daemonPids(t *testing.T, f *fleet.Fleet, h *fleet.Host) map[string]string {
	t.Helper()
	out, err := f.Exec(h.Name, "ps -o pid,ppid,args")
	if err != nil {
		t.Fatal(err)
	}
	pids, parents := map[string]string{}, map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		fields := strings.Fields(l)
		if len(fields) < 3 {
			continue
		}
		if args := strings.Join(fields[2:], " "); strings.Contains(args, "/bin/sh /usr/bin/sb-daemon") {
			pids[fields[0]], parents[fields[0]] = args, fields[1]
		}
	}
	for pid, parent := range parents {
		if _, child := pids[parent]; child {
			delete(pids, pid)
		}
	}
	return pids
}

func onlyDaemon(t *testing.T, f *fleet.Fleet, h *fleet.Host, wantArg string) string {
	t.Helper()
	pids := daemonPids(t, f, h)
	if len(pids) != 1 {
		t.Fatalf("%d sb-daemon processes run, want 1: %v", len(pids), pids)
	}
	for pid, args := range pids {
		if !strings.HasSuffix(args, "/usr/bin/sb-daemon "+wantArg) {
			t.Errorf("sb-daemon runs as %q, want its argument %s", args, wantArg)
		}
		return pid
	}
	return ""
}

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
	pb := writeFile(t, dir, "service.hcl", fmt.Sprintf(servicePlaybook, ""))
	link := h.Path("/etc/runlevels/default/sb-daemon")

	out := runOK(t, runArgs(f, pb, "--check")...)
	wantChanged(t, out, 2)
	wantInOutput(t, out, "+ sb-daemon enabled in runlevel default", "~ sb-daemon: stopped → started",
		"/etc/init.d/sb-daemon is not there yet")
	if _, err := os.Lstat(link); err == nil {
		t.Error("--check enabled the service")
	}
	if len(daemonPids(t, f, h)) != 0 {
		t.Error("--check started the daemon")
	}

	wantChanged(t, runOK(t, runArgs(f, pb)...), 2)
	if target, err := os.Readlink(link); err != nil || target != "/etc/init.d/sb-daemon" {
		t.Errorf("/etc/runlevels/default/sb-daemon → %q (%v)", target, err)
	}
	pid := onlyDaemon(t, f, h, "1")
	if got := rcStatus(t, f, h); got != "0" {
		t.Errorf("rc-service status exit %s, want 0 (started)", got)
	}
	wantChanged(t, runOK(t, runArgs(f, pb)...), 0)
	if again := onlyDaemon(t, f, h, "1"); again != pid {
		t.Errorf("a converged run restarted the daemon (pid %s → %s)", pid, again)
	}

	// A conf.d change restarts the daemon, once.
	conf := writeFile(t, dir, "conf.hcl", fmt.Sprintf(servicePlaybook, `conf_d = { SB_DAEMON_INTERVAL = 3 }`))
	out = runOK(t, runArgs(f, conf)...)
	wantChanged(t, out, 1)
	wantInOutput(t, out, "-SB_DAEMON_INTERVAL=1", "+SB_DAEMON_INTERVAL=3",
		"~ sb-daemon: restart, because /etc/conf.d/sb-daemon changed")
	restarted := onlyDaemon(t, f, h, "3")
	if restarted == pid {
		t.Error("the daemon was not restarted after its conf.d changed")
	}
	if b, _ := os.ReadFile(h.Path("/etc/conf.d/sb-daemon")); !strings.HasPrefix(string(b), "# Seconds between heartbeats") {
		t.Errorf("conf.d lost its other lines: %q", b)
	}
	wantChanged(t, runOK(t, runArgs(f, conf)...), 0)
	if again := onlyDaemon(t, f, h, "3"); again != restarted {
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
	out = runOK(t, runArgs(f, conf)...)
	wantChanged(t, out, 1)
	wantInOutput(t, out, "~ sb-daemon: crashed → started (zap, then start)")
	onlyDaemon(t, f, h, "3")
	if got := rcStatus(t, f, h); got != "0" {
		t.Errorf("rc-service status exit %s after the step, want 0", got)
	}

	// Stopped and disabled.
	stop := writeFile(t, dir, "stop.hcl", `
playbook { name = "service" }
phase "services" {
  service "daemon" {
    service = "sb-daemon"
    enabled = false
    state   = "stopped"
  }
}
`)
	out = runOK(t, runArgs(f, stop)...)
	wantChanged(t, out, 1)
	wantInOutput(t, out, "- sb-daemon disabled in runlevel default", "~ sb-daemon: started → stopped")
	if pids := daemonPids(t, f, h); len(pids) != 0 {
		t.Errorf("sb-daemon still runs: %v", pids)
	}
	if _, err := os.Lstat(link); err == nil {
		t.Error("sb-daemon is still in the default runlevel")
	}
	if got := rcStatus(t, f, h); got != "3" {
		t.Errorf("rc-service status exit %s, want 3 (stopped)", got)
	}
	wantChanged(t, runOK(t, runArgs(f, stop)...), 0)
}

// hclString writes s as an HCL string literal that reads back as s
// exactly: escapes for quotes, backslashes and control characters, and
// "$${" and "%%{" so that no template sequence is read.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case (c == '$' || c == '%') && i+1 < len(s) && s[i+1] == '{':
			b.WriteByte(c)
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
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
			hclString("file "+c.name), hclString(c.path), hclString(c.content))
		fmt.Fprintf(&steps, "line %s {\n  path   = %s\n  line   = %s\n  create = true\n}\n",
			hclString("line "+c.name), hclString(c.path+".lines"), hclString(c.line))
	}
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "quoting.hcl", "playbook { name = \"quoting\" }\nphase \"q\" {\n"+steps.String()+"}\n")

	wantChanged(t, runOK(t, runArgs(f, pb)...), 1+2*len(cases))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(h.Path(c.path))
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != c.content {
				t.Errorf("content of %q differs (%d bytes, want %d)", c.path, len(b), len(c.content))
			}
			if fi, _ := statOf(t, h.Path(c.path)); fi.Mode().Perm() != 0o640 {
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
	noTempFiles(t, h, "/srv/q")
	out := runOK(t, runArgs(f, pb)...)
	if ok, changed := recap(t, out); changed != 0 || ok != 1+2*len(cases) {
		t.Errorf("second run: ok=%d changed=%d", ok, changed)
	}
}
