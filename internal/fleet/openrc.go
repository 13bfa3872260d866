package fleet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// dpkgStartStopDaemon is where the root keeps Debian's start-stop-daemon;
// /sbin/start-stop-daemon is ssdShim, which calls it.
const dpkgStartStopDaemon = "/usr/libexec/switchback-fleet/start-stop-daemon"

// ssdShim stands in for OpenRC's own start-stop-daemon, which Debian does
// not ship. Two differences matter:
//
//   - OpenRC's finds a daemon by process name, so a daemon that is a #!
//     script is found; Debian's compares the executable, which for a
//     script is its interpreter, so "rc-service x stop" would never find
//     it. The kernel names a script's process after the script (cut to 15
//     characters): match such daemons by that name instead.
//   - OpenRC's records each daemon it starts under
//     /run/openrc/daemons/<service>/ (exec, argv, pidfile), and that record
//     is how "rc-service x status" tells a crashed service (exit 32) from
//     a started one. The shim writes the record after a successful start,
//     with the pidfile only: a script daemon's command line is its
//     interpreter's, so an argv record would never match it, while the
//     pid alone says whether the daemon lives. A stop removes the record.
const ssdShim = `#!/bin/sh
real=` + dpkgStartStopDaemon + `
start= stop= exe= pidfile=
for a; do
	case $a in
	-S|--start) start=1 ;;
	-K|--stop) stop=1 ;;
	--) break ;;
	esac
done
next= rest= nextpid=
for a; do
	shift
	if [ -n "$rest" ]; then
		set -- "$@" "$a"
	elif [ -n "$nextpid" ]; then
		nextpid= pidfile=$a
		set -- "$@" "$a"
	elif [ -n "$next" ]; then
		next= exe=$a
		if [ "$(head -c 2 "$a" 2>/dev/null)" = '#!' ]; then
			name=$(basename "$a" | cut -c 1-15)
			if [ -n "$start" ]; then
				set -- "$@" --startas "$a" --name "$name"
			else
				set -- "$@" --name "$name"
			fi
		else
			set -- "$@" --exec "$a"
		fi
	else
		case $a in
		-x|--exec) next=1 ;;
		-p|--pidfile) nextpid=1; set -- "$@" "$a" ;;
		--pidfile=*) pidfile=${a#--pidfile=}; set -- "$@" "$a" ;;
		--) rest=1; set -- "$@" "$a" ;;
		*) set -- "$@" "$a" ;;
		esac
	fi
done
"$real" "$@"
rc=$?
if [ "$rc" = 0 ] && [ -n "$RC_SVCNAME" ]; then
	d=/run/openrc/daemons/$RC_SVCNAME
	if [ -n "$start" ] && [ -n "$pidfile" ]; then
		mkdir -p "$d" && printf 'exec=%s\nname=\npidfile=%s\n' "$exe" "$pidfile" >"$d/001"
	elif [ -n "$stop" ]; then
		rm -rf "$d"
	fi
fi
exit "$rc"
`

// openrcVersion is the controller's openrc package version; it is part
// of the base cache key.
func openrcVersion() (string, error) {
	out, err := run("dpkg-query", "-W", "-f=${Version}", "openrc")
	if err != nil {
		return "", fmt.Errorf("openrc version: %w", err)
	}
	return strings.TrimSpace(out), nil
}

// layerOpenRC copies Debian's OpenRC (package files without docs,
// start-stop-daemon, and the shared libraries they load) into root and
// creates the state OpenRC expects from a booted system.
func layerOpenRC(root string) error {
	out, err := run("dpkg", "-L", "openrc")
	if err != nil {
		return fmt.Errorf("list openrc files: %w", err)
	}
	var elfs []string
	for _, f := range strings.Split(out, "\n") {
		if f == "" || f == "/." || isDocPath(f) {
			continue
		}
		if err := copyIn(root, f, false); err != nil {
			return fmt.Errorf("layer openrc: %w", err)
		}
		if isELF(f) {
			elfs = append(elfs, f)
		}
	}
	ssd, err := os.ReadFile("/sbin/start-stop-daemon")
	if err != nil {
		return fmt.Errorf("layer start-stop-daemon: %w", err)
	}
	if err := writeFileIn(root, dpkgStartStopDaemon, ssd, 0o755); err != nil {
		return err
	}
	if err := writeFileIn(root, "sbin/start-stop-daemon", []byte(ssdShim), 0o755); err != nil {
		return err
	}
	libs, err := sharedLibraries(append(elfs, "/sbin/start-stop-daemon"))
	if err != nil {
		return err
	}
	for _, lib := range libs {
		if err := copyIn(root, lib, true); err != nil {
			return fmt.Errorf("layer library: %w", err)
		}
	}
	return openrcState(root)
}

// openrcState creates the runlevel directories and files OpenRC expects.
func openrcState(root string) error {
	for _, d := range []string{"etc/conf.d", "etc/init.d", "etc/insserv.conf.d", // Debian's build scans insserv.conf.d
		"etc/runlevels/sysinit", "etc/runlevels/boot", "etc/runlevels/default", "etc/runlevels/shutdown"} {
		if _, err := dirIn(root, d); err != nil {
			return fmt.Errorf("openrc state: %w", err)
		}
	}
	if err := writeFileIn(root, "etc/insserv.conf", nil, 0o644); err != nil {
		return err
	}
	return resetRun(root)
}

// resetRun empties /run, as booting with a fresh tmpfs there would, and
// recreates the state tree of a booted OpenRC in the default runlevel.
func resetRun(root string) error {
	run, err := dirIn(root, "run") // never a symlink: it would lead out of the root
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(run)
	if err != nil {
		return fmt.Errorf("reset /run: %w", err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(run, e.Name())); err != nil {
			return fmt.Errorf("reset /run: %w", err)
		}
	}
	for _, d := range []string{"started", "starting", "stopping", "inactive", "wasinactive", "failed",
		"exclusive", "daemons", "options", "scheduled", "hotplugged", "tmp"} {
		if _, err := dirIn(root, "run/openrc/"+d); err != nil {
			return fmt.Errorf("openrc state: %w", err)
		}
	}
	return writeFileIn(root, "run/openrc/softlevel", []byte("default\n"), 0o644)
}

func isDocPath(p string) bool {
	for _, d := range []string{"/usr/share/doc", "/usr/share/man", "/usr/share/lintian", "/usr/share/bash-completion", "/usr/share/zsh"} {
		if p == d || strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	return false
}

func isELF(p string) bool {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	magic := make([]byte, 4)
	_, err = f.Read(magic)
	return err == nil && bytes.Equal(magic, []byte("\x7fELF"))
}

// sharedLibraries returns the ldd closure of bins plus the glibc loader.
func sharedLibraries(bins []string) ([]string, error) {
	out, err := run("ldd", bins...)
	if err != nil {
		return nil, fmt.Errorf("shared libraries of openrc: %w", err)
	}
	set := map[string]bool{"/lib64/ld-linux-x86-64.so.2": true}
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if strings.Contains(line, "not found") {
			return nil, fmt.Errorf("shared libraries of openrc: %s", line)
		}
		if _, after, ok := strings.Cut(line, "=> "); ok {
			line = after
		} else if !strings.Contains(line, " (0x") {
			continue // a "file:" header
		}
		if lib, _, _ := strings.Cut(line, " "); strings.HasPrefix(lib, "/") {
			set[lib] = true
		}
	}
	libs := make([]string, 0, len(set))
	for l := range set {
		libs = append(libs, l)
	}
	sort.Strings(libs)
	return libs, nil
}
