package runner

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
)

// shFile is a step that keeps a file's content, with real shell commands
// (one to check, one to apply, as modules.Chainable asks).
type shFile struct{ path, content string }

func (f *shFile) Summary() string { return "file " + f.path }
func (f *shFile) Check(ctx context.Context, h hostcmd.Host) (modules.Plan, error) {
	p := shell.Quote(f.path)
	out, err := h.Run(ctx, "if [ -f "+p+" ]; then cat "+p+"; fi")
	if err != nil {
		return modules.Plan{}, err
	}
	if out.Stdout == f.content {
		return modules.NoChange("same"), nil
	}
	return modules.Change("~ "+f.path, nil), nil
}
func (f *shFile) Apply(ctx context.Context, h hostcmd.Host, _ modules.Plan) error {
	out, err := h.Run(ctx, "printf %s "+shell.Quote(f.content)+" > "+shell.Quote(f.path)+" && echo wrote "+shell.Quote(filepath.Base(f.path)))
	if err == nil && out.ExitCode != 0 {
		return &hostcmd.Error{Msg: "writing", Output: out}
	}
	return err
}
func (f *shFile) Chainable(modules.Plan) bool { return true }

// pipelineFixture is a phase of file steps on the controller's /bin/sh,
// in a directory of its own, with the run's journal there too.
type pipelineFixture struct {
	dir   string
	host  *shHost
	phase *playbooks.Phase
	pipe  *pipeline
}

func newPipelineFixture(t *testing.T, names ...string) *pipelineFixture {
	dir := t.TempDir()
	ph := &playbooks.Phase{Name: "files"}
	for _, n := range names {
		ph.Steps = append(ph.Steps, &playbooks.Step{Type: "file", Name: n, Module: &shFile{path: filepath.Join(dir, n), content: "content of " + n + "\n"}})
	}
	return &pipelineFixture{dir: dir, host: &shHost{}, phase: ph, pipe: newPipeline(filepath.Join(dir, "runs", "r1", "journal"), 0)}
}

