package modules

import (
	"archive/tar"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/ash"
	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// AshCheck reads shell scripts from the host and fails the step when the
// analyzer finds constructs that break or behave differently under
// BusyBox ash (warning, the default fail_on; "error" tolerates scripts
// that run but differ). It never changes the host.
type AshCheck struct {
	Paths  []string
	FailOn string // "error", "warning", "info" or "never"
	// Packages the playbook installs before the scripts run (Alpine
	// names or cmd:NAME): their commands are not missing.
	Packages []string
}

var _ Module = (*AshCheck)(nil)

type ashCheckConfig struct {
	Paths    []string `hcl:"paths"`
	FailOn   *string  `hcl:"fail_on,optional"`
	Packages []string `hcl:"packages,optional"`
}

// AshCheckType registers the ash_check step.
func AshCheckType() Type {
	return Type{Name: "ash_check", Decode: decodeAshCheck}
}

func decodeAshCheck(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg ashCheckConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	// The default is lint-sh's: a warning is a script that runs under ash
	// and silently gives another result, which nothing later notices.
	m := &AshCheck{Paths: cfg.Paths, FailOn: string(ash.SeverityWarning), Packages: cfg.Packages}
	if cfg.FailOn != nil {
		m.FailOn = *cfg.FailOn
	}
	switch m.FailOn {
	case "error", "warning", "info", "never":
	default:
		diags = append(diags, attrError(body, "fail_on", "Invalid fail_on",
			fmt.Sprintf("fail_on is %q; use \"error\", \"warning\", \"info\" or \"never\".", m.FailOn)))
	}
	if len(m.Paths) == 0 {
		diags = append(diags, attrError(body, "paths", "No paths",
			"paths is empty; list the scripts or directories to check on the host."))
	}
	for _, p := range m.Paths {
		if msg := checkAbsPath(p); msg != "" {
			diags = append(diags, attrError(body, "paths", "Invalid path", msg))
		}
	}
	return m, diags
}

func (m *AshCheck) Summary() string {
	return fmt.Sprintf("check shell scripts for ash in %s (fail on %s)", strings.Join(m.Paths, ", "), m.FailOn)
}

// ashArchiveEnd follows the archive so that a truncated answer (output
// is capped at 8 MiB per stream) is told from a complete one;
// ashParseEnd follows the host's parse check, ashCommandsEnd the
// commands it has.
const (
	ashArchiveEnd  = "--switchback-end-of-archive--"
	ashParseEnd    = "--switchback-end-of-parse--"
	ashCommandsEnd = "--switchback-end-of-commands--"
)

// fetchScript makes one round trip: missing paths are named on stderr
// (exit 3); otherwise the regular files under the paths (symbolic links
// followed) come back as a gzipped tar, base64-encoded, then the end
// marker, then the host's own parse check of each file (ashParseCheck)
// and the commands the host has (ashCommandsList). Files of 1 MiB and
// more are left out: they are not scripts, and one binary in
// /usr/local/bin would otherwise fill the 8 MiB answer.
func (m *AshCheck) fetchScript() string {
	quoted := shell.Join(m.Paths...)
	list := "find -L " + quoted + " -type f -size -2048"
	return "set -o pipefail\nmissing=\n" +
		"for p in " + quoted + "; do [ -e \"$p\" ] || { echo \"missing: $p\" >&2; missing=1; }; done\n" +
		"[ -z \"$missing\" ] || exit 3\n" +
		list + " | tar -chzf - -T - 2>/dev/null | base64 || exit\n" +
		"echo " + ashArchiveEnd + "\n" +
		list + " | " + ashParseCheck + "\n" +
		"echo " + ashParseEnd + "\n" +
		ashCommandsList + "\n" +
		"echo " + ashCommandsEnd
}

func (m *AshCheck) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	out, err := h.Run(ctx, m.fetchScript())
	if err != nil {
		return Plan{}, err
	}
	switch {
	case out.ExitCode == 3:
		return Plan{}, &hostcmd.Error{Msg: "ash_check: paths not found on the host", Output: out}
	case out.ExitCode != 0:
		return Plan{}, commandFailed("reading the scripts", out)
	}
	rest, complete := strings.CutSuffix(strings.TrimRight(out.Stdout, "\n"), ashCommandsEnd)
	body, rest, archived := strings.Cut(rest, ashArchiveEnd+"\n")
	parsed, listed, checked := strings.Cut(rest, ashParseEnd+"\n")
	if !complete || !archived || !checked {
		return Plan{}, fmt.Errorf("ash_check: the scripts under %s are too large to read in one answer (8 MiB of base64); check fewer paths per step", strings.Join(m.Paths, ", "))
	}
	files, err := readArchive(body)
	if err != nil {
		return Plan{}, fmt.Errorf("ash_check: reading the archive from the host: %w", err)
	}
	host := hostAnswers{parse: parseFailures(parsed)}
	host.has = parseHostCommands(listed).answer(m.questions(files))
	findings := m.analyze(files, host)
	failing := m.failing(findings)
	if len(failing) > 0 {
		return Plan{}, &AshFindingsError{FailOn: m.FailOn, Findings: failing}
	}
	reason := fmt.Sprintf("%d script(s) checked, nothing at or above %s", countScripts(files, m.Paths), m.FailOn)
	if n := countFindings(findings); n > 0 {
		reason += fmt.Sprintf(" (%d lesser finding(s))", n)
	}
	return NoChange(reason), nil
}

