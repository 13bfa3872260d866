package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/pgtest"
	"github.com/switchbackhq/switchback/internal/shell"
)

// ShardConfig says how to compare one controller with a shard group.
type ShardConfig struct {
	Hosts, Shards, Forks int
	Waves                string // --waves, the same for every way
	Switchback, Playbook string
	WorkDir              string
	Progress             func(format string, args ...any)
}

// ShardRow is one way of converging the same fresh fleet.
type ShardRow struct {
	Way         string
	Controllers int
	Forks       int // hosts in flight per controller
	Store       string
	Sample
	// Commits counts the PostgreSQL transactions of the run (from
	// pg_stat_database); 0 on SQLite.
	Commits int64
}

// RunShards converges fresh fleets of cfg.Hosts hosts four ways: one
// controller with its SQLite file, one controller with a PostgreSQL
// store, one controller with as many hosts in flight as the shards have
// together, and cfg.Shards controllers of one shard group. The server
// keeps PostgreSQL's durable defaults.
func RunShards(ctx context.Context, cfg ShardConfig) ([]ShardRow, error) {
	server, err := pgtest.Start(ctx, pgtest.Options{Durable: true})
	if err != nil {
		return nil, err
	}
	defer server.Stop()
	ways := []ShardRow{
		{Way: "one controller", Controllers: 1, Forks: cfg.Forks, Store: "SQLite"},
		{Way: "one controller", Controllers: 1, Forks: cfg.Forks, Store: "PostgreSQL"},
		{Way: "one controller", Controllers: 1, Forks: cfg.Forks * cfg.Shards, Store: "PostgreSQL"},
		{Way: fmt.Sprintf("%d shards", cfg.Shards), Controllers: cfg.Shards, Forks: cfg.Forks, Store: "PostgreSQL"},
	}
	var rows []ShardRow
	for i, w := range ways {
		name := fmt.Sprintf("shards-%d", i)
		fl, err := fleet.Up(ctx, fleet.Config{Name: name, N: cfg.Hosts})
		if err != nil {
			return rows, err
		}
		row, err := runWay(ctx, cfg, server, fl, filepath.Join(cfg.WorkDir, name), w)
		if derr := fleet.Down(fl.Dir); derr != nil && err == nil {
			err = derr
		}
		if err != nil {
			return rows, fmt.Errorf("%s, %s: %w", w.Way, w.Store, err)
		}
		cfg.Progress("%s (%s, %d in flight each): %s", w.Way, w.Store, w.Forks, row.Wall.Round(time.Millisecond))
		rows = append(rows, row)
	}
	return rows, nil
}

func runWay(ctx context.Context, cfg ShardConfig, server *pgtest.Server, fl *fleet.Fleet, dir string, w ShardRow) (ShardRow, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return w, err
	}
	url := ""
	if w.Store == "PostgreSQL" {
		var err error
		if url, err = server.CreateDatabase(ctx, filepath.Base(dir)); err != nil {
			return w, err
		}
	}
	run := func(extra ...string) string {
		args := append([]string{cfg.Switchback, "run", cfg.Playbook, "-i", fl.Inventory, "--known-hosts", fl.KnownHosts,
			"--waves", cfg.Waves, "--forks", strconv.Itoa(w.Forks), "--connect-timeout", "30s"}, extra...)
		if url != "" {
			args = append(args, "--state", url)
		}
		quoted := make([]string, len(args))
		for i, a := range args {
			quoted[i] = shell.Quote(a)
		}
		return strings.Join(quoted, " ")
	}
	// One shell starts the controllers and waits for them all, so that
	// the measured tree (CPU, memory) is every controller's.
	var script strings.Builder
	script.WriteString("status=0; pids=\n")
	if w.Controllers == 1 {
		script.WriteString(run() + " || status=$?\n")
	} else {
		group := "bench-" + strconv.FormatInt(time.Now().UnixNano(), 36)
		for i := 1; i <= w.Controllers; i++ {
			fmt.Fprintf(&script, "%s &\npids=\"$pids $!\"\n", run("--shard-group", group, "--shard", fmt.Sprintf("%d/%d", i, w.Controllers)))
		}
		script.WriteString("for p in $pids; do wait $p || status=$?; done\n")
	}
	script.WriteString("exit $status\n")
	before, err := commits(ctx, url)
	if err != nil {
		return w, err
	}
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_STATE_HOME=" + filepath.Join(dir, "state")}
	w.Sample = measure(ctx, "sh", []string{"-c", script.String()}, env, dir)
	if w.Err != nil {
		return w, fmt.Errorf("%w\n%s", w.Err, tail(w.Output, 3000))
	}
	if err := parseRecap(w.Output).want(cfg.Hosts, true); err != nil {
		return w, fmt.Errorf("%w\n%s", err, tail(w.Output, 3000))
	}
	time.Sleep(1500 * time.Millisecond) // the server publishes its statistics about once a second
	after, err := commits(ctx, url)
	w.Commits = after - before
	return w, err
}

// commits reads the committed transactions of the database at url.
func commits(ctx context.Context, url string) (int64, error) {
	if url == "" {
		return 0, nil
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return 0, err
	}
	defer conn.Close(ctx)
	var n int64
	err = conn.QueryRow(ctx, `SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`).Scan(&n)
	return n, err
}

// ShardMarkdown tabulates RunShards.
func ShardMarkdown(m Machine, cfg ShardConfig, rows []ShardRow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Machine: %d CPU(s), %s, %.1f GiB memory, Linux %s. Measured %s: %d fresh hosts each way, `--waves %s`, playbook `%s`.\n"+
		"The hosts and every controller share the machine's CPUs; PostgreSQL %s runs on the same machine with its durable defaults.\n\n",
		m.CPUs, m.CPUModel, float64(m.Memory)/(1<<30), m.Kernel, time.Now().UTC().Format("2006-01-02"), cfg.Hosts, cfg.Waves,
		filepath.Base(cfg.Playbook), postgresVersion())
	b.WriteString("| way | store | controllers × hosts in flight | wall | CPU s (all controllers) | CPU ms/host | peak RSS MB (largest controller; all) | store transactions/host | load |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		tx := "—"
		if r.Commits > 0 {
			tx = fmt.Sprintf("%.1f", float64(r.Commits)/float64(cfg.Hosts))
		}
		fmt.Fprintf(&b, "| %s | %s | %d × %d | %.2f s | %.2f | %.1f | %.0f; %.0f | %s | %.1f |\n", r.Way, r.Store, r.Controllers, r.Forks,
			r.Wall.Seconds(), r.CPU.Seconds(), float64(r.CPU.Microseconds())/1000/float64(cfg.Hosts),
			float64(r.MaxRSS)/(1<<20), float64(r.TreeRSS)/(1<<20), tx, r.Load)
	}
	return b.String()
}

func postgresVersion() string {
	bin, err := pgtest.Bin()
	if err != nil {
		return ""
	}
	return filepath.Base(filepath.Dir(bin))
}

// Markers of the shard comparison in docs/performance.md.
const (
	ShardBeginMarker = "<!-- shards:begin (written by switchback-bench -shards) -->"
	ShardEndMarker   = "<!-- shards:end -->"
)
