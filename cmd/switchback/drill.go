package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/drill"
	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/state"
	"github.com/switchbackhq/switchback/runner/transport"
)

// A rollback drill (run --drill) is for rehearsal hosts: every host is
// fingerprinted, the run converges, every host it changed is rolled back,
// and the fingerprints are compared. What did not come back is what the
// snapshot does not hold: a write outside its paths.

// drillFingerprints takes the fingerprint of each host, a few at a time.
func drillFingerprints(ctx context.Context, d transport.Dialer, hosts []*inventory.Host) (map[string]drill.Fingerprint, error) {
	var mu sync.Mutex
	fps := map[string]drill.Fingerprint{}
	var errs []error
	var wg sync.WaitGroup
	slots := make(chan struct{}, 10)
	for _, h := range hosts {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			fp, err := fingerprintHost(ctx, d, h)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, fmt.Errorf("drill: fingerprint of %s: %w", h.Name, err))
				return
			}
			fps[h.Name] = fp
		})
	}
	wg.Wait()
	return fps, errors.Join(errs...)
}

func fingerprintHost(ctx context.Context, d transport.Dialer, h *inventory.Host) (drill.Fingerprint, error) {
	host, closeConn, err := runner.Connect(ctx, d, h)
	if err != nil {
		return nil, err
	}
	defer closeConn()
	return drill.Take(ctx, host)
}

// finishDrill rolls back any host the run changed that the engine's
// rollback (Engine.RollbackAll) did not reach, compares each host with its fingerprint from before the run, and
// says what did not come back. It reports whether everything did.
func finishDrill(ctx context.Context, env *Env, d transport.Dialer, store *state.Store, runID string,
	hosts []*inventory.Host, recap *runner.Recap, before map[string]drill.Fingerprint) bool {
	byName := map[string]*inventory.Host{}
	for _, h := range hosts {
		byName[h.Name] = h
	}
	fmt.Fprintf(env.Stdout, "\nDRILL: comparing every host with its fingerprint from before the run\n")
	whole := true
	for _, rec := range recap.Hosts {
		h := byName[rec.Host]
		if h == nil || before[rec.Host] == nil {
			continue
		}
		if rec.RollbackErr != nil {
			whole = false
			fmt.Fprintf(env.Stdout, "DRILL %s: its rollback failed (above)\n", h.Name)
			continue
		}
		// The engine rolled back every host it could reach; one it could
		// not is tried once more here.
		if rec.Snapshot != nil && !rec.RolledBack {
			restorer := recordedSnapshots(d)
			restorer.Lock = runner.HostLock{Holder: runner.LockHolder("drill of run " + runID)}
			err := restorer.Restore(ctx, h, rec.Snapshot)
			if recErr := store.RecordRollback(ctx, runID, h.Name, err); recErr != nil {
				fmt.Fprintf(env.Stderr, "switchback: %v\n", recErr)
			}
			if err != nil {
				whole = false
				fmt.Fprintf(env.Stdout, "ROLLBACK FAILED on %s: %s\n", h.Name, report.Printable(err.Error()))
				continue
			}
			fmt.Fprintf(env.Stdout, "ROLLED BACK %s from %s\n", h.Name, rec.Snapshot.Location)
		}
		after, err := fingerprintHost(ctx, d, h)
		if err != nil {
			whole = false
			fmt.Fprintf(env.Stdout, "DRILL %s: no fingerprint after the rollback: %s\n", h.Name, report.Printable(err.Error()))
			continue
		}
		diffs := drill.Compare(before[h.Name], after)
		if len(diffs) == 0 {
			fmt.Fprintf(env.Stdout, "DRILL %s: every path came back\n", h.Name)
			continue
		}
		whole = false
		fmt.Fprintf(env.Stdout, "DRILL %s: %d path(s) did not come back:\n", h.Name, len(diffs))
		for _, df := range diffs {
			fmt.Fprintf(env.Stdout, "  %s: %s\n", report.Printable(fmt.Sprintf("%q", df.Path)), report.Printable(df.What))
		}
		fmt.Fprintf(env.Stdout, "  add to the snapshot's paths:")
		for _, p := range drill.Suggest(diffs) {
			fmt.Fprintf(env.Stdout, " %q", p)
		}
		fmt.Fprintln(env.Stdout)
	}
	if whole {
		fmt.Fprintln(env.Stdout, "DRILL: every host came back as it was before the run.")
	} else {
		fmt.Fprintln(env.Stdout, "DRILL: some hosts did not come back whole; see above.")
	}
	return whole
}
