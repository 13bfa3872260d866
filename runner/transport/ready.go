package transport

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/ssh"
)

// Ready sessions. A command in a fresh session costs three round trips
// before its output can come back: the channel is opened, the fixed
// command (remoteCommand) is started, and only then does the script go.
// Neither of the first two depends on the script, so once a host is
// being changed, the connection keeps sessions ready ahead of time:
// opened, their fixed command already running and waiting for a script
// on stdin. A command then costs one round trip. Until Warm is called,
// at most the one session asked for by Prepare is started ahead: a run
// that finds nothing to change starts no session it does not use.

// Warmer is a connection that can start sessions ahead of its commands.
type Warmer interface {
	// Prepare starts one session for the next command, so that it is
	// ready when the command comes (the runner prepares the checks'
	// session while the host is being locked).
	Prepare()
	// Warm keeps sessions ready ahead of every command from now on; the
	// runner warms a connection when it starts changing the host.
	Warm()
}

var _ Warmer = (*sshConn)(nil)

// readySession is a session whose fixed command runs on the host, waiting
// for a script ending with "#switchback-end token".
type readySession struct {
	sess   *ssh.Session
	stdin  io.WriteCloser
	token  string
	stdout *cappedBuffer
	stderr *cappedBuffer
	group  *groupSniffer
	waited chan error // the session's end, once
}

// startSession opens a session and starts the fixed command in it. The
// caller holds one of the connection's session tokens for it.
func (c *sshConn) startSession() (*readySession, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("making a script token: %w", err)
	}
	sess, err := c.client.NewSession()
	if err != nil {
		return nil, err
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		sess.Close()
		return nil, err
	}
	rs := &readySession{sess: sess, stdin: stdin, token: hex.EncodeToString(b[:]),
		stdout: &cappedBuffer{}, stderr: &cappedBuffer{}, waited: make(chan error, 1)}
	rs.group = &groupSniffer{rest: rs.stderr}
	sess.Stdout, sess.Stderr = rs.stdout, rs.group
	if err := sess.Start(remoteCommand(rs.token)); err != nil {
		sess.Close()
		return nil, err
	}
	go func() { rs.waited <- sess.Wait() }()
	return rs, nil
}

// send hands the session its script; the write happens in the background
// so that a large script cannot block a cancellation.
func (rs *readySession) send(script string) {
	go func() {
		_, _ = io.WriteString(rs.stdin, script+"\n#switchback-end "+rs.token+"\n")
		rs.stdin.Close()
	}()
}

// ended says whether the session ended before it was given a script
// (the host killed it, or the connection went), which makes it unusable.
func (rs *readySession) ended() bool {
	select {
	case err := <-rs.waited:
		rs.waited <- err
		return true
	default:
		return false
	}
}

// readyDepth is how many sessions a warm connection keeps ready. Making
// one takes two round trips and a command takes one, so with two ready
// a command never waits for its session; a third would only sit idle.
const readyDepth = 2

// Prepare starts a session ahead of the next command, if none is ready.
func (c *sshConn) Prepare() { c.fill(1) }

// Warm makes the connection keep sessions ready from now on: each
// command tops them up as it takes one.
func (c *sshConn) Warm() {
	if c.warm.CompareAndSwap(false, true) {
		c.fill(readyDepth)
	}
}

// fill starts ready sessions up to depth, as far as session tokens are
// free: a ready session never takes a running command's place. It does
// not wait: the sessions start in the background.
func (c *sshConn) fill(depth int) {
	for !c.closed.Load() {
		c.mu.Lock()
		if len(c.ready)+c.starting >= depth {
			c.mu.Unlock()
			return
		}
		select {
		case c.sessions <- struct{}{}:
		default:
			c.mu.Unlock()
			return
		}
		c.starting++
		c.mu.Unlock()
		go c.prepareSession()
	}
}

// prepareSession starts one ready session with a token already taken.
func (c *sshConn) prepareSession() {
	rs, err := c.startSession()
	if err != nil {
		rs = nil     // a command waiting for it opens its own, and says what is wrong
		<-c.sessions // a failed start holds no token
	}
	c.mu.Lock()
	c.starting--
	c.ready <- rs // room was counted while starting
	c.mu.Unlock()
	if c.closed.Load() {
		c.dropReady()
	}
}

// dropReady closes the ready sessions and frees their tokens.
func (c *sshConn) dropReady() {
	for {
		select {
		case rs := <-c.ready:
			if rs != nil {
				rs.sess.Close()
				<-c.sessions
			}
		default:
			return
		}
	}
}

// connState is what the ready sessions add to a connection.
type connState struct {
	// ready holds up to readyDepth started sessions, each with a session
	// token, or nil for one that failed to start (and holds none).
	ready    chan *readySession
	warm     atomic.Bool
	closed   atomic.Bool
	mu       sync.Mutex // guards starting, and the count of ready with it
	starting int
	// cold counts the sessions a command had to start on its way.
	cold atomic.Int64
}
