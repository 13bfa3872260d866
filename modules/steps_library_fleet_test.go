package modules_test

// Fleet tests of the package, repository, key, whole-file, script,
// wait and assert steps: each converges a real Alpine host from scratch
// through the engine (internal/steptest: a check that plans the change
// and leaves the disk alone, the run, a check that finds nothing left),
// asserting on the JSON events of each run and on the hosts' disks.

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// installedVersion reads a package's version from the host's database.
func installedVersion(t *testing.T, h *fleet.Host, name string) string {
	t.Helper()
	b, err := os.ReadFile(h.Path("/lib/apk/db/installed"))
	if err != nil {
		t.Fatal(err)
	}
	for _, stanza := range strings.Split(string(b), "\n\n") {
		if strings.Contains("\n"+stanza+"\n", "\nP:"+name+"\n") {
			for _, l := range strings.Split(stanza, "\n") {
				if v, ok := strings.CutPrefix(l, "V:"); ok {
					return v
				}
			}
		}
	}
	return ""
}

func worldLines(t *testing.T, h *fleet.Host) []string {
	t.Helper()
	b, err := os.ReadFile(h.Path("/etc/apk/world"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(b))
}

func wantWorld(t *testing.T, h *fleet.Host, entries ...string) {
	t.Helper()
	world := worldLines(t, h)
	for _, e := range entries {
		found := false
		for _, w := range world {
			found = found || w == e
		}
		if !found {
			t.Errorf("/etc/apk/world lacks %q: %v", e, world)
		}
	}
}

const apkLibraryPlaybook = `
playbook { name = "apk" }
phase "packages" {
  apk "pinned" {
    packages = ["sb-hello=1.0-r0", "sb-app"]
  }
  apk "tools" {
    packages = ["sb-daemon"]
    virtual  = ".sb-tools"
    no_cache = true
  }
  apk "mail" {
    packages = ["sb-mail-agent"]
  }
}
`

// TestApkVersionsVirtualAndLatest: a pinned version, a virtual package
// and a provided name install; state = "latest" and upgrade = true
// upgrade; absent purges with the dependency left orphaned; each plan
// names exactly the packages apk would touch.
func TestApkVersionsVirtualAndLatest(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	pb := steptest.Write(t, dir, "apk.hcl", apkLibraryPlaybook)

	out, _ := steptest.Converge(t, f, pb, 3)
	out.WantSaid(t, "+ world sb-hello=1.0-r0", "+ sb-hello 1.0-r0", "+ world sb-app", "+ sb-lib 1.0-r0", "+ sb-app 1.0-r0",
		"+ world .sb-tools (virtual: sb-daemon)", "+ sb-daemon 1.0-r0", "+ world sb-mail-agent", "+ sb-mta 1.0-r0")
	wantWorld(t, h, "sb-hello=1.0-r0", "sb-app", "sb-mail-agent")
	if w := strings.Join(worldLines(t, h), " "); !strings.Contains(" "+w, " .sb-tools=") {
		t.Errorf("the virtual package is not in the world (apk writes it with its date as version): %s", w)
	}
	for name, v := range map[string]string{"sb-hello": "1.0-r0", "sb-lib": "1.0-r0", "sb-daemon": "1.0-r0", "sb-mta": "1.0-r0"} {
		if got := installedVersion(t, h, name); got != v {
			t.Errorf("%s installed at %q, want %s", name, got, v)
		}
	}

	latest := steptest.Write(t, dir, "latest.hcl", `
playbook { name = "latest" }
phase "packages" {
  apk "hello" {
    packages = ["sb-hello"]
    state    = "latest"
  }
}
`)
	out = steptest.CheckLeaves(t, f, latest)
	out.WantChanged(t, 1)
	out.WantSaid(t, "~ sb-hello 1.0-r0 → 1.1-r0")
	steptest.Apply(t, f, latest).WantChanged(t, 1)
	if got := installedVersion(t, h, "sb-hello"); got != "1.1-r0" {
		t.Errorf("sb-hello at %q after state = latest", got)
	}
	steptest.Apply(t, f, latest).WantChanged(t, 0)

	// The pin again: a downgrade, named as one.
	out = steptest.Apply(t, f, pb)
	out.WantChanged(t, 1)
	out.WantSaid(t, "~ world sb-hello → sb-hello=1.0-r0", "~ sb-hello 1.1-r0 → 1.0-r0 (downgrade)")

	// upgrade = true upgrades whatever the world allows.
	if _, err := f.Exec(h.Name, "sed -i 's/^sb-hello=.*/sb-hello/' /etc/apk/world"); err != nil {
		t.Fatal(err)
	}
	all := steptest.Write(t, dir, "upgrade.hcl", `
playbook { name = "upgrade" }
phase "packages" {
  apk "all" {
    update_cache = true
    upgrade      = true
  }
}
`)
	out = steptest.CheckLeaves(t, f, all)
	out.WantChanged(t, 1)
	out.WantSaid(t, "~ sb-hello 1.0-r0 → 1.1-r0")
	if strings.Contains(out.Said(), "package index refreshed") {
		t.Error("a local repository's index did not change, yet the plan says it did")
	}
	steptest.Apply(t, f, all).WantChanged(t, 1)
	if got := installedVersion(t, h, "sb-hello"); got != "1.1-r0" {
		t.Errorf("sb-hello at %q after upgrade", got)
	}
	steptest.Apply(t, f, all).WantChanged(t, 0)

	absent := steptest.Write(t, dir, "absent.hcl", `
playbook { name = "absent" }
phase "packages" {
  apk "app" {
    packages = ["sb-app"]
    state    = "absent"
  }
  apk "tools" {
    packages = ["sb-daemon"]
    virtual  = ".sb-tools"
    state    = "absent"
  }
}
`)
	out = steptest.CheckLeaves(t, f, absent)
	out.WantChanged(t, 2)
	out.WantSaid(t, "- world sb-app", "- sb-app 1.0-r0", "- sb-lib 1.0-r0", "- world .sb-tools", "- sb-daemon 1.0-r0")
	steptest.Apply(t, f, absent).WantChanged(t, 2)
	for _, name := range []string{"sb-app", "sb-lib", "sb-daemon", ".sb-tools"} {
		if v := installedVersion(t, h, name); v != "" {
			t.Errorf("%s still installed (%s)", name, v)
		}
	}
	steptest.Apply(t, f, absent).WantChanged(t, 0)
}

// extraKey copies the extra repository's public key next to the
// playbook and returns its file name. The repository is mounted inside
// the hosts only, so the key is read through one.
func extraKey(t *testing.T, f *fleet.Fleet, h *fleet.Host, dir string) string {
	t.Helper()
	name, err := f.Exec(h.Name, "cd "+fleet.ExtraRepoKey+" && ls")
	name = strings.TrimSpace(name)
	if err != nil || strings.Contains(name, "\n") || name == "" {
		t.Fatalf("extra repository key: %q %v", name, err)
	}
	pub, err := f.Exec(h.Name, "cat "+fleet.ExtraRepoKey+"/"+name)
	if err != nil {
		t.Fatal(err)
	}
	steptest.Write(t, dir, "extra.rsa.pub", pub)
	return name
}

// TestApkRepositoryAndKey: a repository signed by a key the host does
// not trust is refused by apk; once apk_key installs the key, the
// package installs. The apk step's own repositories attribute adds the
// line beside the system's.
func TestApkRepositoryAndKey(t *testing.T) {
	f := fleet.Start(t, 2)
	h, fresh := f.Hosts[0], f.Hosts[1]
	dir := t.TempDir()
	keyName := extraKey(t, f, h, dir)

	untrusted := steptest.Write(t, dir, "untrusted.hcl", `
playbook { name = "untrusted" }
phase "packages" {
  apk_repository "extra repo" { repository = "`+fleet.ExtraRepo+`" }
  apk "extra" { packages = ["sb-extra=1.0_p1-r0"] }
}
`)
	out := steptest.Exec(t, f, untrusted, steptest.Options{Limit: []string{h.Name}})
	if out.ExitCode != runner.ExitFailed {
		t.Fatalf("exit %d with an untrusted repository, want %d", out.ExitCode, runner.ExitFailed)
	}
	out.WantSaid(t, "UNTRUSTED")
	if v := installedVersion(t, h, "sb-extra"); v != "" {
		t.Fatalf("sb-extra installed from an untrusted repository (%s)", v)
	}

	trusted := steptest.Write(t, dir, "trusted.hcl", fmt.Sprintf(`
playbook { name = "trusted" }
phase "packages" {
  apk_key "extra key" {
    name   = %q
    source = "extra.rsa.pub"
  }
  apk "extra" {
    packages     = ["sb-extra=1.0_p1-r0"]
    repositories = [%q]
  }
}
`, keyName, fleet.ExtraRepo))
	// On the fresh host, --check plans the key and the repository, and
	// says apk cannot resolve the package before they exist.
	out = steptest.CheckLeaves(t, f, trusted)
	out.WantSaid(t, "+ file /etc/apk/keys/"+keyName, "+ repository "+fleet.ExtraRepo, "+ world sb-extra=1.0_p1-r0", "! apk cannot plan this yet")

	out = steptest.Apply(t, f, trusted, h.Name)
	out.WantChanged(t, 2)
	if v := installedVersion(t, h, "sb-extra"); v != "1.0_p1-r0" {
		t.Errorf("sb-extra at %q", v)
	}
	b, _ := os.ReadFile(h.Path("/etc/apk/repositories"))
	if string(b) != "/mnt/repo\n"+fleet.ExtraRepo+"\n" {
		t.Errorf("/etc/apk/repositories = %q: the system's line must stay, the extra one added once", b)
	}
	steptest.Apply(t, f, trusted, h.Name).WantChanged(t, 0)

	// On the fresh host the whole playbook converges in one run.
	steptest.Apply(t, f, trusted, fresh.Name).WantChanged(t, 2)
	steptest.Apply(t, f, trusted, fresh.Name).WantChanged(t, 0)

	// And the repository line goes again.
	gone := steptest.Write(t, dir, "gone.hcl", `
playbook { name = "gone" }
phase "packages" {
  apk_repository "extra" {
    repository = "`+fleet.ExtraRepo+`"
    state      = "absent"
  }
}
`)
	out = steptest.Apply(t, f, gone, h.Name)
	out.WantChanged(t, 1)
	out.WantSaid(t, "-"+fleet.ExtraRepo)
	if b, _ := os.ReadFile(h.Path("/etc/apk/repositories")); string(b) != "/mnt/repo\n" {
		t.Errorf("/etc/apk/repositories = %q", b)
	}
}

// trickyContents are file contents that a shell would mangle if any of
// them reached it unquoted: they must arrive byte for byte.
var trickyContents = map[string]string{
	"spaces":    "a b  c \n",
	"quotes":    "it's \"quoted\" ''\n",
	"dollars":   "$HOME ${PATH} $(id) %{x} $$\n",
	"backticks": "`uname -a`\n",
	"newlines":  "one\ntwo\n\n\nno newline at the end",
	"nul":       "before\x00after\x00",
	"binary":    "\xff\xfe\x00\x01\x80 not utf-8",
	"empty":     "",
	"large":     strings.Repeat("it's a 'quoted' line with $x and `y` and \\n\n", 8000),
}

// TestCopyTemplateAndInitScript: copy, template and openrc_script
// install files atomically with their modes and owners, with diffs in
// the plan; a second run changes nothing; a backup keeps the replaced
// file; a failing validation leaves the original byte for byte.
func TestCopyTemplateAndInitScript(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/files", 0o755); err != nil {
		t.Fatal(err)
	}
	var steps strings.Builder
	steps.WriteString("file \"dir\" {\n  path  = \"/srv/c\"\n  state = \"directory\"\n}\n")
	for name, content := range trickyContents {
		steptest.Write(t, dir+"/files", name, content)
		fmt.Fprintf(&steps, "copy %q {\n  source = \"files/%s\"\n  dest   = \"/srv/c/%s it's $x\"\n  mode   = \"0640\"\n  owner  = \"nobody\"\n}\n", name, name, name)
	}
	steptest.Write(t, dir, "app.conf.tmpl", "# ${title}\nport = ${port}\n%{ for u in users ~}\nallow ${upper(u)}\n%{ endfor ~}\n")
	tmplStep := `
template "app" {
  source = "app.conf.tmpl"
  dest   = "/etc/app.conf"
  vars   = { title = "it's $HOME", port = %d, users = ["ann", "bob"] }
  backup = true
  validate = "grep -q '^port = ' %%s"
}
openrc_script "init script" {
  name    = "sb-web"
  content = <<-EOT
    #!/sbin/openrc-run
    description="switchback test web"
    command=/bin/sleep
    command_args=300
    command_background=true
    pidfile=/run/sb-web.pid
  EOT
}
service "web" {
  service = "sb-web"
  state   = "started"
}
`
	pb := steptest.Write(t, dir, "files.hcl", "playbook { name = \"files\" }\nphase \"files\" {\n"+steps.String()+fmt.Sprintf(tmplStep, 8080)+"}\n")
	n := 1 + len(trickyContents) + 3

	out, _ := steptest.Converge(t, f, pb, n)
	out.WantSaid(t, "+ file /etc/app.conf (mode 0644)", "+# it's $HOME", "+port = 8080", "+allow ANN",
		"+ file /etc/init.d/sb-web (mode 0755) owned by root:root", "+command=/bin/sleep",
		"binary content: 0 → 13 bytes", "~ sb-web: stopped → started")
	for name, content := range trickyContents {
		p := h.Path("/srv/c/" + name + " it's $x")
		b, err := os.ReadFile(p)
		if err != nil || string(b) != content {
			t.Errorf("%s: %d bytes (%v), want %d", name, len(b), err, len(content))
			continue
		}
		if fi, st := steptest.StatOf(t, p); fi.Mode().Perm() != 0o640 || st.Uid != 65534 {
			t.Errorf("%s: mode %v uid %d", name, fi.Mode(), st.Uid)
		}
	}
	if b, _ := os.ReadFile(h.Path("/etc/app.conf")); string(b) != "# it's $HOME\nport = 8080\nallow ANN\nallow BOB\n" {
		t.Errorf("/etc/app.conf = %q", b)
	}
	if fi, _ := steptest.StatOf(t, h.Path("/etc/init.d/sb-web")); fi.Mode().Perm() != 0o755 {
		t.Errorf("init script mode %v", fi.Mode())
	}
	if got := rcStatusOf(t, f, h, "sb-web"); got != "0" {
		t.Errorf("sb-web status exit %s, want 0 (started)", got)
	}
	steptest.NoTempFiles(t, h, "/srv/c", "/etc", "/etc/init.d")

	// A new port: the old file is kept as a backup, the diff shows it.
	pb2 := steptest.Write(t, dir, "files2.hcl", "playbook { name = \"files\" }\nphase \"files\" {\n"+fmt.Sprintf(tmplStep, 9090)+"}\n")
	out = steptest.Apply(t, f, pb2)
	out.WantChanged(t, 1)
	out.WantSaid(t, "-port = 8080", "+port = 9090", "+ backup /etc/app.conf.<timestamp>~")
	backups, _ := filepath.Glob(h.Path("/etc/app.conf.*~"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	if b, _ := os.ReadFile(backups[0]); !strings.Contains(string(b), "port = 8080") {
		t.Errorf("backup holds %q", b)
	}

	// Validation fails: nothing replaced, no temporary file left.
	before, _ := os.ReadFile(h.Path("/etc/app.conf"))
	initBefore, _ := os.ReadFile(h.Path("/etc/init.d/sb-web"))
	steptest.Write(t, dir, "bad.tmpl", "no port here\n")
	bad := steptest.Write(t, dir, "bad.hcl", `
playbook { name = "bad" }
phase "files" {
  template "app" {
    source   = "bad.tmpl"
    dest     = "/etc/app.conf"
    validate = "grep -q '^port = ' %s"
  }
}
phase "init" {
  openrc_script "broken" {
    name    = "sb-web"
    content = "#!/sbin/openrc-run\nstart() {\n  echo unterminated\n"
  }
}
`)
	out = steptest.Exec(t, f, bad, steptest.Options{})
	if out.ExitCode != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", out.ExitCode, runner.ExitFailed)
	}
	out.WantSaid(t, "validate (grep -q '^port = ' %s) refused the new /etc/app.conf")
	if after, _ := os.ReadFile(h.Path("/etc/app.conf")); string(after) != string(before) {
		t.Errorf("a failed validation changed /etc/app.conf: %q", after)
	}
	steptest.NoTempFiles(t, h, "/etc")
	broken := steptest.Write(t, dir, "broken.hcl", `
playbook { name = "broken" }
phase "init" {
  openrc_script "broken" {
    name    = "sb-web"
    content = "#!/sbin/openrc-run\nstart() {\n  echo unterminated\n"
  }
}
`)
	out = steptest.Exec(t, f, broken, steptest.Options{})
	if out.ExitCode != runner.ExitFailed {
		t.Fatalf("exit %d for a broken init script, want %d", out.ExitCode, runner.ExitFailed)
	}
	out.WantSaid(t, "refused the new /etc/init.d/sb-web", "syntax error")
	if after, _ := os.ReadFile(h.Path("/etc/init.d/sb-web")); string(after) != string(initBefore) {
		t.Errorf("a broken init script replaced the good one: %q", after)
	}
	steptest.NoTempFiles(t, h, "/etc/init.d")
}

func rcStatusOf(t *testing.T, f *fleet.Fleet, h *fleet.Host, svc string) string {
	t.Helper()
	out, err := f.Exec(h.Name, "rc-service "+svc+" status >/dev/null 2>&1; echo $?")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out)
}

