package state

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/pgtest"
	"github.com/switchbackhq/switchback/runner"
)

// Tests of what controllers sharing a PostgreSQL store do together. A
// controller is a Store of its own; closing it ends its session, as its
// process's death would (the server drops its lock either way).

func openShared(t testing.TB, url string) *Store {
	t.Helper()
	st, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// eventually waits for what the server does a moment after a client
// went away (ending its session, dropping its locks).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after 10s, still not: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func operator(name string) Operator { return Operator{Name: name, Controller: "ctl-" + name, PID: 100} }

// TestLeasesRefuseASecondLiveRun: hosts leased by a live run are refused
// to another, with the run and its operator named; they are free again
// once the first run's controller is gone, or released.
func TestLeasesRefuseASecondLiveRun(t *testing.T) {
	url := pgtest.New(t)
	ctx := context.Background()
	a, b := openShared(t, url), openShared(t, url)
	if _, err := a.Claim(ctx, "run-a", []string{"h1", "h2"}, operator("alice"), true); err != nil {
		t.Fatal(err)
	}
	_, err := b.Claim(ctx, "run-b", []string{"h3", "h2"}, operator("bob"), true)
	var conflict *LeaseConflict
	if !errors.As(err, &conflict) {
		t.Fatalf("second run: %v, want a lease conflict", err)
	}
	msg := err.Error()
	for _, want := range []string{"h2 is leased by run run-a", "alice on ctl-alice (pid 100)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal does not say %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "h3") {
		t.Errorf("the refusal names a host that is free: %s", msg)
	}
	// The refused run took nothing: a third run gets h3.
	c := openShared(t, url)
	claim, err := c.Claim(ctx, "run-c", []string{"h3"}, operator("carol"), true)
	if err != nil {
		t.Fatalf("h3 after a refused run: %v", err)
	}
	if err := claim.Release(ctx); err != nil {
		t.Fatal(err)
	}

	// The first run's controller dies: its leases hold nothing, once the
	// server has ended its session (a moment after the connection closed).
	a.Close()
	eventually(t, "the dead run's leases are free", func() bool {
		claim, err = b.Claim(ctx, "run-b", []string{"h3", "h2"}, operator("bob"), true)
		if err != nil && !errors.As(err, new(*LeaseConflict)) {
			t.Fatal(err)
		}
		return err == nil
	})
	// A resume of a run that is still running is refused.
	d := openShared(t, url)
	if _, err := d.Claim(ctx, "run-b", []string{"h2"}, operator("dave"), true); err == nil || !strings.Contains(err.Error(), "still running, started by bob") {
		t.Errorf("resuming a live run: %v", err)
	}
	if err := claim.Release(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM leases WHERE run_id = 'run-b'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d leases left after release (%v)", n, err)
	}
}

// TestLeasesOneAtATime: of runs asking for the same host at once,
// exactly one gets it.
func TestLeasesOneAtATime(t *testing.T) {
	url := pgtest.New(t)
	const runs = 6
	var wg sync.WaitGroup
	won := make(chan string, runs)
	for i := range runs {
		st := openShared(t, url)
		wg.Go(func() {
			id := fmt.Sprintf("run-%d", i)
			if _, err := st.Claim(context.Background(), id, []string{"shared", id}, operator(id), true); err == nil {
				won <- id
			} else if !errors.As(err, new(*LeaseConflict)) {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	close(won)
	var winners []string
	for id := range won {
		winners = append(winners, id)
	}
	if len(winners) != 1 {
		t.Errorf("runs that leased the same host at once: %v, want exactly one", winners)
	}
}

func groupSpec(shard int) GroupSpec {
	spec := GroupSpec{Name: "g", Shard: shard, Shards: 3, RunID: fmt.Sprintf("run-of-%d", shard), Digest: "d1", Playbook: "p",
		Strategy: "waves", Waves: 2, Lease: true, Invocation: Invocation{Dir: "/", Args: []string{"run", "--shard", fmt.Sprintf("%d/3", shard)}}}
	for i := range 30 {
		spec.Hosts = append(spec.Hosts, fmt.Sprintf("host-%02d", i+1))
		spec.HostWaves = append(spec.HostWaves, min(i+1, 2))
	}
	return spec
}

func joinAll(t *testing.T, url string) []*Group {
	t.Helper()
	var groups []*Group
	for i := 1; i <= 3; i++ {
		g, err := openShared(t, url).JoinGroup(context.Background(), groupSpec(i), operator(fmt.Sprint("op", i)))
		if err != nil {
			t.Fatal(err)
		}
		groups = append(groups, g)
	}
	return groups
}

// TestGroupJoin: the first controller forms the run, the others join it;
// a controller with another plan, another N, or a shard a live
// controller holds is refused; a dead controller's shard is taken over.
func TestGroupJoin(t *testing.T) {
	url := pgtest.New(t)
	ctx := context.Background()
	groups := joinAll(t, url)
	if !groups[0].Formed || groups[1].Formed || groups[2].Formed {
		t.Errorf("formed: %v %v %v, want only the first", groups[0].Formed, groups[1].Formed, groups[2].Formed)
	}
	for _, g := range groups {
		if g.RunID() != "run-of-1" {
			t.Errorf("shard %d joined run %s, want the first shard's", g.shard, g.RunID())
		}
	}
	st := openShared(t, url)
	run, err := st.Run(ctx, "run-of-1")
	if err != nil || run.ShardGroup != "g" || run.Shards != 3 || run.Hosts != 30 || run.Operator != "op1" {
		t.Errorf("the group's run: %+v, %v", run, err)
	}
	hosts, _ := st.Hosts(ctx, "run-of-1")
	if len(hosts) != 30 || hosts[0].Wave != 1 || hosts[29].Wave != 2 {
		t.Errorf("the fleet's hosts are not recorded with their waves: %d hosts", len(hosts))
	}

	for _, c := range []struct {
		change func(*GroupSpec)
		want   string
	}{
		{func(s *GroupSpec) { s.Digest = "other" }, "plans another run"},
		{func(s *GroupSpec) { s.Shards = 4 }, "formed with 3 shards"},
		{func(s *GroupSpec) {}, "already being run by op2 on ctl-op2"},
	} {
		spec := groupSpec(2)
		c.change(&spec)
		if _, err := openShared(t, url).JoinGroup(ctx, spec, operator("late")); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("join: %v, want %q", err, c.want)
		}
	}

	groups[1].store.Close() // shard 2's controller dies
	var shards []ShardRecord
	eventually(t, "shard 2 is seen dead", func() bool {
		var err error
		if shards, err = st.Shards(ctx, "run-of-1"); err != nil {
			t.Fatal(err)
		}
		return len(shards) == 3 && shards[1].State == ShardDead
	})
	if shards[0].State != ShardRunning || shards[2].State != ShardRunning {
		t.Fatalf("shards after shard 2 died: %+v", shards)
	}
	g, err := openShared(t, url).JoinGroup(ctx, groupSpec(2), operator("rescuer"))
	if err != nil || !g.TookOver {
		t.Fatalf("taking over shard 2: %+v, %v", g, err)
	}
	if shards, _ := st.Shards(ctx, "run-of-1"); shards[1].State != ShardRunning || shards[1].Holder.Name != "rescuer" {
		t.Errorf("shard 2 after the takeover: %+v", shards[1])
	}
}

// TestGroupCountsFailuresFleetWide: failures reported by every shard at
// once are counted one after the other: the counts the shards get back
// are 1, 2, ... n, each once, so exactly one shard sees the threshold
// crossed however the reports interleave.
func TestGroupCountsFailuresFleetWide(t *testing.T) {
	url := pgtest.New(t)
	groups := joinAll(t, url)
	spec := groupSpec(1)
	wave, all := spec.Hosts[1:], spec.Hosts
	var mu sync.Mutex
	var seen []int
	var wg sync.WaitGroup
	for i, host := range wave {
		g := groups[i%3]
		wg.Go(func() {
			waveFailed, total, err := g.Failed(context.Background(), host, runner.HostFailed, wave, all)
			if err != nil {
				t.Error(err)
				return
			}
			if waveFailed != total {
				t.Errorf("%s: %d failed in the wave but %d in all", host, waveFailed, total)
			}
			mu.Lock()
			seen = append(seen, waveFailed)
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.Sort(seen)
	for i, n := range seen {
		if n != i+1 {
			t.Fatalf("counts returned: %v, want 1..%d each once", seen, len(wave))
		}
	}
}

// TestGroupHaltAndBarrier: no shard gets past a wave before every shard
// finished it; a halt by one shard reaches the others and releases the
// shards waiting at the barrier.
func TestGroupHaltAndBarrier(t *testing.T) {
	url := pgtest.New(t)
	ctx := context.Background()
	groups := joinAll(t, url)
	passed := make(chan int, 3)
	for _, g := range groups[:2] {
		go func() {
			if err := g.WaveDone(ctx, 1, func(runner.ShardsWaiting) {}); err != nil {
				t.Error(err)
			}
			passed <- g.shard
		}()
	}
	select {
	case s := <-passed:
		t.Fatalf("shard %d passed wave 1 before shard 3 finished it", s)
	case <-time.After(1500 * time.Millisecond):
	}
	if err := groups[2].WaveDone(ctx, 1, func(runner.ShardsWaiting) {}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		select {
		case <-passed:
		case <-time.After(30 * time.Second):
			t.Fatal("shards 1 and 2 still wait after every shard finished wave 1")
		}
	}

	// Shard 1 waits at wave 2; shard 3 watches; shard 2 halts the run.
	watched := make(chan runner.Halted, 1)
	watchCtx, stop := context.WithCancel(ctx)
	defer stop()
	go groups[2].Watch(watchCtx, func(h runner.Halted, byThreshold bool) {
		if !byThreshold {
			t.Error("the halt by a threshold reached shard 3 as an operator's")
		}
		watched <- h
	})
	go func() {
		if err := groups[0].WaveDone(ctx, 2, func(runner.ShardsWaiting) {}); err != nil {
			t.Error(err)
		}
		passed <- 1
	}()
	if err := groups[1].Halt(ctx, runner.Halted{Wave: 2, Reason: "too many failures"}, true); err != nil {
		t.Fatal(err)
	}
	for _, what := range []string{"watch", "barrier"} {
		select {
		case h := <-watched:
			if h.Wave != 2 || !strings.Contains(h.Reason, "shard 2/3: too many failures") {
				t.Errorf("halt seen by shard 3: %+v", h)
			}
		case <-passed:
		case <-time.After(30 * time.Second):
			t.Fatalf("the halt did not reach the other shards (%s)", what)
		}
	}
}

// TestGroupLeave: the group leases the fleet while it runs; the run ends
// with its last shard, with the worst of the shards' exit codes, and its
// leases go.
func TestGroupLeave(t *testing.T) {
	url := pgtest.New(t)
	ctx := context.Background()
	groups := joinAll(t, url)
	st := openShared(t, url)
	_, err := openShared(t, url).Claim(ctx, "another", []string{"host-30"}, operator("x"), true)
	if !errors.As(err, new(*LeaseConflict)) || !strings.Contains(err.Error(), "leased by run run-of-1") {
		t.Errorf("a host of a live group, asked for by another run: %v", err)
	}
	for i, code := range []int{runner.ExitOK, runner.ExitFailed, runner.ExitOK} {
		if err := groups[i].Leave(ctx, code); err != nil {
			t.Fatal(err)
		}
		run, err := st.Run(ctx, "run-of-1")
		if err != nil {
			t.Fatal(err)
		}
		if last := i == 2; (run.ExitCode != nil) != last {
			t.Fatalf("after %d shard(s) left, exit code %v", i+1, run.ExitCode)
		}
	}
	run, _ := st.Run(ctx, "run-of-1")
	if *run.ExitCode != runner.ExitFailed {
		t.Errorf("the run's exit code: %d, want %d", *run.ExitCode, runner.ExitFailed)
	}
	if _, err := st.Claim(ctx, "another", []string{"host-01"}, operator("x"), true); err != nil {
		t.Errorf("the finished group's hosts are still leased: %v", err)
	}
	if _, err := openShared(t, url).JoinGroup(ctx, groupSpec(1), operator("late")); err == nil || !strings.Contains(err.Error(), "a group runs once") {
		t.Errorf("joining a finished group: %v", err)
	}
}

func TestWorstExit(t *testing.T) {
	for _, c := range []struct {
		codes []int
		want  int
	}{
		{[]int{0, 0}, 0},
		{[]int{0, 3, 0}, 3},
		{[]int{3, 2}, 2},
		{[]int{2, 4, 3}, 4},
		{[]int{4, 5}, 5},
	} {
		if got := worstExit(c.codes); got != c.want {
			t.Errorf("worstExit(%v) = %d, want %d", c.codes, got, c.want)
		}
	}
}
