// Command switchback-fleet starts, inspects and removes a local fleet of
// Alpine test hosts (see internal/fleet) that outlives the command.
//
//	switchback-fleet up [-n 6] [--name demo]
//	switchback-fleet status [--name demo]
//	switchback-fleet down [--name demo]
//	switchback-fleet prune
//	switchback-fleet prereqs
//	switchback-fleet postgres [--durable] -- COMMAND ARGS...
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/pgtest"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "switchback-fleet:", err)
		os.Exit(1)
	}
}

const usage = `usage: switchback-fleet <command> [flags]

commands:
  up      start a fleet (-n hosts, --name name)
  status  show a fleet's hosts (--name name)
  down    stop and remove a fleet (--name name)
  prune   remove test fleets whose test process has died
  prereqs install the Debian packages a fleet needs (as root), or list what is missing
  postgres run COMMAND with a throwaway PostgreSQL server: its URL in SWITCHBACK_STATE
           (and PG_URL); the server and its files go when COMMAND ends
`

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command")
	}
	flags := flag.NewFlagSet("switchback-fleet "+args[0], flag.ContinueOnError)
	flags.SetOutput(stderr)
	name := flags.String("name", "demo", "fleet name (directory "+fleet.FleetDir("<name>")+")")
	switch args[0] {
	case "up":
		n := flags.Int("n", 6, "number of hosts")
		rootfs := flags.String("rootfs", "", "Alpine minirootfs tarball (default $"+fleet.RootfsEnv+", the shared copy, or a download)")
		logLevel := flags.String("sshd-log-level", "", "LogLevel of every host's sshd (DEBUG logs each command a client sends)")
		if err := flags.Parse(args[1:]); err != nil {
			return err
		}
		return up(fleet.Config{Name: *name, N: *n, Rootfs: *rootfs, SSHDLogLevel: *logLevel}, stdout)
	case "status":
		if err := flags.Parse(args[1:]); err != nil {
			return err
		}
		return status(*name, stdout)
	case "down":
		if err := flags.Parse(args[1:]); err != nil {
			return err
		}
		if err := fleet.Down(fleet.FleetDir(*name)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "fleet %s is down\n", *name)
		return nil
	case "prune":
		if err := flags.Parse(args[1:]); err != nil {
			return err
		}
		return fleet.Prune()
	case "prereqs":
		if err := flags.Parse(args[1:]); err != nil {
			return err
		}
		if err := fleet.EnsurePrereqs(); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "fleet prerequisites are installed")
		return nil
	case "postgres":
		durable := flags.Bool("durable", false, "keep fsync and synchronous commit on (for measurements)")
		if err := flags.Parse(args[1:]); err != nil {
			return err
		}
		if flags.NArg() == 0 {
			return errors.New("postgres: give the command to run with the server, after --")
		}
		return withPostgres(*durable, flags.Args(), stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
}

// withPostgres runs a command with a throwaway PostgreSQL server, for the
// sharded demo and benchmark: N controllers need a database to share.
func withPostgres(durable bool, command []string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	server, err := pgtest.Start(ctx, pgtest.Options{Durable: durable})
	if err != nil {
		return err
	}
	defer server.Stop()
	url, err := server.CreateDatabase(ctx, "switchback")
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "PostgreSQL %s is up for: %s\n", url, strings.Join(command, " "))
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Env = append(os.Environ(), "SWITCHBACK_STATE="+url, "PG_URL="+url)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", command[0], err)
	}
	return nil
}

func up(cfg fleet.Config, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	f, err := fleet.Up(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "inventory:     %s\nknown_hosts:   %s\nidentity_file: %s\nuser:          %s\n\n", f.Inventory, f.KnownHosts, f.IdentityFile, f.User)
	printHosts(f, stdout)
	return nil
}

func status(name string, stdout io.Writer) error {
	f, err := fleet.Open(fleet.FleetDir(name))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no fleet %s (switchback-fleet up --name %s)", name, name)
	}
	if err != nil {
		return fmt.Errorf("fleet %s: %w", name, err)
	}
	printHosts(f, stdout)
	return nil
}

func printHosts(f *fleet.Fleet, stdout io.Writer) {
	for _, h := range f.Hosts {
		state := "stopped"
		if f.Running(h.Name) {
			state = "running"
		}
		fmt.Fprintf(stdout, "%s  %s:%d  %-7s  ssh -i %s -o UserKnownHostsFile=%s -p %d %s@%s\n",
			h.Name, h.Address, h.Port, state, f.IdentityFile, f.KnownHosts, h.Port, f.User, h.Address)
	}
}
