package fleet

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
)

// prerequisites maps each controller file the harness relies on to the
// Debian package that ships it.
func prerequisites() map[string]string {
	return map[string]string{
		"/usr/sbin/sshd":          "openssh-server",
		"/usr/bin/ssh":            "openssh-client",
		"/sbin/openrc-run":        "openrc",
		"/bin/busybox":            "busybox",
		"/usr/bin/unshare":        "util-linux",
		"/usr/bin/nsenter":        "util-linux",
		"/usr/sbin/useradd":       "passwd",
		"/usr/sbin/usermod":       "passwd",
		"/sbin/start-stop-daemon": "dpkg",
		"/usr/bin/ldd":            "libc-bin",
		"/usr/bin/doas":           "opendoas",
		"/usr/bin/sudo":           "sudo",
	}
}

// checkPlatform reports why this machine cannot run a fleet at all.
func checkPlatform() error {
	if runtime.GOOS != "linux" {
		return unavailable("needs Linux, this is %s", runtime.GOOS)
	}
	if runtime.GOARCH != "amd64" {
		return unavailable("needs x86_64 (the minirootfs is x86_64), this is %s", runtime.GOARCH)
	}
	if uid := os.Geteuid(); uid != 0 {
		return unavailable("needs root for namespaces, chroot and sshd (running as uid %d)", uid)
	}
	return nil
}

// EnsurePrereqs makes sure the controller has the Debian packages the
// fleet needs. As root it installs missing ones with apt-get; otherwise
// it reports exactly which are missing.
func EnsurePrereqs() error {
	missing := missingPackages()
	if len(missing) == 0 {
		return nil
	}
	list := strings.Join(missing, " ")
	if os.Geteuid() != 0 {
		return unavailable("missing Debian packages %s (as root: apt-get install -y %s)", list, list)
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return unavailable("missing Debian packages %s and no apt-get to install them", list)
	}
	if err := aptInstall(missing); err != nil {
		return fmt.Errorf("install %s: %w", list, err)
	}
	if still := missingPackages(); len(still) > 0 {
		return fmt.Errorf("still missing after apt-get install: %s", strings.Join(still, " "))
	}
	return nil
}

func missingPackages() []string {
	set := map[string]bool{}
	for file, pkg := range prerequisites() {
		if _, err := os.Stat(file); err != nil {
			set[pkg] = true
		}
	}
	pkgs := make([]string, 0, len(set))
	for p := range set {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	return pkgs
}

// aptInstall installs pkgs, refreshing the package lists once if the
// first attempt fails (a fresh container often has none).
func aptInstall(pkgs []string) error {
	install := func() error {
		cmd := exec.Command("apt-get", append([]string{"install", "-y", "--no-install-recommends"}, pkgs...)...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("apt-get install: %w: %s", err, tail(string(out), 600))
		}
		return nil
	}
	if install() == nil {
		return nil
	}
	if _, err := run("apt-get", "update"); err != nil {
		return err
	}
	return install()
}
