package state

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/pgtest"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
)

// The cost of recording a run, per host event, on each backend. The
// PostgreSQL server keeps its durable defaults (fsync, synchronous
// commit), as SQLite in WAL mode syncs each commit; both write to the
// same disk. A host's events are those of a three-step host: started,
// three steps started and finished, finished.
//
//	go test ./runner/state -run '^$' -bench Recorder -benchtime 2000x

var (
	durableOnce sync.Once
	durable     *pgtest.Server
	durableErr  error
)

func benchBackends(b *testing.B, bench func(b *testing.B, location string)) {
	b.Run("sqlite", func(b *testing.B) { bench(b, filepath.Join(b.TempDir(), "state.db")) })
	postgres := func(params string) func(b *testing.B) {
		return func(b *testing.B) {
			durableOnce.Do(func() { durable, durableErr = pgtest.Start(context.Background(), pgtest.Options{Durable: true}) })
			if durableErr != nil {
				b.Skip(durableErr)
			}
			url, err := durable.CreateDatabase(context.Background(), fmt.Sprintf("bench_%d", time.Now().UnixNano()))
			if err != nil {
				b.Fatal(err)
			}
			bench(b, url+params)
		}
	}
	b.Run("postgres", postgres(""))
	// The same server, the session not waiting for each commit to reach
	// the disk: what the protocol costs without the disk.
	b.Run("postgres-async-commit", postgres("&synchronous_commit=off"))
}

func hostEvents(host string) []runner.Event {
	evs := []runner.Event{runner.HostStarted{Host: host}}
	for _, step := range []string{"a", "b", "c"} {
		evs = append(evs, runner.StepStarted{Host: host, Phase: "p", Step: step},
			runner.StepFinished{Host: host, Phase: "p", Step: step, Status: runner.StatusChanged})
	}
	return append(evs, runner.HostFinished{Host: host, Status: runner.HostOK})
}

// BenchmarkRecorder records hosts' events, one host at a time (serial)
// and ten at a time (forks 10); it reports the time per event.
func BenchmarkRecorder(b *testing.B) {
	for _, forks := range []int{1, 10} {
		b.Run(fmt.Sprintf("forks=%d", forks), func(b *testing.B) {
			benchBackends(b, func(b *testing.B, location string) {
				st, err := Open(location)
				if err != nil {
					b.Fatal(err)
				}
				defer st.Close()
				hosts := make([]string, b.N)
				for i := range hosts {
					hosts[i] = fmt.Sprintf("host-%06d", i)
				}
				rec := st.Recorder("bench")
				rec.Event(runner.RunStarted{Playbook: "p", Hosts: hosts, Route: rollout.Route{Strategy: rollout.Waves}, Waves: []int{b.N}})
				events := len(hostEvents(""))
				var next atomic.Int64
				var wg sync.WaitGroup
				b.ResetTimer()
				for range forks {
					wg.Go(func() {
						for {
							i := next.Add(1) - 1
							if i >= int64(b.N) {
								return
							}
							for _, ev := range hostEvents(hosts[i]) {
								rec.Event(ev)
							}
						}
					})
				}
				wg.Wait()
				b.StopTimer()
				if err := rec.Err(); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*events), "µs/event")
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/host")
			})
		})
	}
}

// BenchmarkHaltReachesShards measures how long a halt recorded by one
// shard takes to reach another shard waiting on the barrier.
func BenchmarkHaltReachesShards(b *testing.B) {
	url := pgtest.New(b)
	var total time.Duration
	for i := range b.N {
		spec := groupSpec(1)
		spec.Name, spec.Shards, spec.RunID = fmt.Sprintf("halt-%d", i), 2, fmt.Sprintf("halt-run-%d", i)
		first, err := openShared(b, url).JoinGroup(context.Background(), spec, operator("a"))
		if err != nil {
			b.Fatal(err)
		}
		spec.Shard = 2
		second, err := openShared(b, url).JoinGroup(context.Background(), spec, operator("b"))
		if err != nil {
			b.Fatal(err)
		}
		released := make(chan time.Time, 1)
		go func() {
			if err := second.WaveDone(context.Background(), 1, func(runner.ShardsWaiting) {}); err != nil {
				b.Error(err)
			}
			released <- time.Now()
		}()
		time.Sleep(20 * time.Millisecond) // the second shard waits
		start := time.Now()
		if err := first.Halt(context.Background(), runner.Halted{Wave: 1, Reason: "bench"}, true); err != nil {
			b.Fatal(err)
		}
		total += (<-released).Sub(start)
		first.store.Close()
		second.store.Close()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/halt")
}
