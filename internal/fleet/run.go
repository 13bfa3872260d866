package fleet

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
)

// rootPath is the PATH of commands run inside a host root (Alpine's).
const rootPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// run runs a controller command and returns its combined output; the
// error quotes the end of that output.
func run(name string, args ...string) (string, error) {
	var out bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, tail(out.String(), 600))
	}
	return out.String(), nil
}

// chroot runs a command inside root with Alpine's PATH and no inherited environment.
func chroot(root string, args ...string) (string, error) {
	return run("env", append([]string{"-i", rootPath, "HOME=/root", "chroot", root}, args...)...)
}

// tail returns at most the last n bytes of s, trimmed.
func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		s = "..." + s[len(s)-n:]
	}
	return s
}
