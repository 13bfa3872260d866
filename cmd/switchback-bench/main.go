// Command switchback-bench measures switchback against the OpenSSH floor
// on fresh local fleets (see internal/bench) and writes the tables to
// stdout and into docs/performance.md. It needs root, like the fleet.
//
//	switchback-bench -hosts 10,50,100,200 -forks 10 -latency 25ms \
//	    -switchback bin/switchback -toxiproxy bin/toxiproxy/server
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/switchbackhq/switchback/internal/bench"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "switchback-bench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("switchback-bench", flag.ContinueOnError)
	flags.SetOutput(stderr)
	hosts := flags.String("hosts", "10,50,100,200", "comma-separated fleet sizes (1..254 each)")
	forks := flags.Int("forks", 10, "hosts in flight at once, for switchback and the floor alike")
	latency := flags.Duration("latency", 25*time.Millisecond, "delay added each way for the second series; 0 skips it")
	binary := flags.String("switchback", "bin/switchback", "the switchback binary to measure")
	toxiproxy := flags.String("toxiproxy", "bin/toxiproxy/server", "the toxiproxy server binary (github.com/Shopify/toxiproxy/v2/cmd/server)")
	playbook := flags.String("playbook", "testdata/bench/convert.hcl", "the conversion playbook")
	script := flags.String("script", "testdata/bench/convert.sh", "the same work as one shell script: the floor")
	doc := flags.String("doc", "docs/performance.md", "markdown file whose generated section is replaced; empty for none")
	work := flags.String("work", "", "directory for inventories, logs and run state (default: a new temporary directory)")
	shards := flags.Int("shards", 0, "instead: converge fresh fleets of -hosts hosts with one controller and with this many shards of a shard group (PostgreSQL)")
	waves := flags.String("waves", "1,10%,100%", "with -shards: the waves of every way")
	if err := flags.Parse(args); err != nil {
		return err
	}
	sizes, err := parseSizes(*hosts)
	if err != nil {
		return fmt.Errorf("-hosts: %w", err)
	}
	if *work == "" {
		if *work, err = os.MkdirTemp("", "switchback-bench-"); err != nil {
			return err
		}
	}
	cfg := bench.Config{Sizes: sizes, Forks: *forks, Latency: *latency, Switchback: *binary, Toxiproxy: *toxiproxy,
		Playbook: *playbook, Script: *script, WorkDir: *work, Progress: stderr}
	for _, p := range []*string{&cfg.Switchback, &cfg.Toxiproxy, &cfg.Playbook, &cfg.Script} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stderr, "work directory: %s\n", *work)
	if *shards > 0 {
		if len(sizes) != 1 || *shards < 2 {
			return errors.New("-shards takes one fleet size in -hosts, and at least 2 shards")
		}
		scfg := bench.ShardConfig{Hosts: sizes[0], Shards: *shards, Forks: *forks, Waves: *waves, Switchback: cfg.Switchback,
			Playbook: cfg.Playbook, WorkDir: *work, Progress: func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }}
		rows, runErr := bench.RunShards(ctx, scfg)
		if len(rows) == 0 {
			return runErr
		}
		table := bench.ShardMarkdown(bench.ThisMachine(), scfg, rows)
		fmt.Fprint(stdout, table)
		if *doc != "" {
			if err := writeDocBetween(*doc, bench.ShardBeginMarker, bench.ShardEndMarker, table); err != nil {
				return errors.Join(runErr, err)
			}
		}
		return runErr
	}
	rows, runErr := bench.Run(ctx, cfg)
	if len(rows) == 0 {
		return runErr
	}
	table := bench.Markdown(bench.ThisMachine(), cfg, rows)
	fmt.Fprint(stdout, table)
	if *doc != "" {
		if err := writeDoc(*doc, table); err != nil {
			return errors.Join(runErr, err)
		}
	}
	return runErr
}

func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 254 {
			return nil, fmt.Errorf("%q is not a fleet size (1..254)", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

func writeDoc(path, table string) error {
	return writeDocBetween(path, bench.BeginMarker, bench.EndMarker, table)
}

func writeDocBetween(path, begin, end, table string) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(bench.SpliceBetween(string(old), begin, end, table)), 0o644)
}
