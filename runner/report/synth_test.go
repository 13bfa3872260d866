package report

import (
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/state"
)

// synthRun is a run made of events, fed to the state store's recorder
// with a clock of its own: the same events the engine sends, at the
// times a run of that shape would send them.
type synthRun struct {
	ID, Playbook string
	Hosts        []string
	Waves        []int
	Forks        int
	Phases       []string            // a "gate" phase runs as the gate
	Steps        map[string][]string // per phase
	Fail         map[string]string   // host → "phase/step" that fails
	Unreachable  map[string]bool
	HaltAfter    int // the wave that halts (0: none)
	Rollback     rollout.Rollback
	Secret       string // a value the engine would have masked
	Seed         int64
}

// record replays the run into st.
func (s synthRun) record(t testing.TB, st *state.Store) {
	t.Helper()
	rng := rand.New(rand.NewSource(s.Seed))
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	rec := st.Recorder(s.ID).WithClock(clock)
	route := rollout.Route{Strategy: rollout.Waves, Forks: s.Forks, MaxFail: rollout.MustParseThreshold("5%"), Rollback: s.Rollback}.Resolve()
	rec.Event(runner.RunStarted{Playbook: s.Playbook, Hosts: s.Hosts, Phases: s.Phases, Route: route, Waves: s.Waves,
		Segments: []runner.SegmentInfo{{Hosts: len(s.Hosts), Route: route, Waves: s.Waves}}})
	if err := st.SaveInvocation(t.Context(), s.ID, state.Invocation{Dir: "/srv/ops",
		Args:     []string{"run", "convert.hcl", "-i", "fleet.ini", "--notify", "https://hooks.example.com/services/T0/B0/secret-token", "--html", "run.html"},
		Withheld: []string{"db_password"}}); err != nil {
		t.Fatal(err)
	}
	type event struct {
		at time.Time
		ev runner.Event
	}
	next := 0
	for wi, size := range s.Waves {
		wave := wi + 1
		hosts := s.Hosts[next : next+size]
		next += size
		rec.Event(runner.WaveStarted{Index: wave, Of: len(s.Waves), Hosts: hosts, Tolerance: max(size/20, 0)})
		waveStart := now
		var evs []event
		slot := make([]time.Time, s.Forks)
		for i := range slot {
			slot[i] = waveStart
		}
		ok, failed, unreachable := 0, 0, 0
		for i, h := range hosts {
			k := i % s.Forks
			t0 := slot[k].Add(time.Duration(rng.Intn(300)) * time.Millisecond)
			at := t0
			evs = append(evs, event{at, runner.HostStarted{Host: h, Wave: wave}})
			if s.Unreachable[h] {
				at = at.Add(5 * time.Second)
				evs = append(evs, event{at, runner.HostFinished{Host: h, Status: runner.HostUnreachable,
					Err: errors.New("dial tcp 10.9.0.7:22: i/o timeout")}})
				unreachable++
				slot[k] = at
				continue
			}
			at = at.Add(400 * time.Millisecond)
			status := runner.HostOK
			var hostErr error
			snapped := false
		phases:
			for _, ph := range s.Phases {
				for _, step := range s.Steps[ph] {
					typ, diff, res := "command", "", runner.StatusOK
					switch step {
					case "motd":
						typ, res = "file", runner.StatusChanged
						diff = "--- /etc/motd\n+++ /etc/motd\n@@ -1 +1,2 @@\n-Welcome!\n+Welcome to " + h + "\n+Managed by switchback; db password " + runner.Masked + "\n"
					case "packages":
						typ, res = "apk", runner.StatusChanged
						diff = "+ sb-hello 1.1-r0\n+ sb-daemon 2.0-r1\n- bash 5.2.26-r0\n"
					case "daemon":
						typ, res = "service", runner.StatusChanged
						diff = "sb-daemon: enabled in default, started\n"
					}
					if res == runner.StatusChanged && !snapped {
						snapped = true
						evs = append(evs, event{at, runner.SnapshotTaken{Host: h, Snapshot: snapshot.Snapshot{Provider: "files",
							Location: "/var/lib/switchback/snapshots/" + s.ID + ".tar"}}})
						at = at.Add(700 * time.Millisecond)
					}
					took := time.Duration(200+rng.Intn(1800)) * time.Millisecond
					evs = append(evs, event{at, runner.StepStarted{Host: h, Phase: ph, Step: step, Type: typ}})
					at = at.Add(took)
					fin := runner.StepFinished{Host: h, Phase: ph, Step: step, Type: typ, Status: res, Diff: diff, Attempts: 1, Duration: took}
					if s.Fail[h] == ph+"/"+step {
						fin.Status, fin.Diff = runner.StatusFailed, ""
						fin.Err = fmt.Errorf("exit status 1: rc-service sb-daemon start\n * Starting sb-daemon ...\n * start-stop-daemon: failed to start `/usr/bin/sb-daemon'")
						status, hostErr = runner.HostFailed, fin.Err
					}
					evs = append(evs, event{at, fin})
					if status == runner.HostFailed {
						break phases
					}
				}
			}
			evs = append(evs, event{at, runner.HostFinished{Host: h, Status: status, Err: hostErr}})
			if status == runner.HostFailed {
				failed++
				if s.Rollback == rollout.RollbackHost {
					evs = append(evs, event{at, runner.RollbackStarted{Host: h}})
					at = at.Add(1500 * time.Millisecond)
					evs = append(evs, event{at, runner.RollbackFinished{Host: h}})
				}
			} else {
				ok++
			}
			slot[k] = at
		}
		// Events of hosts in flight at once arrive interleaved, in time order.
		sortEvents := func(a, b event) int { return a.at.Compare(b.at) }
		slices.SortStableFunc(evs, sortEvents)
		for _, e := range evs {
			now = e.at
			rec.Event(e.ev)
		}
		now = now.Add(200 * time.Millisecond)
		if wave == s.HaltAfter {
			rec.Event(runner.Halted{Wave: wave, Reason: fmt.Sprintf("%d of %d host(s) in wave %d failed or were unreachable, more than max_fail 5%% tolerates (%d)",
				failed+unreachable, size, wave, max(size/20, 0))})
		}
		rec.Event(runner.WaveFinished{Index: wave, OK: ok, Failed: failed, Unreachable: unreachable})
		if wave == s.HaltAfter {
			if s.Rollback == rollout.RollbackWave {
				for _, h := range hosts {
					if s.Unreachable[h] {
						continue
					}
					rec.Event(runner.RollbackStarted{Host: h})
					now = now.Add(1200 * time.Millisecond)
					rec.Event(runner.RollbackFinished{Host: h})
				}
			}
			break
		}
		now = now.Add(2 * time.Second) // the pause between waves
	}
	recap := &runner.Recap{}
	if s.HaltAfter > 0 {
		recap.Halt = &runner.Halted{Wave: s.HaltAfter}
	}
	for _, h := range s.Hosts {
		st := runner.HostOK
		if s.Fail[h] != "" {
			st = runner.HostFailed
		}
		recap.Hosts = append(recap.Hosts, &runner.HostRecap{Host: h, Status: st})
	}
	now = now.Add(100 * time.Millisecond)
	rec.Event(runner.RunFinished{Recap: recap})
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}
}