// scriptArgs are arguments the host's /bin/sh must hand to the script
// unchanged.
var scriptArgs = []string{"a b", "it's", `"q"`, "$HOME", "${PATH}", "$(id)", "`id`", "new\nline", "-e", "*", "", `back\slash`, "ünï ✓", "%{x}"}

// TestScriptCommandWaitAndAssert: a controller script runs on the host
// with its arguments intact and its guards; a command's removes,
// changed_when and failed_when; wait_for on a path, a port and a
// timeout; assert passing and failing.
func TestScriptCommandWaitAndAssert(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	// Larger than any one command line may be: it must travel as a file.
	script := "#!/bin/sh\n" + strings.Repeat("# padding: it's $not `run`\n", 8000) +
		"for a in \"$@\"; do printf '%s\\0' \"$a\"; done > /srv/args\necho \"ran as $0\" > /srv/ran\n"
	steptest.Write(t, dir, "setup.sh", script)
	var args []string
	for _, a := range scriptArgs {
		args = append(args, steptest.HCLString(a))
	}
	pb := steptest.Write(t, dir, "steps.hcl", fmt.Sprintf(`
playbook { name = "steps" }
phase "run" {
  file "srv" {
    path  = "/srv"
    state = "directory"
  }
  script "setup" {
    source  = "setup.sh"
    args    = [%s]
    creates = "/srv/args"
  }
  command "cleanup" {
    run     = "rm /srv/flag"
    removes = "/srv/flag"
  }
  command "probe" {
    run          = "date >> /srv/probed"
    changed_when = false
  }
  command "three is fine" {
    run         = "exit 3"
    failed_when = result.exit_code != 3
  }
  command "later" {
    run = "setsid sh -c 'sleep 1; touch /srv/ready' </dev/null >/dev/null 2>&1 &"
    creates = "/srv/ready"
  }
  wait_for "ready" {
    path    = "/srv/ready"
    timeout = 10
  }
  wait_for "sshd" {
    host = %q
    port = %d
  }
  assert "sane" {
    that = [1 + 1 == 2, upper(%q) != ""]
  }
}
`, strings.Join(args, ", "), h.Address, h.Port, h.Name))

	out := steptest.CheckLeaves(t, f, pb)
	out.WantSaid(t, "run script "+filepath.Join(dir, "setup.sh"), "~ wait up to 10s for /srv/ready")

	out = steptest.Apply(t, f, pb)
	// script, three, later: changed; /srv (there already), cleanup
	// (nothing to remove), probe (ran, judged unchanged), both waits and
	// assert: ok.
	if ok, changed := out.Counts(); changed != 3 || ok != 6 {
		t.Errorf("first run: ok=%d changed=%d, want 6 and 3", ok, changed)
	}
	b, err := os.ReadFile(h.Path("/srv/args"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(string(b), "\x00"), "\x00")
	if len(got) != len(scriptArgs) {
		t.Fatalf("the script got %d arguments, want %d: %q", len(got), len(scriptArgs), got)
	}
	for i := range got {
		if got[i] != scriptArgs[i] {
			t.Errorf("argument %d: %q, want %q", i, got[i], scriptArgs[i])
		}
	}
	if b, _ := os.ReadFile(h.Path("/srv/ran")); !strings.HasPrefix(string(b), "ran as /tmp/.switchback.script.") {
		t.Errorf("/srv/ran = %q", b)
	}
	if leftovers, _ := filepath.Glob(h.Path("/tmp/.switchback.*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if _, err := os.Stat(h.Path("/srv/probed")); err != nil {
		t.Error("the changed_when = false command did not run")
	}
	if _, err := os.Stat(h.Path("/srv/ready")); err != nil {
		t.Error("wait_for returned before /srv/ready existed")
	}

	// Again: the script's creates, the flag's absence and the waits hold;
	// only the probe runs (and still changes nothing) and "three" runs.
	out = steptest.Apply(t, f, pb)
	if ok, changed := out.Counts(); changed != 1 || ok != 8 {
		t.Errorf("second run: ok=%d changed=%d, want 8 and 1", ok, changed)
	}
	if _, err := f.Exec(h.Name, "touch /srv/flag"); err != nil {
		t.Fatal(err)
	}
	steptest.Apply(t, f, pb).WantChanged(t, 2)
	if _, err := os.Stat(h.Path("/srv/flag")); err == nil {
		t.Error("removes: /srv/flag exists, yet the command did not run")
	}

	failing := steptest.Write(t, dir, "failing.hcl", `
playbook { name = "failing" }
phase "one" {
  wait_for "closed port" {
    port    = 1
    timeout = 2
  }
}
phase "two" {
  assert "never" {
    that         = [true, 1 > 2]
    fail_message = "one is not greater than two"
  }
}
`)
	out = steptest.Exec(t, f, failing, steptest.Options{})
	if out.ExitCode != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", out.ExitCode, runner.ExitFailed)
	}
	out.WantSaid(t, "waiting for port 127.0.0.1:1 timed out", "still not ready after 2 seconds")
	failing2 := steptest.Write(t, dir, "failing2.hcl", `
playbook { name = "failing" }
phase "two" {
  assert "never" {
    that         = [true, 1 > 2]
    fail_message = "one is not greater than two"
  }
}
`)
	out = steptest.Exec(t, f, failing2, steptest.Options{})
	if out.ExitCode != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", out.ExitCode, runner.ExitFailed)
	}
	out.WantSaid(t, "one is not greater than two", "failing2.hcl:5,")
}

