// Command switchback-box builds switchback's Alpine 3.20 box for
// Vagrant's libvirt provider from what is on this machine, with no
// download (see internal/vagrantbox), and runs commands where a libvirt
// daemon answers:
//
//	switchback-box build [-o bin/switchback-alpine320.box] [-rootfs TARBALL] [-kernel /boot/vmlinuz-VER]
//	switchback-box libvirt [-netns NAME] -- COMMAND [ARG...]
//
// After build: vagrant box add --force --name switchback/alpine320 bin/switchback-alpine320.box
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/switchbackhq/switchback/internal/vagrantbox"
)

const usage = `usage: switchback-box <command> [flags]

commands:
  build    build the libvirt box (as root)
  libvirt  run a command where a libvirt system daemon answers: the running
           one, or one started for the command in its own network namespace
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code, err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "switchback-box:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2, errors.New("no command")
	}
	flags := flag.NewFlagSet("switchback-box "+args[0], flag.ContinueOnError)
	flags.SetOutput(stderr)
	switch args[0] {
	case "build":
		out := flags.String("o", "bin/switchback-alpine320.box", "box file to write")
		rootfs := flags.String("rootfs", "", "Alpine minirootfs tarball (default: $SWITCHBACK_ALPINE_ROOTFS, then ../shared/alpine)")
		kernel := flags.String("kernel", "", "kernel to boot (default: the newest /boot/vmlinuz-*)")
		work := flags.String("work", "", "scratch directory to keep (default: a temporary one)")
		size := flags.Int("disk-gib", 2, "virtual size of the disk in GiB")
		if err := flags.Parse(args[1:]); err != nil {
			return 2, err
		}
		if flags.NArg() > 0 {
			return 2, fmt.Errorf("build: unexpected arguments %q", flags.Args())
		}
		if os.Geteuid() != 0 {
			return 1, errors.New("build: run as root: the box's files must belong to root and to the vagrant user")
		}
		start := time.Now()
		err := vagrantbox.Build(ctx, vagrantbox.Options{Rootfs: *rootfs, Kernel: *kernel, Out: *out, Work: *work, DiskGiB: *size, Log: stdout})
		if err != nil {
			return 1, err
		}
		fmt.Fprintf(stdout, "built %s in %s; add it with:\n  vagrant box add --force --name %s %s\n",
			*out, time.Since(start).Round(time.Second), vagrantbox.Name, *out)
		return 0, nil
	case "libvirt":
		netns := flags.String("netns", "switchback-rehearse", "network namespace for a libvirtd started here")
		if err := flags.Parse(args[1:]); err != nil {
			return 2, err
		}
		if flags.NArg() == 0 {
			return 2, errors.New("libvirt: give the command to run after --")
		}
		if os.Geteuid() != 0 {
			return 1, errors.New("libvirt: run as root: it may start libvirtd and a network namespace")
		}
		return vagrantbox.Sandbox(ctx, *netns, flags.Args(), stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return 2, fmt.Errorf("unknown command %q", args[0])
}