// bigRun is 200 hosts in four waves, a gate at the end of each host;
// three hosts fail in wave 3 and are rolled back at once, one is
// unreachable; no wave crosses its threshold.
func bigRun() synthRun {
	s := synthRun{ID: "20261120T093000Z-200hst", Playbook: "convert-to-alpine", Waves: []int{1, 19, 80, 100}, Forks: 20,
		Phases: []string{"packages", "services", "files", "gate"},
		Steps: map[string][]string{"packages": {"packages", "pin hello"}, "services": {"daemon", "enable cron"},
			"files": {"motd", "app config"}, "gate": {"http ok", "daemon up"}},
		Fail:        map[string]string{},
		Unreachable: map[string]bool{"web-150": true},
		Rollback:    rollout.RollbackHost, Seed: 18}
	for i := 1; i <= 200; i++ {
		s.Hosts = append(s.Hosts, fmt.Sprintf("web-%03d", i))
	}
	for _, h := range []string{"web-031", "web-077", "web-093"} {
		s.Fail[h] = "services/daemon"
	}
	return s
}

// haltedRun is 6 hosts in waves of 1, 2 and 3: one host of wave 2
// fails, the run halts and rolls wave 2 back; wave 3 never starts.
func haltedRun() synthRun {
	return synthRun{ID: "20261120T093000Z-halted", Playbook: "convert", Waves: []int{1, 2, 3}, Forks: 2,
		Hosts:  []string{"host-01", "host-02", "host-03", "host-04", "host-05", "host-06"},
		Phases: []string{"packages", "services", "files"},
		Steps:  map[string][]string{"packages": {"packages"}, "services": {"daemon"}, "files": {"motd"}},
		Fail:   map[string]string{"host-03": "services/daemon"}, HaltAfter: 2, Rollback: rollout.RollbackWave, Seed: 6}
}

func synthStore(t testing.TB, runs ...synthRun) *state.Store {
	t.Helper()
	st, err := state.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, r := range runs {
		r.record(t, st)
	}
	return st
}
