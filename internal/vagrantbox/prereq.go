package vagrantbox

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
)

// prerequisites maps each controller file the build copies or runs to
// the Debian package that ships it.
var prerequisites = map[string]string{
	"/usr/sbin/sshd":                             "openssh-server",
	"/usr/bin/ssh-keygen":                        "openssh-client",
	"/usr/bin/scp":                               "openssh-client",
	"/usr/bin/sudo":                              "sudo",
	"/usr/libexec/sudo/sudoers.so":               "sudo",
	"/sbin/openrc-run":                           "openrc",
	"/usr/bin/doas":                              "opendoas",
	"/usr/lib/syslinux/mbr/mbr.bin":              "syslinux-common",
	"/usr/lib/syslinux/modules/bios/ldlinux.c32": "syslinux-common",
	"/usr/bin/syslinux":                          "syslinux",
	"/usr/bin/mcopy":                             "mtools",
	"/sbin/mkfs.fat":                             "dosfstools",
	"/sbin/mke2fs":                               "e2fsprogs",
	"/usr/bin/qemu-img":                          "qemu-utils",
	"/usr/bin/ldd":                               "libc-bin",
	"/usr/bin/vagrant":                           "vagrant",
}

// MissingPrereqs lists the files the build needs that this machine lacks.
func MissingPrereqs() []string {
	var missing []string
	for f := range prerequisites {
		if _, err := os.Stat(f); err != nil {
			missing = append(missing, f)
		}
	}
	sort.Strings(missing)
	return missing
}

func missingPackages(files []string) []string {
	set := map[string]bool{}
	for _, f := range files {
		set[prerequisites[f]] = true
	}
	pkgs := make([]string, 0, len(set))
	for p := range set {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	return pkgs
}

// run runs a command and returns its combined output; the error quotes
// the end of that output.
func run(ctx context.Context, name string, args ...string) (string, error) {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "MTOOLS_SKIP_CHECK=1")
	if err := cmd.Run(); err != nil {
		s := strings.TrimSpace(out.String())
		if len(s) > 600 {
			s = "..." + s[len(s)-600:]
		}
		return out.String(), fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, s)
	}
	return out.String(), nil
}
