package ash

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// RuleInfo describes a rule for reports (SARIF rule descriptors).
type RuleInfo struct {
	ID         string
	Severity   Severity
	Message    string
	Suggestion string
}

// Rules lists every rule with the severity the construct table gives it.
func Rules() []RuleInfo {
	out := make([]RuleInfo, 0, len(rules)+1)
	for _, r := range rules {
		out = append(out, RuleInfo{ID: r.ID, Severity: severityOf(r.ID), Message: r.Message, Suggestion: r.Suggestion})
	}
	for _, r := range surfaceRules {
		out = append(out, RuleInfo{ID: r.ID, Severity: SeverityWarning, Message: r.Message, Suggestion: r.Suggestion})
	}
	return append(out, RuleInfo{ID: RuleParseError, Severity: SeverityError,
		Message: "the script does not parse", Suggestion: "fix the syntax error first"})
}

// IsScript says whether a file found in a directory is a shell script
// (see WhyScript).
func IsScript(path string, src []byte) bool {
	_, ok := WhyScript(path, src)
	return ok
}

// ScriptFiles says, for help texts and reports, which files of a
// directory are taken for shell scripts.
const ScriptFiles = "files named *.sh, *.ash, *.bash or APKBUILD, and files whose #! line names a Bourne-family shell " +
	"(sh, ash, bash, dash, ksh, mksh, yash, posh, busybox, openrc-run, atf-sh), directly or through env"

// scriptExtensions and scriptNames make a file a shell script by its
// name alone: APKBUILD is the build script of an Alpine package, which
// abuild sources with its shell and which has no #! line.
var (
	scriptExtensions = []string{".sh", ".ash", ".bash"}
	scriptNames      = map[string]bool{"APKBUILD": true}
)

// shells are the interpreters whose scripts are read as shell scripts.
// atf-sh is the shell of ATF test programs (sh with ATF's functions
// preloaded).
var shells = map[string]bool{
	"sh": true, "ash": true, "bash": true, "dash": true, "ksh": true, "ksh93": true, "mksh": true, "lksh": true,
	"pdksh": true, "yash": true, "posh": true, "busybox": true, "openrc-run": true, "runscript": true, "atf-sh": true,
}

// WhyScript says whether a file found in a directory is a shell script,
// and why: its name, or the interpreter its #! line names.
func WhyScript(path string, src []byte) (reason string, ok bool) {
	name := base(filepathToSlash(path))
	if scriptNames[name] {
		return "named " + name, true
	}
	for _, ext := range scriptExtensions {
		if strings.HasSuffix(name, ext) {
			return "named *" + ext, true
		}
	}
	line, _, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.HasPrefix(line, []byte("#!")) {
		return "no script name and no #! line", false
	}
	interp, ok := Interpreter(string(line))
	if !ok {
		return "a #! line naming no program", false
	}
	if !shells[base(interp)] {
		return "#! names " + base(interp) + ", not a shell", false
	}
	return "#! names " + base(interp), true
}

// Interpreter returns the program a #! line runs: the first word, or,
// when that is env, the program env runs (after its options, -S's split
// string and NAME=value assignments).
func Interpreter(line string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), "#!")
	if !ok {
		return "", false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", false
	}
	if base(fields[0]) != "env" {
		return fields[0], true
	}
	args := fields[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-u" || a == "--unset" || a == "-C" || a == "--chdir" || a == "-P":
			i++ // takes a value
		case strings.HasPrefix(a, "-S") && len(a) > 2:
			args = append([]string{a[2:]}, args[i+1:]...) // -Sbash -e
			i = -1
		case strings.HasPrefix(a, "-"):
		case strings.Contains(a, "="):
		default:
			return a, true
		}
	}
	return "", false
}

// AtLeast says whether any finding has severity s or higher.
func AtLeast(fs []Finding, s Severity) bool {
	for _, f := range fs {
		if f.Severity.Rank() >= s.Rank() {
			return true
		}
	}
	return false
}

// String is the one-line form "path:line:col: severity: message [rule]".
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.Path, f.Line, f.Col, f.Severity, f.Message, f.Rule)
}

// WriteText writes one line per finding and its suggestion, indented.
func WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "%s\n\tsuggestion: %s\n", f, f.Suggestion); err != nil {
			return err
		}
	}
	return nil
}

type jsonFinding struct {
	Path       string   `json:"path"`
	Line       int      `json:"line"`
	Col        int      `json:"col"`
	Rule       string   `json:"rule"`
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion"`
}

// WriteJSON writes the findings as one JSON array.
func WriteJSON(w io.Writer, fs []Finding) error {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonFinding(f))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// SARIF 2.1.0, the subset GitHub code scanning reads.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri,omitempty"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		Help                 sarifMessage `json:"help"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
	}
)

func sarifLevel(s Severity) string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes the findings as a SARIF 2.1.0 log for code scanning.
func WriteSARIF(w io.Writer, tool, version string, fs []Finding) error {
	driver := sarifDriver{Name: tool, Version: version}
	index := map[string]int{}
	for i, r := range Rules() {
		sr := sarifRule{ID: r.ID, ShortDescription: sarifMessage{r.Message}, Help: sarifMessage{r.Suggestion}}
		sr.DefaultConfiguration.Level = sarifLevel(r.Severity)
		driver.Rules = append(driver.Rules, sr)
		index[r.ID] = i
	}
	results := make([]sarifResult, 0, len(fs))
	for _, f := range fs {
		res := sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message: sarifMessage{f.Message + ". Suggestion: " + f.Suggestion}}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = filepath.ToSlash(filepath.Clean(f.Path))
		loc.PhysicalLocation.Region.StartLine = max(f.Line, 1)
		loc.PhysicalLocation.Region.StartColumn = max(f.Col, 1)
		res.Locations = []sarifLocation{loc}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