// hostFile reads a file of the repository mount, which only the hosts see.
func hostFile(t *testing.T, f *fleet.Fleet, h *fleet.Host, path string) []byte {
	t.Helper()
	out, err := f.Exec(h.Name, "base64 "+path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(out, "\n", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestApkUpdateCache: with a repository served over HTTP, update_cache
// reports a change when the index apk downloads differs from its cached
// copy, and none when it is the same.
func TestApkUpdateCache(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	keyName := extraKey(t, f, h, dir)
	indexes := [][]byte{
		hostFile(t, f, h, fleet.ExtraRepo+"/x86_64/APKINDEX.tar.gz"),
		hostFile(t, f, h, "/mnt/repo/x86_64/APKINDEX.tar.gz"),
	}
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/repo/x86_64/APKINDEX.tar.gz" {
			http.NotFound(w, r)
			return
		}
		w.Write(indexes[served.Load()])
	}))
	defer srv.Close()
	pb := steptest.Write(t, dir, "update.hcl", fmt.Sprintf(`
playbook { name = "update" }
phase "packages" {
  apk_key "extra key" {
    name   = %q
    source = "extra.rsa.pub"
  }
  apk "index" {
    repositories = [%q]
    update_cache = true
  }
}
`, keyName, srv.URL+"/repo"))

	// Under --check the key is not there yet, so the refresh fails; the
	// plan says so instead of failing.
	out := steptest.CheckLeaves(t, f, pb)
	out.WantSaid(t, "+ repository "+srv.URL+"/repo", "! apk update failed with the new repositories")

	// The repository is refreshed while checking, before its line is
	// in the file.
	out = steptest.Apply(t, f, pb)
	out.WantChanged(t, 2)
	out.WantSaid(t, "+ repository "+srv.URL+"/repo", "~ package index refreshed (apk update)")
	steptest.Apply(t, f, pb).WantChanged(t, 0)

	served.Store(1)
	out = steptest.Apply(t, f, pb)
	out.WantChanged(t, 1)
	out.WantSaid(t, "~ package index refreshed (apk update)")
	steptest.Apply(t, f, pb).WantChanged(t, 0)
}
