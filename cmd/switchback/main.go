// Command switchback pushes HCL playbooks over SSH to fleets of Alpine
// Linux hosts. This package only wires the command line to the packages
// that do the work.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/alecthomas/kong"
	"golang.org/x/term"

	"github.com/switchbackhq/switchback/internal/ash"
	"github.com/switchbackhq/switchback/runner"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Env is everything a command needs from the process, passed in so that
// tests can run the CLI in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StderrTerminal says whether stderr is a terminal (progress bars, colour).
	StderrTerminal bool
	// StdinTerminal says whether someone can answer questions on stdin.
	StdinTerminal bool
	Getenv        func(string) string
	// Args are the command-line arguments, recorded with a run so that it
	// can be resumed as it was started.
	Args []string
}

type cli struct {
	Validate  validateCmd  `cmd:"" help:"Check a playbook (and optionally an inventory) without connecting to any host."`
	Plan      planCmd      `cmd:"" help:"Show which hosts a run would visit, in what order, and the steps each gets. Makes no connection."`
	Run       runCmd       `cmd:"" help:"Apply a playbook to the inventory's hosts over SSH."`
	Runs      runsCmd      `cmd:"" help:"Runs recorded in the state database: list, show RUN."`
	Rollback  rollbackCmd  `cmd:"" help:"Restore hosts from the snapshots a past run took before changing them."`
	Snapshots snapshotsCmd `cmd:"" help:"Snapshots runs left on hosts: list, prune."`
	Inv       invCmd       `cmd:"" name:"inventory" help:"Show an inventory's hosts, groups and variables as switchback resolves them."`
	Scan      scanCmd      `cmd:"" help:"Scan hosts for what would break on Alpine (read-only): scripts, binaries, services, packages, login shells."`
	LintSh    lintShCmd    `cmd:"" name:"lint-sh" help:"Check shell scripts for what breaks or behaves differently under BusyBox ash on Alpine."`
	Version   versionCmd   `cmd:"" help:"Print the version."`
}

// kongExit is how kong's exit request travels back to Main.
type kongExit int

// exitError carries an exit code out of a command's Run method after the
// command has already told the user what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) (code int) {
	// kong exits after printing --help; its exit is turned into a return
	// so that Main stays callable in-process.
	defer func() {
		if r := recover(); r != nil {
			exit, ok := r.(kongExit)
			if !ok {
				panic(r)
			}
			code = int(exit)
		}
	}()
	env.Args = args
	var c cli
	parser, err := newParser(&c, &env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
		return runner.ExitUsage
	}
	ctx, err := parser.Parse(args)
	if err != nil {
		var parseErr *kong.ParseError
		if errors.As(err, &parseErr) {
			fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
			fmt.Fprintln(env.Stderr, "Run 'switchback --help' for usage.")
		}
		return runner.ExitUsage
	}
	if err := ctx.Run(); err != nil {
		var exit exitError
		if errors.As(err, &exit) {
			return exit.code
		}
		fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
		return runner.ExitUsage
	}
	return runner.ExitOK
}

func newParser(c *cli, env *Env) (*kong.Kong, error) {
	return kong.New(c,
		kong.Name("switchback"),
		kong.Description("Agentless fleet runner for Alpine Linux: HCL playbooks pushed over SSH."),
		kong.Writers(env.Stdout, env.Stderr),
		kong.Exit(func(code int) { panic(kongExit(code)) }),
		kong.Bind(env),
		kong.Vars{"script_files": ash.ScriptFiles},
	)
}

func main() {
	os.Exit(Main(os.Args[1:], Env{
		Stdin:          os.Stdin,
		StdinTerminal:  term.IsTerminal(int(os.Stdin.Fd())),
		Stdout:         os.Stdout,
		Stderr:         os.Stderr,
		StderrTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:         os.Getenv,
	}))
}

type versionCmd struct{}

func (versionCmd) Run(env *Env) error {
	fmt.Fprintf(env.Stdout, "switchback %s\n", version)
	return nil
}
