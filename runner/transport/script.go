package transport

import "fmt"

// Scripts reach the host on the session's stdin, not as the exec string:
// the command line sshd runs is fixed (see remoteCommand), so values a
// script holds, secrets included, never appear in an argument list that
// other users of the host can read in ps or /proc/*/cmdline, and a
// script is not bound by the kernel's limit on one argument's length.
//
// A connection lost while the script is on its way would hand the shell
// the first part of it, and a cut script can do harm (rm -rf /srv/app/
// without the rest of the path). So the script ends with a line holding a
// random token that the fixed command checks: only a script that arrived
// whole runs; a cut one exits with scriptCutShort and runs nothing.

// scriptCutShort is the exit status of a script that did not arrive whole.
const scriptCutShort = 125

// remoteCommand is the exec string for a script that ends with the line
// "#switchback-end TOKEN". It runs the host's /bin/sh (BusyBox ash), not
// the login shell; exec keeps the pid of the session's shell, which
// leads its process group. The script is read whole before it runs, so
// its commands see an empty stdin, as they did when it was an argument.
func remoteCommand(token string) string {
	return fmt.Sprintf(`exec /bin/sh -c 's=$(cat); case $s in *"#switchback-end %s") eval "$s" ;; *) echo "switchback: the script was cut short on its way to the host; nothing of it ran" >&2; exit %d ;; esac'`,
		token, scriptCutShort)
}
