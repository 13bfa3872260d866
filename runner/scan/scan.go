// Package scan tells, host by host, what would break on Alpine Linux:
// scripts that need bash, glibc binaries, systemd units without an OpenRC
// script, packages without an Alpine equivalent, bash login shells.
//
// A scan is read-only and agentless: one command per host, for the host's
// own /bin/sh, find and tar, streams back one archive of everything worth
// reading (and the first page of each ELF executable); the controller
// analyses it, files in parallel.
package scan

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Severity says how much a finding stands in the way of the conversion.
type Severity string

const (
	Error   Severity = "error"   // breaks on Alpine
	Warning Severity = "warning" // needs a look, may work
	Info    Severity = "info"    // worth knowing
)

// Finding is one thing that will not work (or needs care) on Alpine.
// It has the fields of the shell analyzer's findings, so that one
// converts into the other field by field.
type Finding struct {
	Path       string   `json:"path"`
	Line       int      `json:"line,omitempty"`
	Col        int      `json:"col,omitempty"`
	Rule       string   `json:"rule"`
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion,omitempty"`
}

// ScriptAnalyzer judges one shell script.
type ScriptAnalyzer func(path string, src []byte) []Finding

// The checks a scan runs; every finding belongs to one.
const (
	CheckScripts  = "scripts"
	CheckBinaries = "binaries"
	CheckServices = "services"
	CheckPackages = "packages"
	CheckShells   = "shells"
)

// Checks lists the checks in report order.
var Checks = []string{CheckScripts, CheckBinaries, CheckServices, CheckPackages, CheckShells}

// Issue is a finding under the check that made it.
type Issue struct {
	Check string `json:"check"`
	Finding
}

// HostReport is one host's scan.
type HostReport struct {
	Host string `json:"host"`
	// Err says why the host could not be scanned; its findings are then empty.
	Err         string  `json:"error,omitempty"`
	Unreachable bool    `json:"unreachable,omitempty"`
	Issues      []Issue `json:"issues"`
	// What was looked at.
	Scripts int `json:"scripts"`
	// NotRead counts the scripts too large to read whole: only their #!
	// line was judged, and a script-not-read warning names each.
	NotRead  int            `json:"not_read,omitempty"`
	Binaries map[string]int `json:"binaries"` // by kind: glibc, musl, static, unknown
	Units    int            `json:"units"`
	Packages int            `json:"packages"`
	// RoundTrips counts the commands sent to the host; Bytes what came back.
	RoundTrips int           `json:"round_trips"`
	Bytes      int64         `json:"bytes"`
	Duration   time.Duration `json:"duration_ns"`
}

// Count returns how many issues of severity the host has.
func (h *HostReport) Count(s Severity) int {
	n := 0
	for _, is := range h.Issues {
		if is.Severity == s {
			n++
		}
	}
	return n
}

// Ready says the host was scanned and nothing error-level was found.
func (h *HostReport) Ready() bool { return h.Err == "" && h.Count(Error) == 0 }

// Report is a whole scan.
type Report struct {
	ID         string        `json:"id"`
	StartedAt  time.Time     `json:"started_at"`
	FinishedAt time.Time     `json:"finished_at"`
	Hosts      []*HostReport `json:"hosts"`
}

// Scanner scans hosts over connections its Dialer opens.
type Scanner struct {
	Dialer transport.Dialer
	// Scripts judges each script; nil means ShebangOnly.
	Scripts ScriptAnalyzer
	// Paths are where scripts are looked for; nil means DefaultPaths.
	Paths []string
	// Forks is how many hosts are scanned at once (default 10).
	Forks int
	// Workers is how many files are analysed at once per host (default GOMAXPROCS).
	Workers int
	// CommandTimeout bounds the one command per host (default 10m).
	CommandTimeout time.Duration
}

// Scan scans every target, Forks at a time, and returns their reports in
// the order given.
func (s *Scanner) Scan(ctx context.Context, id string, targets []transport.Target) *Report {
	rep := &Report{ID: id, StartedAt: time.Now().UTC(), Hosts: make([]*HostReport, len(targets))}
	forks := cmp.Or(s.Forks, 10)
	sem := make(chan struct{}, forks)
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			rep.Hosts[i] = s.scanHost(ctx, t)
		}()
	}
	wg.Wait()
	rep.FinishedAt = time.Now().UTC()
	return rep
}

func (s *Scanner) scanHost(ctx context.Context, t transport.Target) *HostReport {
	start := time.Now()
	hr := &HostReport{Host: t.Name, Binaries: map[string]int{}, Issues: []Issue{}}
	defer func() { hr.Duration = time.Since(start) }()
	conn, err := s.Dialer.Dial(ctx, t)
	if err != nil {
		hr.Err, hr.Unreachable = reason(err), true
		return hr
	}
	defer conn.Close()
	if err := s.ScanHost(ctx, conn, hr); err != nil {
		hr.Err, hr.Unreachable = reason(err), transport.IsUnreachable(err)
		hr.Issues = []Issue{}
	}
	return hr
}

func reason(err error) string {
	var u *transport.UnreachableError
	if errors.As(err, &u) {
		return u.Err.Error()
	}
	return err.Error()
}

