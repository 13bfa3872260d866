package runner

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
)

// TestChainScript: which of a chain's commands run, and how its frames
// are sorted back, under the controller's /bin/sh (the fleet tests run
// it under BusyBox ash).
func TestChainScript(t *testing.T) {
	ok := func(stdout string) hostcmd.Output { return hostcmd.Output{Stdout: stdout} }
	mk := func(name, check string, want hostcmd.Output, apply string) *link {
		return &link{step: &playbooks.Step{Name: name}, key: name, check: answer{cmd: check, out: want}, apply: apply}
	}
	tests := []struct {
		name  string
		first string
		links []*link
		// ran lists the frames after the first that ran; applied the
		// links whose command ran.
		ran     []bool
		applied []string
	}{
		{"all match", "true", []*link{
			mk("a", "echo a", ok("a\n"), "echo applied a"),
			mk("b", "echo b >&2; exit 3", hostcmd.Output{Stderr: "b\n", ExitCode: 3}, "echo applied b"),
			mk("nothing to do", "echo n", ok("n\n"), ""),
			mk("c", "echo c", ok("c\n"), "echo applied c"),
		}, []bool{true, true, true, true, true, true, true, true}, []string{"a", "b", "c"}},
		{"the first command fails", "exit 1", []*link{
			mk("a", "echo a", ok("a\n"), "echo applied a"),
		}, []bool{false, false, true}, nil},
		{"an answer differs", "true", []*link{
			mk("a", "echo a", ok("a\n"), "echo applied a"),
			mk("b", "echo B", ok("b\n"), "echo applied b"),
			mk("c", "echo c", ok("c\n"), "echo applied c"),
		}, []bool{true, true, true, false, false, false, true}, []string{"a"}},
		{"the exit status differs", "true", []*link{
			mk("a", "echo a", hostcmd.Output{Stdout: "a\n", ExitCode: 1}, "echo applied a"),
			mk("b", "echo b", ok("b\n"), "echo applied b"),
		}, []bool{true, false, false, false, true}, nil},
		{"stderr differs", "true", []*link{
			mk("a", "echo a; echo x >&2", ok("a\n"), "echo applied a"),
		}, []bool{true, false, true}, nil},
		{"a chained command fails", "true", []*link{
			mk("a", "echo a", ok("a\n"), "exit 4"),
			mk("b", "echo b", ok("b\n"), "echo applied b"),
		}, []bool{true, true, false, false, true}, []string{"a"}},
		{"a check with nothing to do differs", "true", []*link{
			mk("n", "echo m", ok("n\n"), ""),
			mk("b", "echo b", ok("b\n"), "echo applied b"),
		}, []bool{true, false, false, true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			follow := &checkList{steps: []*playbooks.Step{{Name: "next"}}, cmds: []string{"echo next"}}
			script := chainScript("tok", tt.first, tt.links, follow.cmds, func(key, cmd string) string { return cmd })
			out, err := (&shHost{}).Run(context.Background(), script)
			if err != nil || out.ExitCode != 0 {
				t.Fatalf("script: %v %+v", err, out)
			}
			n := len(tt.ran) + 1
			frames, parsed := parseFrames("tok", out.Stdout, n)
			if !parsed {
				t.Fatalf("frames not read from %q", out.Stdout)
			}
			for i, f := range frames[1:] {
				if f.ran != tt.ran[i] {
					t.Errorf("frame %d ran = %v, want %v", i+1, f.ran, tt.ran[i])
				}
			}
			res := readChain(frames[1:], tt.links, follow)
			var applied []string
			for _, l := range tt.links {
				if a, ok := res.applied[l.step]; ok {
					applied = append(applied, l.key)
					if a.cmd != l.apply {
						t.Errorf("%s: applied answer for %q, want %q", l.key, a.cmd, l.apply)
					}
				}
			}
			if !slices.Equal(applied, tt.applied) {
				t.Errorf("applied %q, want %q", applied, tt.applied)
			}
			if a := res.after.answers[follow.steps[0]]; a.out.Stdout != "next\n" {
				t.Errorf("follow answer %+v", a)
			}
		})
	}
}

// fakeFile is a module whose Apply sends what it is told to.
type fakeFile struct {
	cmds []string
	send bool
}

func (f *fakeFile) Summary() string { return "fake" }
func (f *fakeFile) Check(ctx context.Context, h hostcmd.Host) (modules.Plan, error) {
	_, err := h.Run(ctx, "check")
	return modules.Change("~ fake\n", nil), err
}
func (f *fakeFile) Apply(ctx context.Context, h hostcmd.Host, _ modules.Plan) error {
	if f.send {
		if fs, ok := h.(hostcmd.FileSender); ok {
			_ = fs.SendFile(ctx, "/x", nil)
		}
	}
	for _, c := range f.cmds {
		if _, err := h.Run(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

// TestApplyCommand: only an Apply that sends exactly one command, and no
// file, can be chained.
func TestApplyCommand(t *testing.T) {
	plan := modules.Change("x", nil)
	for _, tt := range []struct {
		m    *fakeFile
		want string
	}{
		{&fakeFile{cmds: []string{"one"}}, "one"},
		{&fakeFile{}, ""},
		{&fakeFile{cmds: []string{"one", "two"}}, ""},
		{&fakeFile{cmds: []string{"one"}, send: true}, ""},
	} {
		if got := applyCommand(context.Background(), tt.m, plan); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.m, got, tt.want)
		}
	}
}

// TestChainedHostRefusesOtherCommands: a step whose Apply does not send
// the command that already ran for it fails instead of sending it.
func TestChainedHostRefusesOtherCommands(t *testing.T) {
	c := &chainedHost{answer: answer{cmd: "one", out: hostcmd.Output{Stdout: "done"}}}
	if _, err := c.Run(context.Background(), "other"); !errors.Is(err, errChainMismatch) {
		t.Errorf("another command: %v", err)
	}
	if out, err := c.Run(context.Background(), "one"); err != nil || out.Stdout != "done" {
		t.Errorf("its command: %+v %v", out, err)
	}
	if _, err := c.Run(context.Background(), "one"); !errors.Is(err, errChainMismatch) {
		t.Errorf("a second command: %v", err)
	}
}
