// Package hostcmd is the contract between what runs commands on a host
// (the SSH transport, a local shell, the engine's probes and wrappers)
// and what sends them (step types, snapshot providers, scans, drills).
// It is a leaf: it imports nothing of switchback's and nothing beyond the
// standard library, so that the transport, snapshots and scans build
// without the step types and what they need (HCL, the bash parser).
package hostcmd

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Host runs shell commands on a target. The command line is read by the
// host's /bin/sh (BusyBox ash on Alpine), so callers quote every argument
// (internal/shell) and never rely on bash.
type Host interface {
	Run(ctx context.Context, cmd string) (Output, error)
}

// Output is what a command printed and how it exited. A non-zero exit is
// not an error of Run: errors are reserved for the transport, so that the
// runner can tell a failing step from an unreachable host.
type Output struct {
	Stdout   string
	Stderr   string
	ExitCode int
}

// FileSender is implemented by hosts that can write bytes into a file
// directly (the SSH transport does, over SFTP). Whole-file steps use it
// for large content; with a host that lacks it, the bytes go through the
// shell base64-encoded, which BusyBox decodes.
type FileSender interface {
	// SendFile writes data into the existing file path, truncating it;
	// the file keeps its mode and owner. ErrNoFileTransfer means the host
	// offers no file transfer at all, and the shell is used instead.
	SendFile(ctx context.Context, path string, data []byte) error
}

// ErrNoFileTransfer is returned by a FileSender whose host refused the
// file transfer channel (an sshd without an SFTP subsystem), and by
// SendFile for a host that is no FileSender.
var ErrNoFileTransfer = errors.New("the host offers no file transfer (no SFTP subsystem)")

// SendFile sends a file through h when h can, so that hosts wrapping
// others pass file transfers on instead of hiding them.
func SendFile(ctx context.Context, h Host, path string, data []byte) error {
	if fs, ok := h.(FileSender); ok {
		return fs.SendFile(ctx, path, data)
	}
	return ErrNoFileTransfer
}

// Error is a command that ran and failed, with the output that explains
// it: a failed step, a snapshot the host refused.
type Error struct {
	Msg    string
	Output Output
}

func (e *Error) Error() string {
	detail := LastLines(e.Output.Stderr, 5)
	if detail == "" {
		detail = LastLines(e.Output.Stdout, 5)
	}
	if detail == "" {
		return fmt.Sprintf("%s (exit %d)", e.Msg, e.Output.ExitCode)
	}
	return fmt.Sprintf("%s (exit %d): %s", e.Msg, e.Output.ExitCode, detail)
}

// LastLines keeps the last n lines of command output, where the reason
// for a failure usually is, and drops the rest.
func LastLines(s string, n int) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
