package transport

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"
)

// Holder is a connection that can keep a command running on the host for
// as long as the connection lives: what holds a lock on the host.
type Holder interface {
	// Hold starts script and reads its stdout until the script prints
	// ready on a line of its own. The script then keeps running, with its stdin open, until
	// release is called or the connection ends: a script that ends with
	// a command reading stdin (cat) ends with the controller, even one
	// killed with SIGKILL. When the script exits before it is ready,
	// Hold returns its output as the error.
	Hold(ctx context.Context, script, ready string) (release func(), err error)
}

var _ Holder = (*sshConn)(nil)

func (c *sshConn) Hold(ctx context.Context, script, ready string) (func(), error) {
	sess, err := c.client.NewSession()
	if err != nil {
		return nil, &UnreachableError{Host: c.name, Err: fmt.Errorf("opening a session: %w", err)}
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		sess.Close()
		return nil, fmt.Errorf("opening stdin of a session: %w", err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		sess.Close()
		return nil, fmt.Errorf("opening stdout of a session: %w", err)
	}
	var stderr cappedBuffer
	sess.Stderr = &stderr
	// The script goes as the exec string here: its stdin is what keeps
	// it alive, so it cannot also carry the script. It holds no secret.
	if err := sess.Start(script); err != nil {
		sess.Close()
		return nil, &UnreachableError{Host: c.name, Err: fmt.Errorf("starting a command: %w", err)}
	}
	// end closes the script's stdin and waits (bounded) for it to exit;
	// it says whether the script ended with an exit status of its own,
	// as opposed to a lost connection.
	end := func() (exited bool) {
		stdin.Close()
		waited := make(chan error, 1)
		go func() { waited <- sess.Wait() }()
		select {
		case err := <-waited:
			var exit *ssh.ExitError
			exited = err == nil || errors.As(err, &exit)
		case <-time.After(killGrace):
		}
		sess.Close()
		return exited
	}
	release := func() { end() }
	// The reader passes lines on until ready, then drains the pipe so
	// that the script never blocks on a full one.
	lines := make(chan string)
	isReady := make(chan struct{})
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		sc := bufio.NewScanner(io.LimitReader(stdout, maxOutput))
		for sc.Scan() {
			if sc.Text() == ready {
				close(isReady)
				_, _ = io.Copy(io.Discard, stdout)
				return
			}
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	var seen []string
	for {
		select {
		case <-isReady:
			return release, nil
		case line := <-lines:
			seen = append(seen, line)
		case <-readDone:
			if !end() { // end waits for the session, so stderr is complete
				return nil, &UnreachableError{Host: c.name, Err: errors.New("connection lost while locking the host")}
			}
			msg := strings.TrimSpace(strings.Join(seen, "\n") + "\n" + stderr.String())
			return nil, errors.New(msg)
		case <-ctx.Done():
			release()
			return nil, ctx.Err()
		}
	}
}