// ScanHost scans one host over an open connection into hr. Connections
// that can stream (SSH) send the reply uncapped; others through Run.
func (s *Scanner) ScanHost(ctx context.Context, h hostcmd.Host, hr *HostReport) error {
	timeout := cmp.Or(s.CommandTimeout, 10*time.Minute)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	paths := s.Paths
	if len(paths) == 0 {
		paths = DefaultPaths
	}
	analyze := s.Scripts
	if analyze == nil {
		analyze = ShebangOnly
	}
	workers := cmp.Or(s.Workers, runtime.GOMAXPROCS(0))
	if hr.Binaries == nil {
		hr.Binaries = map[string]int{}
	}

	// Scripts are analysed while the rest of the stream still arrives.
	type job struct {
		path string
		src  []byte
	}
	jobs := make(chan job, workers*4)
	var mu sync.Mutex
	var found []Issue
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				fs := safely(analyze, j.path, j.src)
				mu.Lock()
				for _, f := range fs {
					found = append(found, Issue{Check: CheckScripts, Finding: f})
				}
				mu.Unlock()
			}
		}()
	}
	scripts := 0
	c, out, err := s.collect(ctx, h, paths, func(path string, src []byte) {
		scripts++
		jobs <- job{path, src}
	})
	close(jobs)
	wg.Wait()
	hr.RoundTrips++
	if err != nil {
		return err
	}
	if c == nil {
		msg := fmt.Sprintf("the scan command exited with %d", out.ExitCode)
		if out.Stderr != "" {
			msg += ": " + firstLine(out.Stderr)
		}
		return errors.New(msg)
	}
	hr.Scripts, hr.Bytes = scripts, c.bytes
	hr.Issues = append(hr.Issues, found...)
	for _, path := range slices.Sorted(maps.Keys(c.notRead)) {
		is, ok := notReadIssues(analyze, path, c.notRead[path])
		if ok {
			hr.NotRead++
			hr.Issues = append(hr.Issues, is...)
		}
	}
	hr.Issues = append(hr.Issues, checkCrontabs(c)...)
	hr.Issues = append(hr.Issues, checkBinaries(c, hr.Binaries)...)
	units, issues := checkServices(c)
	hr.Units = units
	hr.Issues = append(hr.Issues, issues...)
	pkgs, issues, err := checkPackages(c)
	if err != nil {
		return err
	}
	hr.Packages = pkgs
	hr.Issues = append(hr.Issues, issues...)
	hr.Issues = append(hr.Issues, checkShells(c)...)
	sortIssues(hr.Issues)
	return nil
}

// collect sends the one command and parses its reply. A nil result with
// no error means the command failed on the host; out says how.
func (s *Scanner) collect(ctx context.Context, h hostcmd.Host, paths []string, script func(string, []byte)) (*collected, hostcmd.Output, error) {
	cmd := collectCommand(paths)
	if st, ok := h.(transport.Streamer); ok {
		pr, pw := io.Pipe()
		type result struct {
			c   *collected
			err error
		}
		parsed := make(chan result, 1)
		go func() {
			c, err := readStream(pr, script)
			if err == nil {
				_, _ = io.Copy(io.Discard, pr) // the archive's padding
			}
			pr.CloseWithError(cmp.Or(err, errStreamDone))
			parsed <- result{c, err}
		}()
		out, err := st.Stream(ctx, cmd, pw)
		pw.Close()
		res := <-parsed
		switch {
		case res.err == nil:
			return res.c, out, nil
		case err != nil && (transport.IsUnreachable(err) || ctx.Err() != nil):
			return nil, out, err
		case out.ExitCode != 0 && errors.Is(res.err, errGarbled):
			return nil, out, nil
		}
		return nil, out, res.err
	}
	out, err := h.Run(ctx, cmd)
	if err != nil {
		return nil, out, err
	}
	c, perr := readStream(bytes.NewReader([]byte(out.Stdout)), script)
	if perr != nil {
		if out.ExitCode != 0 {
			return nil, out, nil
		}
		return nil, out, perr
	}
	return c, out, nil
}

// safely runs the script analyzer on one file. A panic in it is turned
// into a finding on that file, so that one odd script does not end the
// scan of every host.
func safely(analyze ScriptAnalyzer, path string, src []byte) (fs []Finding) {
	defer func() {
		if r := recover(); r != nil {
			fs = []Finding{{Path: path, Rule: "analyzer-failed", Severity: Warning,
				Message: fmt.Sprintf("the script analyzer failed on this file (%v); it was not checked", r)}}
		}
	}()
	return analyze(path, src)
}

// notReadIssues judges a script too large to be read whole by its #!
// line alone, and says that the rest was not read. ok is false for a file
// that is no shell script (a #! naming python, say).
func notReadIssues(analyze ScriptAnalyzer, path string, nr notRead) (out []Issue, ok bool) {
	how := "its #! line (" + nr.line + ") was checked, and nothing else"
	if strings.HasPrefix(nr.line, "#!") {
		if !isShellScript([]byte(nr.line)) {
			return nil, false
		}
		for _, f := range safely(analyze, path, []byte(nr.line+"\n")) {
			out = append(out, Issue{Check: CheckScripts, Finding: f})
		}
	} else {
		how = "it has no #! line and is run by sh; none of it was checked"
	}
	out = append(out, Issue{Check: CheckScripts, Finding: Finding{
		Path: path, Rule: "script-not-read", Severity: Warning,
		Message:    fmt.Sprintf("a script of %s, larger than the %s a scan reads whole: %s", size(nr.size), maxScriptText, how),
		Suggestion: "check this script by hand (or copy it and run switchback lint-sh on it)",
	}})
	return out, true
}

// errStreamDone ends a stream the parser has finished with.
var errStreamDone = errors.New("scan stream read")

func sortIssues(is []Issue) {
	slices.SortStableFunc(is, func(a, b Issue) int {
		return cmp.Or(
			cmp.Compare(slices.Index(Checks, a.Check), slices.Index(Checks, b.Check)),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
