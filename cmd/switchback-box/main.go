// Command switchback-box builds switchback's Alpine 3.20 box for
// Vagrant's libvirt provider from what is on this machine (see
// internal/vagrantbox), with no download:
//
//	switchback-box [-o bin/switchback-alpine320.box] [-rootfs TARBALL] [-kernel /boot/vmlinuz-VER]
//
// Then: vagrant box add --force --name switchback/alpine320 bin/switchback-alpine320.box
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/switchbackhq/switchback/internal/vagrantbox"
)

func main() {
	flags := flag.NewFlagSet("switchback-box", flag.ContinueOnError)
	out := flags.String("o", "bin/switchback-alpine320.box", "box file to write")
	rootfs := flags.String("rootfs", "", "Alpine minirootfs tarball (default: $SWITCHBACK_ALPINE_ROOTFS, then ../shared/alpine)")
	kernel := flags.String("kernel", "", "kernel to boot (default: the newest /boot/vmlinuz-*)")
	work := flags.String("work", "", "scratch directory to keep (default: a temporary one)")
	size := flags.Int("disk-gib", 2, "virtual size of the disk in GiB")
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if flags.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "switchback-box: unexpected arguments:", flags.Args())
		os.Exit(2)
	}
	if os.Geteuid() != 0 {
		fmt.Fprintln(os.Stderr, "switchback-box: run as root: the box's files must belong to root and the vagrant user")
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	err := vagrantbox.Build(ctx, vagrantbox.Options{Rootfs: *rootfs, Kernel: *kernel, Out: *out, Work: *work, DiskGiB: *size, Log: os.Stdout})
	if err != nil {
		fmt.Fprintln(os.Stderr, "switchback-box:", err)
		os.Exit(1)
	}
	fmt.Printf("built %s in %s; add it with:\n  vagrant box add --force --name %s %s\n", *out, time.Since(start).Round(time.Second), vagrantbox.Name, *out)
}
