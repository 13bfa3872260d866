package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds switchback once per test process, for tests that need a
// real process to send signals to.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "switchback-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "switchback")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building switchback: %v", buildErr)
	}
	return binPath
}

const slowPlaybook = `
playbook { name = "slow" }
rollout {
  waves = [3]
  forks = 3
}
phase "work" {
  command "slow" {
    run = "touch /root/started; sleep 2; touch /root/step1"
  }
  command "next" {
    run = "touch /root/step2"
  }
}
`

// interruptRun starts a run of slowPlaybook, waits until every host is
// inside the slow step, sends SIGINT the given number of times, and
// returns the exit code and output.
func interruptRun(t *testing.T, f *fleet.Fleet, signals int) (int, string) {
	t.Helper()
	return interrupt(t, f, writeFile(t, t.TempDir(), "slow.hcl", slowPlaybook), signals)
}

// interrupt runs the playbook pb, waits until every host wrote
// /root/started, and sends SIGINT the given number of times.
func interrupt(t *testing.T, f *fleet.Fleet, pb string, signals int) (int, string) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(binary(t), runArgs(f, pb)...)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+stateDir(t))
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitStarted(t, f, cmd)
	for i := 0; i < signals; i++ {
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	err := cmd.Wait()
	t.Logf("output:\n%s", out.String())
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String()
}

// TestInterruptOnceFinishesInFlightSteps: the first Ctrl-C lets the steps
// in flight finish, starts nothing more, and exits 4.
func TestInterruptOnceFinishesInFlightSteps(t *testing.T) {
	f := fleet.Start(t, 3)
	code, out := interruptRun(t, f, 1)
	if code != runner.ExitHalted {
		t.Errorf("exit %d, want %d", code, runner.ExitHalted)
	}
	if !strings.Contains(out, "interrupted by the operator") {
		t.Error("the reason for the halt is not printed")
	}
	for _, h := range f.Hosts {
		if _, err := os.Stat(h.Path("/root/step1")); err != nil {
			t.Errorf("%s: the step in flight did not finish", h.Name)
		}
		if _, err := os.Stat(h.Path("/root/step2")); err == nil {
			t.Errorf("%s: a step started after the interrupt", h.Name)
		}
	}
}

// TestInterruptTwiceCancelsInFlightCommands: the second Ctrl-C kills the
// commands in flight, and nothing of them runs on.
func TestInterruptTwiceCancelsInFlightCommands(t *testing.T) {
	f := fleet.Start(t, 3)
	code, out := interruptRun(t, f, 2)
	if code != runner.ExitHalted {
		t.Errorf("exit %d, want %d", code, runner.ExitHalted)
	}
	// Cancelled hosts were stopped, not failed: no threshold is crossed
	// and the halt keeps the operator's reason.
	if !strings.Contains(out, "HALTED in wave 1: interrupted by the operator") || strings.Contains(out, "failed or were unreachable") {
		t.Error("the halt is not reported as the operator's")
	}
	time.Sleep(2500 * time.Millisecond) // long enough for a surviving sleep to finish
	for _, h := range f.Hosts {
		if _, err := os.Stat(h.Path("/root/step1")); err == nil {
			t.Errorf("%s: the cancelled command ran on to the end", h.Name)
		}
	}
}

// TestKilledRunnerLosesNothing: the state database is written as events
// happen, so a runner killed with SIGKILL mid-step leaves a record of
// everything up to that moment.
func TestKilledRunnerLosesNothing(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "slow.hcl", `
playbook { name = "killed" }
rollout { waves = [2] }
phase "work" {
  command "quick" { run = "true" }
  command "slow" { run = "touch /root/started; sleep 5" }
}
`)
	cmd := exec.Command(binary(t), runArgs(f, pb)...)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+stateDir(t))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitStarted(t, f, cmd)
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()

	code, out := runCLI(t, "runs", "list")
	if code != 0 || !strings.Contains(out, "killed") || !strings.Contains(out, "unfinished (the runner stopped before the end)") {
		t.Fatalf("runs list does not show the killed run")
	}
	id := strings.Fields(strings.Split(out, "\n")[1])[0]
	code, out = runCLI(t, "runs", "show", id)
	if code != 0 {
		t.Fatalf("runs show: exit %d", code)
	}
	for _, h := range f.Hosts {
		if !strings.Contains(out, h.Name+"  1     running  0   1") {
			t.Errorf("%s is not recorded as running with its first step changed", h.Name)
		}
		if !strings.Contains(out, h.Name+"  work / slow: running") {
			t.Errorf("%s: the step in flight is not recorded", h.Name)
		}
	}
}

// waitStarted waits until every host of f is inside the slow step (it
// wrote /root/started), killing cmd if that takes too long.
func waitStarted(t *testing.T, f *fleet.Fleet, cmd *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for _, h := range f.Hosts {
		for {
			if _, err := os.Stat(h.Path("/root/started")); err == nil {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("%s never started the slow step", h.Name)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
