package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/switchbackhq/switchback/modules/hostcmd"
	"golang.org/x/crypto/ssh"
)

// Streamer is a connection that can hand a command's stdout to a writer
// as it arrives, without the cap Run puts on output: for commands whose
// output is data (an archive of many files) rather than a message.
type Streamer interface {
	// Stream runs cmd like Run, but copies stdout to w as it comes; the
	// returned Output carries stderr (capped) and the exit code only.
	Stream(ctx context.Context, cmd string, w io.Writer) (hostcmd.Output, error)
}

var _ Streamer = (*sshConn)(nil)

// Stream runs cmd in a new session and copies its stdout to w. A write
// error of w (the reader gave up) ends the command like a cancellation.
func (c *sshConn) Stream(ctx context.Context, cmd string, w io.Writer) (hostcmd.Output, error) {
	sess, err := c.client.NewSession()
	if err != nil {
		return hostcmd.Output{}, &UnreachableError{Host: c.name, Err: fmt.Errorf("opening a session: %w", err)}
	}
	defer sess.Close()
	var stderr cappedBuffer
	group := &groupSniffer{rest: &stderr}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return hostcmd.Output{}, &UnreachableError{Host: c.name, Err: fmt.Errorf("opening a session: %w", err)}
	}
	sess.Stderr = group
	if err := sess.Start(reportGroup + cmd); err != nil {
		return hostcmd.Output{}, &UnreachableError{Host: c.name, Err: fmt.Errorf("starting a command: %w", err)}
	}
	copied := make(chan error, 1)
	go func() {
		_, err := io.Copy(w, stdout)
		copied <- err
	}()
	done := make(chan error, 1)
	go func() {
		// Wait only after stdout is drained: the session's exit status
		// may arrive before the last of the data has been read.
		if err := <-copied; err != nil {
			done <- fmt.Errorf("%w: %w", errStreamWrite, err)
			return
		}
		done <- sess.Wait()
	}()

	select {
	case err = <-done:
	case <-ctx.Done():
		c.killGroup(group.awaitPgid(killGrace))
		sess.Close()
		select {
		case <-done:
		case <-time.After(killGrace):
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return hostcmd.Output{}, fmt.Errorf("command timed out: %w", ctx.Err())
		}
		return hostcmd.Output{}, ctx.Err()
	}

	out := hostcmd.Output{Stderr: stderr.String()}
	var exit *ssh.ExitError
	switch {
	case err == nil:
	case errors.Is(err, errStreamWrite):
		c.killGroup(group.pgid())
		return out, err
	case errors.As(err, &exit):
		out.ExitCode = exit.ExitStatus()
		if exit.Signal() != "" {
			out.ExitCode = -1
			out.Stderr += "\n(killed by signal " + exit.Signal() + ")"
		}
	default:
		return out, &UnreachableError{Host: c.name, Err: fmt.Errorf("connection lost while running a command: %w", err)}
	}
	return out, nil
}

// errStreamWrite marks a stream the controller stopped reading: not the
// host's fault, so not an UnreachableError.
var errStreamWrite = errors.New("output not taken")
