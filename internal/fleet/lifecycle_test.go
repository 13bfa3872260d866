package fleet

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// leftovers lists live processes whose command line mentions dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	pids, err := allPids()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, pid := range pids {
		if cl := cmdline(pid); alive(pid) && strings.Contains(cl, dir+"/") {
			out = append(out, fmt.Sprintf("%d %s", pid, cl))
		}
	}
	return out
}

// otherLiveFleets reports whether fleets of other processes keep the login user.
func otherLiveFleets(t *testing.T) bool {
	t.Helper()
	dirs, err := fleetDirs()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if st, err := readState(d); err == nil && st.live() {
			return true
		}
	}
	return false
}

func TestTeardownLeavesNothing(t *testing.T) {
	var dirs []string
	t.Run("fleets", func(t *testing.T) {
		a, b := Start(t, 2), Start(t, 1)
		dirs = []string{a.Dir, b.Dir}
		if a.Hosts[0].Address == b.Hosts[0].Address {
			t.Errorf("two live fleets share address %s", a.Hosts[0].Address)
		}
		if _, err := passwdFields(LoginUser); err != nil {
			t.Fatal(err)
		}

		// A leftover listener on a host's address must stop the start, loudly.
		if err := a.StopHost("host-02"); err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("tcp", a.Hosts[1].addr())
		if err != nil {
			t.Fatal(err)
		}
		err = a.StartHost("host-02")
		l.Close()
		if err == nil || !strings.Contains(err.Error(), "already accepts connections") {
			t.Errorf("StartHost with the address taken: %v", err)
		}
		if err := a.StartHost("host-02"); err != nil {
			t.Fatal(err)
		}
		// Teardown has to deal with a hung host too.
		if err := a.FreezeHost("host-01"); err != nil {
			t.Fatal(err)
		}
	})
	if dirs == nil {
		t.Skip("no fleet started")
	}
	for _, dir := range dirs {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s still exists after teardown (%v)", dir, err)
		}
		if left := leftovers(t, dir); len(left) > 0 {
			t.Errorf("processes left behind:\n%s", strings.Join(left, "\n"))
		}
		if m, err := mountsUnder(dir); err != nil || len(m) > 0 {
			t.Errorf("mounts left behind: %v %v", m, err)
		}
	}
	if !otherLiveFleets(t) {
		if f, err := passwdFields(LoginUser); err != nil || f != nil {
			t.Errorf("login user still present after the last fleet: %v %v", f, err)
		}
	}
}

func TestPruneRemovesOrphans(t *testing.T) {
	if err := ready(); err != nil {
		unavailableHere(t, err)
	}
	f, err := up(context.Background(), Config{Name: testFleetName(t.Name()), N: 1}, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = Down(f.Dir) })
	// Make the fleet look like the leftover of a test process that died.
	st, err := readState(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	st.OwnerPID = gone.Process.Pid
	if err := writeState(f.Dir, st); err != nil {
		t.Fatal(err)
	}
	if err := Prune(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(f.Dir); !os.IsNotExist(err) {
		t.Errorf("orphaned fleet survived Prune: %v", err)
	}
	if left := leftovers(t, f.Dir); len(left) > 0 {
		t.Errorf("processes left behind:\n%s", strings.Join(left, "\n"))
	}
	if err := Down(f.Dir); err != nil {
		t.Errorf("second Down: %v", err)
	}
}

func TestDownRefusesOtherDirectories(t *testing.T) {
	for _, dir := range []string{"/", "/tmp", BaseDir, cacheDir(), filepath.Join(BaseDir, "a", "b")} {
		if err := Down(dir); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("Down(%s) = %v, want a refusal", dir, err)
		}
	}
}

// recordingTB captures how Start gives up, instead of ending the test.
type recordingTB struct {
	testing.TB
	skipped, failed string
}

func (r *recordingTB) Skip(args ...any) { r.skipped = fmt.Sprint(args...); runtime.Goexit() }
func (r *recordingTB) Fatal(args ...any) {
	r.failed = fmt.Sprint(args...)
	runtime.Goexit()
}
func (r *recordingTB) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func startRecorded(t *testing.T, opts ...Option) *recordingTB {
	r := &recordingTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Start(r, 1, opts...)
	}()
	<-done
	return r
}

func TestStartWithoutRootfs(t *testing.T) {
	missing := WithRootfs("/nonexistent/alpine-minirootfs.tar.gz")
	t.Setenv("CI", "")
	r := startRecorded(t, missing)
	if r.skipped == "" || r.failed != "" || strings.Contains(r.skipped, "\n") {
		t.Errorf("outside CI: skipped %q, failed %q; want one skip line", r.skipped, r.failed)
	}
	t.Logf("skip message: %s", r.skipped)
	t.Setenv("CI", "true")
	r = startRecorded(t, missing)
	if r.failed == "" || r.skipped != "" {
		t.Errorf("in CI: skipped %q, failed %q; want a failure", r.skipped, r.failed)
	}
}

// TestUnknownSSHDLogLevelIsRefused: a typo in the log level is an error
// naming the level, before any host is provisioned.
func TestUnknownSSHDLogLevelIsRefused(t *testing.T) {
	r := startRecorded(t, WithSSHDLogLevel("LOUD"))
	if r.skipped != "" {
		t.Skip(r.skipped)
	}
	if !strings.Contains(r.failed, `sshd log level "LOUD"`) {
		t.Errorf("failure %q, want one naming the log level", r.failed)
	}
}
