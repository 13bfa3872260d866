package modules

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/internal/ash"
)

// What ash_check asks the host itself, which has the real BusyBox ash, in
// the round trip that reads the scripts: whether ash parses each script
// (`sh -n` reads a script to its end without running any of it, command
// substitutions included), and which commands it has. Those answers are
// exact on that host, where the analyzer can only judge from probes and
// from what a base Alpine has.

// RuleAshParse is the rule of a script the host's ash cannot parse.
const RuleAshParse = "ash-parse"

// ashParseCheck reads paths, one a line, and runs the host's /bin/sh -n
// on each: for a file ash cannot parse it prints "! PATH", then ash's
// message, each line behind "| " (at most three lines of 400 bytes: a
// binary file's message can be anything).
const ashParseCheck = `while IFS= read -r f; do ` +
	`out=$(/bin/sh -n "$f" 2>&1 </dev/null) || { printf '! %s\n' "$f"; printf '%s\n' "$out" | head -n 3 | cut -c 1-400 | sed 's/^/| /'; }; ` +
	`done`

// ashCommandsList prints the commands the host has: every executable
// file of the directories of Alpine's PATH (as /etc/profile sets it),
// then ash's builtins (its help). The command table is a guess at what a
// host has; this is what it has. It answers what `command -v NAME` would
// for every name at once, in the same round trip as the scripts.
const ashCommandsList = `for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do ` +
	`for f in "$d"/*; do [ -f "$f" ] && [ -x "$f" ] && printf '%s\n' "$f"; done; done; ` +
	`/bin/sh -c help 2>/dev/null`

// hostCommands is what ashCommandsList printed: the paths of the
// commands, and the names PATH finds (files and builtins).
type hostCommands struct {
	paths, names map[string]bool
}

func parseHostCommands(out string) hostCommands {
	h := hostCommands{paths: map[string]bool{}, names: map[string]bool{}}
	builtins := false
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "/"):
			h.paths[line] = true
			h.names[path.Base(line)] = true
		case strings.HasPrefix(line, "---"):
			builtins = true // help's list follows its underline
		case builtins:
			for _, name := range strings.Fields(line) {
				h.names[name] = true
			}
		}
	}
	return h
}

// answer says, for each of names (commands, or absolute paths), whether
// the host has it. A path outside the directories listed is not
// answered: the command table judges it.
func (h hostCommands) answer(names []string) map[string]bool {
	has := make(map[string]bool, len(names))
	for _, n := range names {
		if !strings.Contains(n, "/") {
			has[n] = h.names[n]
			continue
		}
		if slices.Contains(alpinePathDirs, path.Dir(n)) {
			has[n] = h.paths[n]
		}
	}
	return has
}

// alpinePathDirs are the directories ashCommandsList lists.
var alpinePathDirs = []string{"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"}

// hostAnswers are what the host said: ash's message for each file it
// cannot parse, and for each command asked whether the host has it.
type hostAnswers struct {
	parse map[string]string
	has   map[string]bool
}

// parseFailures reads ashParseCheck's output.
func parseFailures(out string) map[string]string {
	fails := map[string]string{}
	current := ""
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "! "):
			current = line[2:]
			fails[current] = ""
		case strings.HasPrefix(line, "| ") && current != "":
			if fails[current] != "" {
				fails[current] += "; "
			}
			fails[current] += strings.TrimSpace(line[2:])
		}
	}
	return fails
}

// ashLine is where ash says its parse stopped: "PATH: line N: MESSAGE".
var ashLine = regexp.MustCompile(`line (\d+): (.*)$`)

// parseFinding is the ash-parse finding of a file the host's ash cannot
// parse, when ash is what runs it.
func (h hostAnswers) parseFinding(f hostFile) (ash.Finding, bool) {
	msg, failed := h.parse[f.path]
	if !failed || !ashRuns(f.src, h.has) {
		return ash.Finding{}, false
	}
	line := 1
	msg = strings.TrimPrefix(msg, f.path+": ")
	if m := ashLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1]) // digits: cannot fail but for overflow, which leaves line 0
		line = max(line, 1)
		msg = m[2]
	}
	if msg == "" {
		msg = "sh -n failed"
	}
	return ash.Finding{Path: f.path, Line: line, Col: 1, Rule: RuleAshParse, Severity: ash.SeverityError,
		Message:    "the host's ash cannot parse the script (sh -n): " + msg + "; none of it runs",
		Suggestion: "fix the syntax for ash (`sh -n " + f.path + "` on the host shows it), or run the script with a shell the host has"}, true
}

// ashRuns says whether the host's ash parses the script when it runs:
// it has no #! line, its #! names ash itself (sh, ash, busybox,
// openrc-run, which sources the script with sh), or a shell the host
// lacks (a #!/bin/bash script there is run with sh or not at all). A
// shell the host has runs the script itself, and a program that is no
// shell (python) is not ash's to parse.
func ashRuns(src []byte, has map[string]bool) bool {
	interp, ok := ownInterpreter(src)
	if !ok {
		return true
	}
	line, _, _ := bytes.Cut(src, []byte("\n"))
	if _, shellScript := ash.WhyScript("script", line); !shellScript {
		return false
	}
	return !has[interp]
}

// ownInterpreter is the program the script's #! line names, when that is
// not ash itself.
func ownInterpreter(src []byte) (string, bool) {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	interp, ok := ash.Interpreter(string(line))
	if !ok {
		return "", false
	}
	switch path.Base(interp) {
	case "sh", "ash", "busybox", "openrc-run", "runscript":
		return "", false
	}
	return interp, true
}

// questions are the commands to ask the host about: those each script
// checked calls or looks for (ash.Commands), and the interpreters their
// #! lines name other than ash.
func (m *AshCheck) questions(files []hostFile) []string {
	seen := map[string]bool{}
	for _, f := range files {
		if !m.named(f.path) && !ash.IsScript(f.path, f.src) {
			continue
		}
		for _, c := range ash.Commands(f.path, f.src) {
			seen[c] = true
		}
		if interp, ok := ownInterpreter(f.src); ok {
			seen[interp] = true
		}
	}
	var out []string
	for c := range seen {
		if c != "" && !strings.ContainsAny(c, "\n\x00") {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// countFindings counts findings as the step reports them: a construct
// the analyzer reports on the line where the host's ash stopped parsing
// is listed under the ash-parse finding and not counted again.
func countFindings(fs []ash.Finding) int {
	parseLine := map[string]bool{}
	for _, f := range fs {
		if f.Rule == RuleAshParse {
			parseLine[fmt.Sprint(f.Path, ":", f.Line)] = true
		}
	}
	n := 0
	for _, f := range fs {
		if f.Rule == RuleAshParse || !parseLine[fmt.Sprint(f.Path, ":", f.Line)] {
			n++
		}
	}
	return n
}