// Apply is never reached: Check only returns no-change plans or errors.
func (m *AshCheck) Apply(context.Context, hostcmd.Host, Plan) error { return nil }

// AshFindingsError fails an ash_check step; it lists the findings that
// reached fail_on, one per line.
type AshFindingsError struct {
	FailOn   string
	Findings []ash.Finding
}

func (e *AshFindingsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ash_check: %d finding(s) at or above %s:", countFindings(e.Findings), e.FailOn)
	parseLine := map[string]bool{}
	for _, f := range e.Findings {
		if f.Rule == RuleAshParse {
			parseLine[f.Path+":"+strconv.Itoa(f.Line)] = true
		}
	}
	for _, f := range e.Findings {
		// A construct on the line ash cannot parse is listed under it:
		// the same trouble, seen by the analyzer.
		indent := ""
		if f.Rule != RuleAshParse && parseLine[f.Path+":"+strconv.Itoa(f.Line)] {
			indent = "  + "
		}
		fmt.Fprintf(&b, "\n%s%s:%d:%d %s %s: %s", indent, f.Path, f.Line, f.Col, f.Rule, f.Severity, f.Message)
	}
	return b.String()
}

func (m *AshCheck) failing(fs []ash.Finding) []ash.Finding {
	if m.FailOn == "never" {
		return nil
	}
	var out []ash.Finding
	for _, f := range fs {
		if f.Severity.Rank() >= ash.Severity(m.FailOn).Rank() {
			out = append(out, f)
		}
	}
	return out
}

type hostFile struct {
	path string
	src  []byte
}

// readArchive decodes the base64 gzipped tar and keeps regular files,
// with their absolute path on the host.
func readArchive(b64 string) ([]hostFile, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(b64), ""))
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	var files []hostFile
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if hdr.Typeflag != tar.TypeReg {
			continue
		}
		src, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files = append(files, hostFile{path: "/" + strings.TrimPrefix(path.Clean("/"+hdr.Name), "/"), src: src})
	}
}

// analyze checks the files named in paths whatever they look like, and in
// directories the files that are shell scripts; other files there only
// get the findings of their location (/etc/cron.d). host is what the
// host said (nothing, in tests of the analysis alone).
func (m *AshCheck) analyze(files []hostFile, host hostAnswers) []ash.Finding {
	var out []ash.Finding
	for _, f := range files {
		switch {
		case m.named(f.path), ash.IsScript(f.path, f.src):
			fs := ash.AnalyzeWith(f.path, f.src, ash.Options{Packages: m.Packages, Host: host.has})
			if pf, ok := host.parseFinding(f); ok {
				fs = append(fs, pf)
			}
			slices.SortStableFunc(fs, func(x, y ash.Finding) int {
				return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Col, y.Col), strings.Compare(x.Rule, y.Rule))
			})
			out = append(out, fs...)
		default:
			out = append(out, ash.PathFindings(f.path)...)
		}
	}
	return out
}

func (m *AshCheck) named(p string) bool {
	for _, want := range m.Paths {
		if path.Clean(want) == p {
			return true
		}
	}
	return false
}

func countScripts(files []hostFile, paths []string) int {
	m := AshCheck{Paths: paths}
	n := 0
	for _, f := range files {
		if m.named(f.path) || ash.IsScript(f.path, f.src) {
			n++
		}
	}
	return n
}

// Chainable: the check reads the scripts in one command and judges them
// on the controller; it never plans a change.
func (m *AshCheck) Chainable(Plan) bool { return true }
