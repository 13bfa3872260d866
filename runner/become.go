package runner

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/transport"
)

// becomeHost runs every command as root through doas or sudo, never
// interactively: a host that would ask for a password fails the step with
// a message that says so, instead of hanging.
//
// The command travels in a here-document rather than as an argument, so
// that it never shows in the host's process list under doas or sudo.
type becomeHost struct {
	hostcmd.Host
	method string // inventory.BecomeDoas or inventory.BecomeSudo
}

// BecomeHost wraps a connection so that its commands run as root.
func BecomeHost(h hostcmd.Host, method string) hostcmd.Host {
	if method == "" {
		method = inventory.BecomeDoas
	}
	return &becomeHost{Host: h, method: method}
}

func (b *becomeHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	wrapped, err := becomeCommand(b.method, cmd)
	if err != nil {
		return hostcmd.Output{}, err
	}
	out, err := b.Host.Run(ctx, wrapped)
	if err != nil || out.ExitCode == 0 {
		return out, err
	}
	if why := refusedBecome(b.method, out.Stderr); why != "" {
		return out, &BecomeError{Method: b.method, Why: why}
	}
	return out, nil
}

// Stream runs cmd as root and hands its standard output to w as it
// comes, uncapped, where the connection can (transport.Streamer); on a
// connection that cannot, the output goes through Run and its cap.
func (b *becomeHost) Stream(ctx context.Context, cmd string, w io.Writer) (hostcmd.Output, error) {
	st, ok := b.Host.(transport.Streamer)
	if !ok {
		out, err := b.Run(ctx, cmd)
		if err == nil {
			_, err = io.WriteString(w, out.Stdout)
			out.Stdout = ""
		}
		return out, err
	}
	wrapped, err := becomeCommand(b.method, cmd)
	if err != nil {
		return hostcmd.Output{}, err
	}
	out, err := st.Stream(ctx, wrapped, w)
	if err != nil || out.ExitCode == 0 {
		return out, err
	}
	if why := refusedBecome(b.method, out.Stderr); why != "" {
		return out, &BecomeError{Method: b.method, Why: why}
	}
	return out, nil
}

var _ transport.Streamer = (*becomeHost)(nil)

// becomeCommand builds the shell text that runs cmd as root.
func becomeCommand(method, cmd string) (string, error) {
	tool, err := becomeTool(method)
	if err != nil {
		return "", err
	}
	var b [9]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("making a here-document delimiter: %w", err)
	}
	delim := "SB_BECOME_" + hex.EncodeToString(b[:])
	// A login that is root already (a uid-0 account of another name, say)
	// needs no doas or sudo, which may not even be installed.
	return fmt.Sprintf("sb_become='%s'; [ \"$(id -u)\" -eq 0 ] && sb_become=\n$sb_become /bin/sh -c 'eval \"$(cat)\"' <<'%s'\n%s\n%s",
		tool, delim, cmd, delim), nil
}

// becomeTool is the non-interactive command line of a become method.
func becomeTool(method string) (string, error) {
	switch method {
	case inventory.BecomeDoas:
		return "doas -n", nil
	case inventory.BecomeSudo:
		return "sudo -n -H --", nil
	}
	return "", fmt.Errorf("become method %q is not supported (doas or sudo)", method)
}

// becomeArgument runs script as root with the script as an argument of
// doas or sudo rather than on its stdin, for the one script that needs
// the session's stdin (the host lock, which holds until it closes) and
// carries nothing secret.
func becomeArgument(method, script string) (string, error) {
	if method == "" {
		method = inventory.BecomeDoas
	}
	tool, err := becomeTool(method)
	if err != nil {
		return "", err
	}
	q := shell.Quote(script)
	return fmt.Sprintf("if [ \"$(id -u)\" -eq 0 ]; then exec /bin/sh -c %s; fi\nexec %s /bin/sh -c %s", q, tool, q), nil
}

// refusedBecome recognises doas and sudo refusing to run without a
// password, or at all, from their messages.
func refusedBecome(method, stderr string) string {
	switch {
	case method == inventory.BecomeDoas && strings.Contains(stderr, "doas: Authentication required"):
		return "doas wants a password; give the login user a 'permit nopass' rule in /etc/doas.conf"
	case method == inventory.BecomeDoas && strings.Contains(stderr, "doas: Operation not permitted"):
		return "/etc/doas.conf does not permit the login user to run commands as root"
	case method == inventory.BecomeDoas && strings.Contains(stderr, "doas: not found"):
		return "doas is not installed on the host (apk add doas), or use become_method = \"sudo\""
	case method == inventory.BecomeSudo && strings.Contains(stderr, "sudo: a password is required"):
		return "sudo wants a password; give the login user a NOPASSWD rule in /etc/sudoers"
	case method == inventory.BecomeSudo && strings.Contains(stderr, "is not in the sudoers file"):
		return "the login user is not in /etc/sudoers"
	case method == inventory.BecomeSudo && strings.Contains(stderr, "sudo: not found"):
		return "sudo is not installed on the host, or use become_method = \"doas\""
	}
	return ""
}

// BecomeError says doas or sudo refused to run a command as root.
type BecomeError struct {
	Method, Why string
}

func (e *BecomeError) Error() string {
	return "become with " + e.Method + " failed: " + e.Why
}

// Unwrap returns the connection behind the become.
func (b *becomeHost) Unwrap() hostcmd.Host { return b.Host }

// SendFile declines: SFTP writes as the login user, who cannot write the
// root-owned temporary file a step made, so the bytes go through the
// shell, as root, instead.
func (b *becomeHost) SendFile(context.Context, string, []byte) error {
	return hostcmd.ErrNoFileTransfer
}

// hostFor is the host as a step sees it: as root when the host (or the
// step, overriding it) says become.
func (h *hostRun) hostFor(st *playbooks.Step) hostcmd.Host {
	become := h.host.Become
	if st != nil && st.Meta.Become != nil {
		become = *st.Meta.Become
	}
	if !become || h.conn == nil {
		return h.conn
	}
	return BecomeHost(h.conn, h.host.BecomeMethod)
}
