// Package bench measures switchback against the floor of the same work
// done with the OpenSSH client: one pre-written script per host, sent in
// parallel with xargs -P, with no checks. Both run on fresh hosts of the
// local fleet (internal/fleet), optionally behind a toxiproxy server that
// adds the same latency to every connection, and both are measured the
// same way: wall time, CPU and memory of the controller-side process tree,
// and the session requests each host's sshd logged.
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// Config says what to measure.
type Config struct {
	Sizes []int // fleet sizes, e.g. 10, 50, 100, 200
	Forks int   // hosts in flight at once, for switchback and the floor alike
	// Latency is the one-way delay added to every connection for the
	// second series; 0 measures without the proxy only.
	Latency    time.Duration
	Switchback string // the built switchback binary
	Toxiproxy  string // the toxiproxy server binary; needed when Latency > 0
	Playbook   string // the conversion playbook
	Script     string // the same work as one shell script (the floor)
	WorkDir    string // inventories, logs and run state
	Progress   io.Writer
}

// Measure is one measured run.
type Measure struct {
	Sample
	Requests int // session requests (exec, shell, subsystem) over every host
}

// Row is everything measured for one fleet size and latency.
type Row struct {
	Hosts   int
	Latency time.Duration // one way
	Boot    time.Duration // booting the fleet for switchback's runs
	// FleetRSS is the resident memory of every process of the fleet's
	// hosts (sshd, sb-daemon, ...) after switchback converged them.
	FleetRSS int64

	Converge, NoOp           Measure // switchback
	FloorConverge, FloorNoOp Measure
}

// Run measures every size, without latency and then (when configured)
// with it. The fleet of each measurement is booted fresh and taken down
// afterwards; a failed run stops the benchmark with its output.
func Run(ctx context.Context, cfg Config) ([]Row, error) {
	if cfg.Forks < 1 {
		return nil, errors.New("forks must be at least 1")
	}
	for _, p := range []string{cfg.Switchback, cfg.Playbook, cfg.Script} {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("bench input: %w", err)
		}
	}
	if err := os.MkdirAll(cfg.WorkDir, 0o755); err != nil {
		return nil, fmt.Errorf("work dir: %w", err)
	}
	latencies := []time.Duration{0}
	var proxy *latencyProxy
	if cfg.Latency > 0 {
		var err error
		proxy, err = startProxy(ctx, cfg.Toxiproxy, filepath.Join(cfg.WorkDir, "toxiproxy.log"))
		if err != nil {
			return nil, err
		}
		defer proxy.stop()
		latencies = append(latencies, cfg.Latency)
	}
	var rows []Row
	for _, lat := range latencies {
		for _, n := range cfg.Sizes {
			row, err := measureSize(ctx, cfg, n, lat, proxy)
			if err != nil {
				return rows, fmt.Errorf("%d hosts, latency %s: %w", n, lat, err)
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

func (c Config) logf(format string, args ...any) {
	if c.Progress != nil {
		fmt.Fprintf(c.Progress, format+"\n", args...)
	}
}

// measureSize runs switchback twice on one fresh fleet and the floor
// twice on another, then checks that the floor left its hosts exactly as
// the playbook wants them.
func measureSize(ctx context.Context, cfg Config, n int, lat time.Duration, proxy *latencyProxy) (Row, error) {
	row := Row{Hosts: n, Latency: lat}
	label := fmt.Sprintf("%d hosts, %s each way", n, lat)

	var boot time.Duration
	err := withFleet(ctx, cfg, n, lat, proxy, &boot, func(t target) error {
		row.Boot = boot
		cfg.logf("%s: fleet booted in %s", label, boot.Round(time.Millisecond))
		var err error
		if row.Converge, err = t.switchback(ctx, cfg, false, func(r recap) error { return r.want(n, true) }); err != nil {
			return fmt.Errorf("switchback converge: %w", err)
		}
		cfg.logf("%s: switchback converge %s", label, row.Converge.Wall.Round(time.Millisecond))
		row.FleetRSS = t.fleetRSS()
		if row.NoOp, err = t.switchback(ctx, cfg, false, func(r recap) error { return r.want(n, false) }); err != nil {
			return fmt.Errorf("switchback no-op: %w", err)
		}
		cfg.logf("%s: switchback no-op %s", label, row.NoOp.Wall.Round(time.Millisecond))
		return nil
	})
	if err != nil {
		return row, err
	}
	err = withFleet(ctx, cfg, n, lat, proxy, &boot, func(t target) error {
		var err error
		if row.FloorConverge, err = t.floor(ctx, cfg); err != nil {
			return fmt.Errorf("floor converge: %w", err)
		}
		cfg.logf("%s: floor converge %s", label, row.FloorConverge.Wall.Round(time.Millisecond))
		if row.FloorNoOp, err = t.floor(ctx, cfg); err != nil {
			return fmt.Errorf("floor no-op: %w", err)
		}
		cfg.logf("%s: floor no-op %s", label, row.FloorNoOp.Wall.Round(time.Millisecond))
		// Not measured: the floor must have done the playbook's work.
		if _, err := t.switchback(ctx, cfg, true, func(r recap) error { return r.want(n, false) }); err != nil {
			return fmt.Errorf("the floor script does not do the playbook's work: %w", err)
		}
		return nil
	})
	return row, err
}

// withFleet boots n fresh hosts (with DEBUG sshd logs, which name every
// session request), routes them through the proxy when lat > 0, runs f
// and takes everything down again.
func withFleet(ctx context.Context, cfg Config, n int, lat time.Duration, proxy *latencyProxy, boot *time.Duration, f func(target) error) (err error) {
	name := "bench-" + strconv.Itoa(n)
	if lat > 0 {
		name += "-latency"
	}
	start := time.Now()
	fl, err := fleet.Up(ctx, fleet.Config{Name: name, N: n, SSHDLogLevel: "DEBUG"})
	if err != nil {
		return err
	}
	*boot = time.Since(start)
	defer func() {
		if derr := fleet.Down(fl.Dir); derr != nil {
			err = errors.Join(err, fmt.Errorf("fleet down: %w", derr))
		}
	}()
	dir := filepath.Join(cfg.WorkDir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	t, err := newTarget(fl, dir, lat > 0)
	if err != nil {
		return err
	}
	if lat > 0 {
		if err := proxy.route(ctx, t.routes, lat); err != nil {
			return err
		}
		defer func() {
			if rerr := proxy.reset(context.WithoutCancel(ctx), t.routes); rerr != nil {
				err = errors.Join(err, rerr)
			}
		}()
	}
	return f(t)
}
