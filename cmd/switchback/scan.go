package main

import (
	"github.com/switchbackhq/switchback/internal/ash"

	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/scan"
	"github.com/switchbackhq/switchback/runner/state"
	"github.com/switchbackhq/switchback/runner/transport"
)

type scanCmd struct {
	stateArgs
	sshArgs
	inventoryFlags
	Limit          []string      `placeholder:"PATTERN" sep:"," help:"Only hosts matching these patterns, as for plan and run."`
	Paths          []string      `placeholder:"PATH" sep:"," help:"Where to look for scripts (globs allowed), instead of /etc/init.d, /etc/periodic, /etc/cron*, /usr/local/bin, /usr/local/sbin, /opt/*/bin. Scripts that crontabs and systemd units name are always read."`
	Forks          int           `default:"10" help:"Hosts scanned at once."`
	CommandTimeout time.Duration `default:"10m" help:"Give up on a host's scan after this long."`
	Compare        string        `placeholder:"SCAN" help:"Compare with an earlier scan: 'last' (the one before this) or a scan id. New error-level findings make the exit code 2."`
	JSON           bool          `name:"json" help:"Print the scan as one JSON document instead of the summary."`
	JUnit          string        `name:"junit" placeholder:"FILE" help:"Also write a JUnit XML report (a test suite per host, a test case per check) to FILE."`
	HTML           string        `name:"html" placeholder:"FILE" help:"Also write a self-contained HTML report to FILE."`
	Verbose        bool          `short:"v" help:"Also list info-level findings."`
}

// scriptAnalyzer is the one place where the shell script analyzer is
// plugged into scans: internal/ash, whose findings are copied over since
// the two packages do not know each other.
func scriptAnalyzer() scan.ScriptAnalyzer {
	return func(path string, src []byte) []scan.Finding {
		var out []scan.Finding
		for _, f := range ash.Analyze(path, src) {
			out = append(out, scan.Finding{Path: f.Path, Line: f.Line, Col: f.Col, Rule: f.Rule,
				Severity: scan.Severity(f.Severity), Message: f.Message, Suggestion: f.Suggestion})
		}
		return out
	}
}

// Run scans the inventory's hosts for what would break on Alpine,
// records the scan and, with --compare, fails on new errors.
func (c *scanCmd) Run(env *Env) error {
	inv, err := c.inventoryFlags.load(env)
	if err != nil {
		return err
	}
	hosts, err := limitedHosts(env, inv, c.Limit)
	if err != nil {
		return err
	}
	if err := checkSupported(hosts); err != nil {
		return err
	}
	for _, p := range c.Paths {
		if !strings.HasPrefix(p, "/") {
			return fmt.Errorf("--paths: %q is not an absolute path; scripts are looked for from the host's /", p)
		}
	}
	if c.Forks < 1 {
		return fmt.Errorf("--forks must be at least 1, not %d", c.Forks)
	}
	dialer, err := c.sshArgs.dialer(env)
	if err != nil {
		return err
	}
	defer dialer.Close()
	store, err := c.stateArgs.open(env)
	if err != nil {
		return err
	}
	defer store.Close()

	// A scan id to compare with is checked before any host is contacted.
	var against *scan.Record
	if c.Compare != "" && c.Compare != "last" {
		rec, err := store.Scan(context.Background(), c.Compare)
		if err != nil {
			return fmt.Errorf("--compare: %w; 'switchback scan --json' prints a scan's id, and --compare last takes the one before", err)
		}
		against = &rec
	}

	targets := make([]transport.Target, len(hosts))
	for i, h := range hosts {
		targets[i] = runner.TargetFor(h)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	scanner := &scan.Scanner{
		Dialer:         dialer,
		Scripts:        scriptAnalyzer(),
		Paths:          c.Paths,
		Forks:          c.Forks,
		CommandTimeout: c.CommandTimeout,
	}
	rep := scanner.Scan(ctx, newRunID(), targets)
	if err := store.SaveScan(ctx, rep.Record()); err != nil {
		return err
	}

	var cmp *scan.Comparison
	switch {
	case against != nil:
		cmp = scan.Compare(scan.FromRecord(*against), rep)
	case c.Compare == "last":
		if cmp, err = lastComparison(ctx, env, store, rep); err != nil {
			return err
		}
	}
	if c.JSON {
		if err := scan.WriteJSON(env.Stdout, rep, cmp); err != nil {
			return err
		}
	} else {
		if err := scan.WriteText(env.Stdout, rep, scan.TextOptions{Verbose: c.Verbose}); err != nil {
			return err
		}
		if cmp != nil {
			if err := scan.WriteComparison(env.Stdout, cmp); err != nil {
				return err
			}
		}
	}
	if c.JUnit != "" {
		if err := scan.WriteJUnit(c.JUnit, rep); err != nil {
			return err
		}
	}
	if c.HTML != "" {
		history, err := store.ScanHistory(ctx, 60)
		if err != nil {
			return err
		}
		if err := scan.WriteHTML(c.HTML, rep, cmp, history); err != nil {
			return err
		}
	}
	return scanExit(rep, cmp)
}

// lastComparison compares with the scan before this one. The first scan
// has none: it says so and compares with nothing rather than failing a
// nightly job.
func lastComparison(ctx context.Context, env *Env, store *state.Store, rep *scan.Report) (*scan.Comparison, error) {
	prev, err := store.PreviousScan(ctx, rep.ID)
	if errors.Is(err, state.ErrNoScan) {
		fmt.Fprintln(env.Stderr, "switchback: no earlier scan recorded: nothing to compare with yet")
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rec, err := store.Scan(ctx, prev)
	if err != nil {
		return nil, err
	}
	return scan.Compare(scan.FromRecord(rec), rep), nil
}

// scanExit: 2 when the comparison found new error-level findings (what a
// nightly job fails on), 3 when some host could not be scanned, else 0.
// Findings alone do not fail the command: readiness is a report.
func scanExit(rep *scan.Report, cmp *scan.Comparison) error {
	if cmp != nil && cmp.NewErrors() > 0 {
		return exitError{runner.ExitFailed}
	}
	for _, h := range rep.Hosts {
		if h.Err != "" {
			return exitError{runner.ExitUnreachable}
		}
	}
	return nil
}
