package fleet_test

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// sshTo runs command on h with the OpenSSH client, trusting only the keys in knownHosts.
func sshTo(f *fleet.Fleet, h *fleet.Host, knownHosts, command string) (string, error) {
	cmd := exec.Command("ssh", "-F", "/dev/null",
		"-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
		"-o", "UserKnownHostsFile="+knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
		"-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=2",
		"-i", f.IdentityFile, "-p", strconv.Itoa(h.Port), f.User+"@"+h.Address, command)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// mustSSH runs command on h and fails the test unless it exits 0.
func mustSSH(t *testing.T, f *fleet.Fleet, h *fleet.Host, command string) string {
	t.Helper()
	out, err := sshTo(f, h, f.KnownHosts, command)
	if err != nil {
		t.Fatalf("%s: %q: %v\n%s", h.Name, command, err, out)
	}
	return out
}

// apk runs an apk command on h and fails on a non-zero exit, a warning or an error count.
func apk(t *testing.T, f *fleet.Fleet, h *fleet.Host, args string) string {
	t.Helper()
	out := mustSSH(t, f, h, "apk "+args)
	for _, bad := range []string{"WARNING", "ERROR", "error", "UNTRUSTED"} {
		if strings.Contains(out, bad) {
			t.Fatalf("%s: apk %s printed %q:\n%s", h.Name, args, bad, out)
		}
	}
	return out
}

func TestFleet(t *testing.T) {
	start := time.Now()
	f := fleet.Start(t, 3)
	t.Logf("3 hosts up in %s", time.Since(start))
	h1, h2, h3 := f.Host("host-01"), f.Host("host-02"), f.Host("host-03")

	t.Run("alpine over ssh", func(t *testing.T) {
		if got := strings.TrimSpace(mustSSH(t, f, h1, "cat /etc/alpine-release")); got != "3.20.3" {
			t.Errorf("alpine-release = %q, want 3.20.3", got)
		}
		if got := strings.TrimSpace(mustSSH(t, f, h1, "readlink /bin/sh")); got != "/bin/busybox" {
			t.Errorf("readlink /bin/sh = %q, want /bin/busybox", got)
		}
		if got := strings.TrimSpace(mustSSH(t, f, h2, "hostname")); got != "host-02" {
			t.Errorf("hostname = %q, want host-02", got)
		}
	})

	t.Run("apk", func(t *testing.T) {
		apk(t, f, h1, "update")
		apk(t, f, h1, "add sb-hello")
		if got := strings.TrimSpace(mustSSH(t, f, h1, "sb-hello")); got != "sb-hello 1.1-r0" {
			t.Errorf("after apk add sb-hello: %q, want the newest version", got)
		}
		world, err := os.ReadFile(h1.Path("/etc/apk/world"))
		if err != nil || !strings.Contains(string(world), "sb-hello\n") {
			t.Errorf("world seen from the controller = %q, %v; want sb-hello in it", world, err)
		}
		apk(t, f, h1, "add sb-hello=1.0-r0")
		if got, _ := os.ReadFile(h1.Path("/usr/share/sb-hello/VERSION")); string(got) != "1.0-r0\n" {
			t.Errorf("VERSION after pinning = %q, want 1.0-r0", got)
		}
		apk(t, f, h1, "add sb-app")
		if got := mustSSH(t, f, h1, "apk info -e sb-lib && sb-app"); !strings.Contains(got, "sb-lib 1.0-r0") {
			t.Errorf("sb-app did not pull in sb-lib: %q", got)
		}
		if _, err := os.Stat(h2.Path("/usr/bin/sb-hello")); err == nil {
			t.Error("a package installed on host-01 shows up on host-02")
		}
	})

	t.Run("openrc", func(t *testing.T) {
		apk(t, f, h2, "add sb-daemon")
		mustSSH(t, f, h2, "rc-update add sb-daemon default && rc-service sb-daemon start")
		if _, err := os.Lstat(h2.Path("/etc/runlevels/default/sb-daemon")); err != nil {
			t.Errorf("runlevel link: %v", err)
		}
		mustSSH(t, f, h2, "rc-service sb-daemon status")
		if ps, err := f.Exec("host-02", "pgrep -f /usr/bin/sb-daemon"); err != nil || strings.TrimSpace(ps) == "" {
			t.Errorf("sb-daemon not running inside host-02: %q, %v", ps, err)
		}
		if ps, err := f.Exec("host-03", "pgrep -f /usr/bin/sb-daemon"); err == nil {
			t.Errorf("host-03 sees host-02's daemon: %q", ps)
		}
		if out, err := sshTo(f, h2, f.KnownHosts, "rc-service sb-daemon stop"); err != nil {
			t.Fatalf("stop: %v\n%s", err, out)
		}
		if out, err := sshTo(f, h2, f.KnownHosts, "rc-service sb-daemon status"); err == nil {
			t.Errorf("status after stop exits 0:\n%s", out)
		}
		if ps, err := f.Exec("host-02", "pgrep -f /usr/bin/sb-daemon"); err == nil {
			t.Errorf("sb-daemon still runs after stop: %q", ps)
		}
	})

	t.Run("stop and start", func(t *testing.T) {
		// sb-daemon is in host-02's default runlevel: a restart is a reboot,
		// which empties /run and starts the runlevel again.
		mustSSH(t, f, h2, "rc-service sb-daemon start && touch /run/stale")
		if err := f.StopHost("host-02"); err != nil {
			t.Fatal(err)
		}
		if out, err := sshTo(f, h2, f.KnownHosts, "true"); err == nil || !strings.Contains(out, "refused") {
			t.Errorf("stopped host: err %v, output %q; want connection refused", err, out)
		}
		if f.Running("host-02") {
			t.Error("Running reports a stopped host")
		}
		if err := f.StartHost("host-02"); err != nil {
			t.Fatal(err)
		}
		after := strings.TrimSpace(mustSSH(t, f, h2, "rc-service sb-daemon status >/dev/null && cat /run/sb-daemon.pid"))
		if ps, err := f.Exec("host-02", "cat /proc/"+after+"/cmdline"); err != nil || !strings.Contains(ps, "sb-daemon") {
			t.Errorf("pid %s after restart is not sb-daemon: %q, %v", after, ps, err)
		}
		if _, err := os.Stat(h2.Path("/run/stale")); err == nil {
			t.Error("/run survived the restart")
		}
	})

	t.Run("rotate host key", func(t *testing.T) {
		if err := f.RotateHostKey("host-03"); err != nil {
			t.Fatal(err)
		}
		out, err := sshTo(f, h3, f.KnownHosts, "true")
		if err == nil || !strings.Contains(out, "REMOTE HOST IDENTIFICATION HAS CHANGED") {
			t.Errorf("old known_hosts after rotation: err %v, output %q; want a changed-key error", err, out)
		}
	})

	t.Run("freeze and thaw", func(t *testing.T) {
		if err := f.FreezeHost("host-01"); err != nil {
			t.Fatal(err)
		}
		began := time.Now()
		out, err := sshTo(f, h1, f.KnownHosts, "true")
		if err == nil || !strings.Contains(out, "timed out") {
			t.Errorf("frozen host: err %v, output %q; want a timeout", err, out)
		}
		t.Logf("frozen host timed out after %s", time.Since(began))
		if err := f.ThawHost("host-01"); err != nil {
			t.Fatal(err)
		}
		mustSSH(t, f, h1, "true")
	})
}
