package state

import (
	"context"
	"reflect"
	"testing"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
)

// TestEnteredPhases: the phases a host entered are recorded as it enters
// them, once each however often a resume enters them again, with their
// on_rollback step counts; for a host recorded before they were kept
// (no phases), the phases of its recorded steps stand in, with the
// counts unknown.
func TestEnteredPhases(t *testing.T) { eachBackend(t, testEnteredPhases) }

func testEnteredPhases(t *testing.T, path string) {
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	rec := st.Recorder("r1")
	rec.Event(runner.RunStarted{Playbook: "p", Hosts: []string{"a", "old"}, Route: rollout.Route{Strategy: rollout.Waves}, Waves: []int{2}})
	rec.Event(runner.HostStarted{Host: "a"})
	rec.Event(runner.PhaseEntered{Host: "a", Phase: "register", OnRollback: 1})
	rec.Event(runner.PhaseEntered{Host: "a", Phase: `odd "name"` + "\nwith a line break", OnRollback: 0})
	// A resume enters them again.
	rec.Event(runner.PhaseEntered{Host: "a", Phase: "register", OnRollback: 1})
	rec.Event(runner.PhaseEntered{Host: "a", Phase: "migrate", OnRollback: 2})
	// "old" stands for a host recorded before phases were: only its steps.
	for _, s := range [][2]string{{"register", "s1"}, {"register", "s2"}, {"migrate", "s1"}} {
		rec.Event(runner.StepStarted{Host: "old", Phase: s[0], Step: s[1]})
	}
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}

	got, recorded, err := st.EnteredPhases(ctx, "r1", "a")
	want := []PhaseRecord{{"register", 1}, {`odd "name"` + "\nwith a line break", 0}, {"migrate", 2}}
	if err != nil || !recorded || !reflect.DeepEqual(got, want) {
		t.Errorf("phases of a = %+v, %v, %v; want %+v, recorded", got, recorded, err, want)
	}
	got, recorded, err = st.EnteredPhases(ctx, "r1", "old")
	want = []PhaseRecord{{"register", -1}, {"migrate", -1}}
	if err != nil || recorded || !reflect.DeepEqual(got, want) {
		t.Errorf("phases of old = %+v, %v, %v; want %+v, not recorded", got, recorded, err, want)
	}
}
