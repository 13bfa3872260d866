package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/switchbackhq/switchback/internal/ash"
	"github.com/switchbackhq/switchback/runner"
)

// lintShCmd checks local shell scripts for what breaks under BusyBox ash.
type lintShCmd struct {
	Paths   []string `arg:"" name:"path" help:"Scripts, or directories to search for scripts. A directory scan takes ${script_files}; other files are checked only for where they are (/etc/cron.d). A file named here is read whatever its name."`
	Format  string   `enum:"text,json,sarif" default:"text" help:"Output: text, json or sarif (SARIF 2.1.0, for GitHub code scanning)."`
	Verbose bool     `short:"v" help:"List every file of a directory scan on stderr, taken or not, and why."`
	// warning by default: a warning is a script that runs under ash but
	// gives another result, which no later step notices; CI should stop
	// on it as on an error. info is portability only.
	FailOn string `name:"fail-on" enum:"error,warning,info,never" default:"warning" help:"Exit 1 when a finding reaches this severity: error (aborts or fails under ash), warning (runs but gives another result; the default), info (not POSIX, works in ash) or never."`
	// The hosts get more than a base Alpine when the playbook installs
	// packages before the scripts run: their commands are not missing.
	WithPackages []string `name:"with-packages" sep:"," placeholder:"PKG,..." help:"Alpine packages (or cmd:NAME, as apk takes them) that will be installed on the hosts before the scripts run: their commands are not reported as missing."`
}

func (c *lintShCmd) Run(env *Env) error {
	var findings []ash.Finding
	for _, p := range c.Paths {
		fs, err := lintPath(p, env.Stderr, c.Verbose, ash.Options{Packages: c.WithPackages})
		if err != nil {
			fmt.Fprintf(env.Stderr, "switchback: lint-sh: %v\n", err)
			return exitError{runner.ExitUsage}
		}
		findings = append(findings, fs...)
	}
	var err error
	switch c.Format {
	case "json":
		err = ash.WriteJSON(env.Stdout, findings)
	case "sarif":
		err = ash.WriteSARIF(env.Stdout, "switchback lint-sh", version, findings)
	default:
		err = ash.WriteText(env.Stdout, findings)
	}
	if err != nil {
		return err
	}
	if c.FailOn != "never" && ash.AtLeast(findings, ash.Severity(c.FailOn)) {
		return exitError{1}
	}
	return nil
}

// lintPath analyzes a file, or every script under a directory. A file
// named on the command line is analyzed whatever its name; in a directory,
// files that are not scripts only get the findings of their location
// (/etc/cron.d and friends). A directory scan says on log what it took:
// how many files, and with verbose each file and why.
func lintPath(root string, log io.Writer, verbose bool, opt ash.Options) ([]ash.Finding, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", root, errors.Unwrap(err))
	}
	if !info.IsDir() {
		src, err := os.ReadFile(root)
		if err != nil {
			return nil, err
		}
		return ash.AnalyzeWith(root, src, opt), nil
	}
	// WalkDir goes in lexical order, so the report is stable.
	var findings []ash.Finding
	scripts, others := 0, 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		why, ok := ash.WhyScript(path, src)
		if ok {
			scripts++
			findings = append(findings, ash.AnalyzeWith(path, src, opt)...)
		} else {
			others++
			findings = append(findings, ash.PathFindings(path)...)
		}
		if verbose {
			taken := "taken"
			if !ok {
				taken = "not a script"
			}
			fmt.Fprintf(log, "%s: %s (%s)\n", path, taken, why)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "lint-sh: %s: %d shell script(s) analyzed; %d other file(s) checked only for where they are (-v lists them)\n", root, scripts, others)
	return findings, nil
}
