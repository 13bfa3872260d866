package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/state"
)

const countingPlaybook = `
playbook { name = "counting" }
rollout {
  waves = [1, "50%"]
  forks = 2
}
phase "one" {
  command "count one" { run = "echo one >> /root/count" }
  command "nap one"   { run = "sleep 0.1" }
}
phase "two" {
  command "count two" { run = "echo two >> /root/count" }
  command "nap two"   { run = "sleep 0.1" }
}
`

// TestKilledRunResumes kills the runner with SIGKILL at seeded random
// points; --resume then converges every host, and no step ran twice: each
// host's /root/count, appended to by unguarded commands, ends with
// exactly one line per step.
func TestKilledRunResumes(t *testing.T) {
	f := fleet.Start(t, 5)
	dir := t.TempDir()
	pb := writeFile(t, dir, "count.hcl", countingPlaybook)
	iterations := 20
	if testing.Short() {
		iterations = 3
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("SWITCHBACK_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (set SWITCHBACK_KILL_SEED to repeat)", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	resumed := 0
	for i := range iterations {
		for _, h := range f.Hosts {
			for _, p := range []string{"/root/count", runner.JournalDir} {
				if err := os.RemoveAll(h.Path(p)); err != nil {
					t.Fatal(err)
				}
			}
		}
		db := filepath.Join(t.TempDir(), "state.db")
		args := append(runArgs(f, pb), "--state", db)
		cmd := exec.Command(binary(t), args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// A full run takes about 1.5s here; kill anywhere in it.
		time.Sleep(time.Duration(rng.IntN(1500)) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()

		id := lastRun(t, db)
		if id == "" {
			// Killed before the run was recorded: nothing can have run.
			for _, h := range f.Hosts {
				if _, err := os.Stat(h.Path("/root/count")); err == nil {
					t.Fatalf("iteration %d: %s was changed by a run that was never recorded", i, h.Name)
				}
			}
			continue
		}
		code, resumeOut := runCLI(t, "run", "--resume", id, "--state", db)
		if code != runner.ExitOK && !strings.Contains(resumeOut, "nothing to resume") {
			t.Fatalf("iteration %d: resume exited %d\nkilled run's output:\n%s", i, code, out.String())
		}
		if strings.Contains(resumeOut, "Resuming run") {
			resumed++
		}
		for _, h := range f.Hosts {
			if got := mustRead(t, h.Path("/root/count")); got != "one\ntwo\n" {
				t.Fatalf("iteration %d: %s: /root/count = %q, want each step once\nkilled run's output:\n%s", i, h.Name, got, out.String())
			}
		}
	}
	if resumed == 0 {
		t.Errorf("no iteration was killed in the middle of a run; the test proved nothing")
	}
	t.Logf("%d of %d iterations resumed a run killed mid-way", resumed, iterations)
}

// lastRun is the newest run recorded in db, or "" if none was.
func lastRun(t *testing.T, db string) string {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return ""
	}
	st, err := state.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	runs, err := st.Runs(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) == 0 {
		return ""
	}
	return runs[0].ID
}

var _ = fleet.Start

// TestPauseConfirmWithoutTerminal: where no one can answer, a run that
// pauses for confirmation halts before the next wave and names the
// resume command; the resume is the go-ahead and runs only what is left.
func TestPauseConfirmWithoutTerminal(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "asks" }
rollout {
  waves = [1]
  pause = "confirm"
}
phase "p" {
  command "count" { run = "echo ran >> /root/count" }
}
`)
	db := filepath.Join(t.TempDir(), "state.db")
	code, out := runCLI(t, append(runArgs(f, pb), "--state", db)...)
	if code != runner.ExitHalted {
		t.Fatalf("exit %d, want %d (halted at the pause)", code, runner.ExitHalted)
	}
	id := lastRun(t, db)
	wantInOutput(t, out, "waiting for confirmation to start wave 2; continue with 'switchback run --resume "+id+"'")
	if _, err := os.Stat(f.Hosts[1].Path("/root/count")); err == nil {
		t.Fatal("the second wave started without confirmation")
	}

	// The resume confirms wave 2, then pauses again before wave 3.
	code, out = runCLI(t, "run", "--resume", id, "--state", db)
	if code != runner.ExitHalted {
		t.Fatalf("first resume: exit %d, want %d", code, runner.ExitHalted)
	}
	wantInOutput(t, out, "Resuming run "+id+": 1 of 3 host(s) already finished", "waiting for confirmation to start wave 3")
	code, _ = runCLI(t, "run", "--resume", id, "--state", db)
	if code != runner.ExitOK {
		t.Fatalf("second resume: exit %d", code)
	}
	for _, h := range f.Hosts {
		if got := mustRead(t, h.Path("/root/count")); got != "ran\n" {
			t.Errorf("%s ran %d time(s), want once", h.Name, strings.Count(got, "ran"))
		}
	}
	code, out = runCLI(t, "run", "--resume", id, "--state", db)
	if code != runner.ExitUsage || !strings.Contains(out, "nothing to resume") {
		t.Errorf("resuming a finished run: exit %d, want %d with 'nothing to resume'", code, runner.ExitUsage)
	}
}

const editedPlaybook = `
playbook { name = "edited" }
variable "word" { type = string }
phase "p" {
  command "first" { run = "echo ${var.word} >> /root/words" }
  command "stop where marked" { run = "test ! -e /root/stop" }
  command "last" { run = "echo last-%s >> /root/words" }
}
`

// TestResumeRefusesChangedFiles: a run is resumed with the playbook and
// var files it started from; once either is edited, resume refuses and
// runs nothing, until --allow-changed says to run them as they are now.
func TestResumeRefusesChangedFiles(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	pb := writeFile(t, dir, "edited.hcl", fmt.Sprintf(editedPlaybook, "v1"))
	vars := writeFile(t, dir, "vars.hcl", `word = "one"`+"\n")
	if err := os.WriteFile(h.Path("/root/stop"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out := runCLI(t, runArgs(f, pb, "--var-file", vars)...)
	if code != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", code, runner.ExitFailed)
	}
	id := runID(t, out)
	if err := os.Remove(h.Path("/root/stop")); err != nil {
		t.Fatal(err)
	}
	words := func() string { t.Helper(); return mustRead(t, h.Path("/root/words")) }
	if got := words(); got != "one\n" {
		t.Fatalf("/root/words = %q after the first run", got)
	}

	for _, edit := range []struct{ file, content string }{
		{pb, fmt.Sprintf(editedPlaybook, "v2")},
		{vars, `word = "two"` + "\n"},
	} {
		old := mustRead(t, edit.file)
		writeFile(t, filepath.Dir(edit.file), filepath.Base(edit.file), edit.content)
		code, out := runCLI(t, "run", "--resume", id)
		if code != runner.ExitUsage || !strings.Contains(out, edit.file+" (edited)") || !strings.Contains(out, "--allow-changed") {
			t.Errorf("resume after editing %s: exit %d, want %d naming the file and --allow-changed", edit.file, code, runner.ExitUsage)
		}
		if got := words(); got != "one\n" {
			t.Fatalf("a refused resume ran steps: /root/words = %q", got)
		}
		writeFile(t, filepath.Dir(edit.file), filepath.Base(edit.file), old)
	}

	// --allow-changed resumes with the files as they are now.
	writeFile(t, dir, "vars.hcl", `word = "two"`+"\n")
	code, out = runCLI(t, "run", "--resume", id, "--allow-changed")
	if code != runner.ExitOK || !strings.Contains(out, "changed since it started (--allow-changed)") {
		t.Fatalf("resume --allow-changed: exit %d", code)
	}
	if got := words(); got != "one\nlast-v1\n" {
		t.Errorf("/root/words = %q, want the run finished by the playbook as it is", got)
	}
}
