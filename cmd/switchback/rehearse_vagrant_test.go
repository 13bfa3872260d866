package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/runner"
)

// rehearsalEnv is set by 'make rehearse-test', which also builds and
// adds the box and makes sure a libvirt daemon answers.
const rehearsalEnv = "SWITCHBACK_REHEARSE"

// TestRehearsal runs 'make rehearse' for real on two Vagrant machines
// (libvirt, the box built by 'make box'): alpine-1 converges in the
// canary wave; alpine-2, marked to fail its health check, is changed,
// fails, and is restored with 'vagrant snapshot restore'. Each
// machine's files are then read over SSH: alpine-1 carries the
// playbook's changes, alpine-2 is exactly as before the run. With the
// mark removed, a second rehearsal converges both.
func TestRehearsal(t *testing.T) {
	if os.Getenv(rehearsalEnv) == "" {
		t.Skip("runs real Vagrant machines for many minutes: 'make rehearse-test'")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	project := t.TempDir()
	copyFile(t, filepath.Join(repo, "Vagrantfile"), filepath.Join(project, "Vagrantfile"))
	dir := filepath.Join(project, ".vagrant", "switchback")
	env := append(os.Environ(),
		"SWITCHBACK_VMS=2",
		"VAGRANT_CWD="+project,
		"VAGRANT_DEFAULT_PROVIDER=libvirt",
		"SWITCHBACK_SERIAL_LOG_DIR="+project,
		"XDG_STATE_HOME="+filepath.Join(project, "state"),
	)
	sh := func(timeout time.Duration, name string, args ...string) (string, error) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir, cmd.Env = project, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		err := cmd.Run()
		t.Logf("%s %s → %v in %s\n%s", name, strings.Join(args, " "), err, time.Since(start).Round(time.Second), tail(out.String(), 6000))
		return out.String(), err
	}
	t.Cleanup(func() {
		if _, err := sh(10*time.Minute, "vagrant", "destroy", "-f"); err != nil {
			t.Errorf("vagrant destroy: %v", err)
		}
		for _, m := range []string{"alpine-1", "alpine-2"} {
			if b, err := os.ReadFile(filepath.Join(project, m+".log")); err == nil && t.Failed() {
				t.Logf("console of %s:\n%s", m, tail(string(b), 4000))
			}
		}
	})

	if _, err := sh(30*time.Minute, "vagrant", "up"); err != nil {
		t.Fatalf("vagrant up: %v", err)
	}
	if _, err := sh(5*time.Minute, "vagrant", "ssh", "alpine-2", "-c", "sudo touch /etc/switchback-rehearse-fail"); err != nil {
		t.Fatal(err)
	}
	// What a rollback must bring back, read over SSH before the run.
	before := map[string]string{}
	fingerprint := func(machine string) string {
		t.Helper()
		out, err := sh(2*time.Minute, "ssh", "-F", filepath.Join(dir, "ssh-config"), machine, machineState)
		if err != nil {
			t.Fatalf("reading %s over SSH: %v", machine, err)
		}
		return out
	}

	rehearse := func(flags string) (string, error) {
		return sh(30*time.Minute, "make", "-C", repo, "--no-print-directory", "rehearse",
			"REHEARSE_DIR="+dir, "REHEARSE_VAR_FILE="+filepath.Join(repo, "playbooks/examples/rehearse-offline.vars.hcl"),
			"REHEARSE_FLAGS="+flags)
	}
	// The first 'make rehearse' writes the ssh-config the fingerprints
	// read; its run must not have started by then, so read them from a
	// config saved the same way first.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg, err := sh(5*time.Minute, "vagrant", "ssh-config")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "ssh-config", strings.ReplaceAll(cfg, "\n  User vagrant\n", "\n  User root\n"))
	for _, m := range []string{"alpine-1", "alpine-2"} {
		before[m] = fingerprint(m)
	}

	out, err := rehearse("")
	// make reports the run's exit code as "Error N".
	if err == nil || !strings.Contains(out, fmt.Sprintf("Error %d", runner.ExitHalted)) {
		t.Fatalf("make rehearse: %v, want the run to halt (exit %d) on alpine-2", err, runner.ExitHalted)
	}
	for _, want := range []string{`ROLLED BACK alpine-2`, `alpine-1 +changed +changed +ok +ok\n`, `alpine-2 +changed +changed +failed +failed, rolled back\n`} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("make rehearse printed nothing matching %q", want)
		}
	}
	m := regexp.MustCompile(`\nRun (\S+) recorded`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("make rehearse printed no run id")
	}
	run := m[1]
	snapshot := "switchback-" + run

	// alpine-2 was changed before its health check failed, then put back.
	if got := fingerprint("alpine-2"); got != before["alpine-2"] {
		t.Errorf("alpine-2 after its rollback differs from before the run:\n--- before\n%s\n--- after\n%s", before["alpine-2"], got)
	}
	list, err := sh(5*time.Minute, "vagrant", "snapshot", "list", "alpine-2")
	if err != nil || !listsLine(list, snapshot) {
		t.Errorf("vagrant snapshot list alpine-2: no %s (%v)", snapshot, err)
	}
	after := fingerprint("alpine-1")
	checkConverged(t, "alpine-1", after)
	if after == before["alpine-1"] {
		t.Error("alpine-1 did not change")
	}

	// Fixed, the next rehearsal converges the machine that failed.
	if _, err := sh(5*time.Minute, "ssh", "-F", filepath.Join(dir, "ssh-config"), "alpine-2", "rm /etc/switchback-rehearse-fail"); err != nil {
		t.Fatal(err)
	}
	// alpine-2 came back from its snapshot with the first run's host lock
	// held by an SSH session whose client is gone; the box's sshd ends
	// such sessions within half a minute of the run's end (docs/rehearsal.md).
	if out, err := rehearse("--lock-wait=2m"); err != nil || strings.Contains(out, "ROLLED BACK") {
		t.Fatalf("second make rehearse: %v", err)
	}
	checkConverged(t, "alpine-2", fingerprint("alpine-2"))
}

// machineState is what the rehearsal playbook touches, as read on a
// machine: the banner, the profile line, the packages apk knows, the
// programs they install, and the failure mark.
const machineState = `cat /etc/motd; echo "--- tz.sh"; cat /etc/profile.d/tz.sh 2>&1
echo "--- world"; cat /etc/apk/world
echo "--- installed"; apk info -v 2>/dev/null | sort
echo "--- programs"; ls -l /usr/bin/sb-hello /usr/bin/sb-app 2>&1; sb-hello 2>&1
echo "--- mark"; ls /etc/switchback-rehearse-fail 2>&1
echo "--- db"; sha256sum /lib/apk/db/installed`

func checkConverged(t *testing.T, machine, state string) {
	t.Helper()
	for _, want := range []string{
		"Rehearsed by switchback\n--- tz.sh\nexport TZ=UTC\n",
		"\nsb-hello\n", "\nsb-app\n", // in the world
		"sb-hello 1.1-r0", // the newest version, run
		"ls: /etc/switchback-rehearse-fail: No such file or directory",
	} {
		if !strings.Contains(state, want) {
			t.Errorf("%s has no %q:\n%s", machine, want, state)
		}
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func listsLine(s, line string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}
