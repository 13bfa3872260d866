package fleet

import (
	"fmt"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
)

// HostPort is the port every host's sshd listens on.
const HostPort = 2222

// sshdConfig is the complete configuration of one host's sshd. Logins
// land chrooted in the host root; authentication happens before the
// chroot, against the fleet's own authorized_keys.
func sshdConfig(h *Host, authorizedKeys, logLevel string) string {
	lines := []string{
		fmt.Sprintf("# sshd of %s (written by switchback-fleet).", h.Name),
		fmt.Sprintf("ListenAddress %s:%d", h.Address, h.Port),
		"HostKey " + h.hostKeyPath(),
		"PidFile none",
		"AuthorizedKeysFile " + authorizedKeys,
		"AllowUsers " + LoginUser + " " + BecomeUser,
		"PermitRootLogin yes",
		"AuthenticationMethods publickey",
		"PasswordAuthentication no",
		"KbdInteractiveAuthentication no",
		"UsePAM no",
		"StrictModes no",
		"ChrootDirectory " + h.Root,
		"Subsystem sftp internal-sftp",
		"UseDNS no",
		"PrintMotd no",
		"PrintLastLog no",
		// Tests open many connections at once; the default 10:30:100 drops some.
		"MaxStartups 100:30:200",
	}
	// DEBUG1 logs every exec and subsystem request: tests count round
	// trips from the server's side (Host.Requests).
	if logLevel == "" {
		logLevel = "DEBUG1"
	}
	lines = append(lines, "LogLevel "+logLevel)
	lines = append(lines, h.sshdExtra...)
	return strings.Join(lines, "\n") + "\n"
}

// hostCommand is what runs a host: unshare gives it private mount, pid
// and UTS namespaces (the pid namespace dies with unshare when it is
// killed); inside, the shell mounts /proc, /dev and the read-only apk
// repository into the root, names the host and becomes sshd.
func hostCommand(h *Host, repo string) []string {
	root := shell.Quote(h.Root)
	script := strings.Join([]string{
		"set -e",
		"mount --make-rprivate /",
		"echo " + shell.Quote(h.Name) + " > /proc/sys/kernel/hostname",
		"mount -t proc proc " + root + "/proc",
		"mount --rbind /dev " + root + "/dev",
		"mount --bind " + shell.Quote(repo) + " " + root + repoMount,
		"mount -o remount,bind,ro " + root + repoMount,
		"exec /usr/sbin/sshd -D -f " + shell.Quote(h.configPath()) + " -E " + shell.Quote(h.logPath()),
	}, "\n")
	return []string{"unshare", "--mount", "--pid", "--uts", "--fork", "--kill-child", "sh", "-c", script}
}

// validLogLevel accepts sshd's LogLevel values, and "" for its default.
func validLogLevel(level string) bool {
	switch level {
	case "", "QUIET", "FATAL", "ERROR", "INFO", "VERBOSE", "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3":
		return true
	}
	return false
}