func (f *pipelineFixture) write(t *testing.T, name, content string) {
	if err := os.WriteFile(filepath.Join(f.dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run goes through the phase as the engine does: each step checked, its
// plan applied, and forgotten; it returns each step's registered output.
// meanwhile, if not nil, runs between the batched checks and the steps.
func (f *pipelineFixture) run(t *testing.T, meanwhile func()) []string {
	t.Helper()
	ctx := context.Background()
	if err := f.pipe.prepare(ctx, f.host, f.phase.Steps, false); err != nil {
		t.Fatal(err)
	}
	if meanwhile != nil {
		meanwhile()
	}
	var outs []string
	for _, st := range f.phase.Steps {
		c := f.pipe.call(f.phase, st, st.Module, f.host, journalKey(f.phase.Name, st.Name), false, 0)
		plan, err := f.pipe.check(ctx, c)
		if err == nil && plan.Change {
			err = f.pipe.apply(ctx, c, plan)
		}
		if err != nil {
			t.Fatalf("%s: %v", st.Name, err)
		}
		f.pipe.done(st)
		outs = append(outs, strings.TrimSpace(c.output().Stdout))
	}
	return outs
}

// journal lists the steps the journal on the host names, in order.
func (f *pipelineFixture) journal(t *testing.T) []string {
	keys, err := readJournal(context.Background(), f.host, f.pipe.journal)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	b, _ := os.ReadFile(f.pipe.journal)
	for line := range strings.SplitSeq(strings.TrimSpace(string(b)), "\n") {
		for _, st := range f.phase.Steps {
			if k := journalKey(f.phase.Name, st.Name); k == line && keys[k] {
				names = append(names, st.Name)
			}
		}
	}
	return names
}

func (f *pipelineFixture) contents(t *testing.T) []string {
	var out []string
	for _, st := range f.phase.Steps {
		b, err := os.ReadFile(st.Module.(*shFile).path)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func (f *pipelineFixture) want() []string {
	var out []string
	for _, st := range f.phase.Steps {
		out = append(out, st.Module.(*shFile).content)
	}
	return out
}

// TestPipelineBatchesChecks: a converged host costs one round trip for
// every check, and changes nothing.
func TestPipelineBatchesChecks(t *testing.T) {
	f := newPipelineFixture(t, "a", "b", "c")
	for _, st := range f.phase.Steps {
		f.write(t, st.Name, st.Module.(*shFile).content)
	}
	outs := f.run(t, nil)
	if f.host.calls != 1 {
		t.Errorf("%d round trips, want 1 (the batch)", f.host.calls)
	}
	if !slices.Equal(outs, []string{"content of a", "content of b", "content of c"}) {
		t.Errorf("registered: %q", outs)
	}
	if _, err := os.Stat(f.pipe.journal); !os.IsNotExist(err) {
		t.Errorf("a run that changed nothing wrote a journal: %v", err)
	}
}

// TestPipelineChainsAndJournals: three changes of a phase go in one
// script behind the first; each is journaled under its own step and
// registers its own command's output.
func TestPipelineChainsAndJournals(t *testing.T) {
	f := newPipelineFixture(t, "a", "b", "c")
	outs := f.run(t, nil)
	if f.host.calls != 2 {
		t.Errorf("%d round trips, want 2 (the batch, then the chain)", f.host.calls)
	}
	if got := f.contents(t); !slices.Equal(got, f.want()) {
		t.Errorf("files: %q", got)
	}
	if !slices.Equal(outs, []string{"wrote a", "wrote b", "wrote c"}) {
		t.Errorf("registered: %q", outs)
	}
	if got := f.journal(t); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("journal: %v", got)
	}
	if f.pipe.inFlight() {
		t.Error("chained changes left unreported")
	}
}

// TestPipelineChainStopsAtAChangedAnswer: a step whose file changed
// since the batched check is not applied behind the change before it;
// it checks again and applies on its own, and the run converges.
func TestPipelineChainStopsAtAChangedAnswer(t *testing.T) {
	f := newPipelineFixture(t, "a", "b", "c")
	outs := f.run(t, func() { f.write(t, "b", "edited meanwhile\n") })
	// batch; a (b's guard fails); b carrying c.
	if f.host.calls != 3 {
		t.Errorf("%d round trips, want 3", f.host.calls)
	}
	if got := f.contents(t); !slices.Equal(got, f.want()) {
		t.Errorf("files: %q", got)
	}
	if !slices.Equal(outs, []string{"wrote a", "wrote b", "wrote c"}) {
		t.Errorf("registered: %q", outs)
	}
	if got := f.journal(t); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("journal: %v", got)
	}
}

// TestPipelineResumeReadsTheJournal: a resumed run learns from the
// host's journal which steps it applied, and chains none of them.
func TestPipelineResumeReadsTheJournal(t *testing.T) {
	f := newPipelineFixture(t, "a", "b", "c")
	f.run(t, nil)
	for _, st := range f.phase.Steps {
		f.write(t, st.Name, "changed by someone\n")
	}
	again := newPipeline(f.pipe.journal, 0)
	if err := again.prepare(context.Background(), f.host, f.phase.Steps, true); err != nil {
		t.Fatal(err)
	}
	for _, st := range f.phase.Steps {
		c := again.call(f.phase, st, st.Module, f.host, journalKey(f.phase.Name, st.Name), false, 0)
		if !again.appliedBefore(c) {
			t.Errorf("%s: not known as applied", st.Name)
		}
		if again.link(context.Background(), f.phase, st) != nil {
			t.Errorf("%s: applied before, yet chainable", st.Name)
		}
	}
}

// TestPipelineChecksTheUsersCodeInTurn: a command's unless is the user's
// own code, which may wait for what earlier steps start: it is not sent
// ahead with the batched checks, so it runs once, after the change
// before it, and sees that change.
func TestPipelineChecksTheUsersCodeInTurn(t *testing.T) {
	f := newPipelineFixture(t, "a")
	a, log := shell.Quote(filepath.Join(f.dir, "a")), shell.Quote(filepath.Join(f.dir, "unless.log"))
	cmd := &modules.Command{Run: "true", Guards: modules.Guards{
		Unless: "if [ -f " + a + " ]; then echo seen >> " + log + "; else echo not-yet >> " + log + "; fi; false"}}
	f.phase.Steps = append(f.phase.Steps, &playbooks.Step{Type: "command", Name: "after a", Module: cmd})
	f.run(t, nil)
	b, err := os.ReadFile(filepath.Join(f.dir, "unless.log"))
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "seen\n" {
		t.Errorf("the unless ran %q, want once, after a was written", b)
	}
}
