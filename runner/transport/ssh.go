package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/modules/hostcmd"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// SSHOptions configures the SSH transport. Zero values mean "not given
// on the command line": the inventory, then ssh_config, then defaults
// decide.
type SSHOptions struct {
	// Config is the operator's ssh_config; nil for none.
	Config *SSHConfig
	// KnownHostsFile overrides every host's known_hosts (--known-hosts).
	KnownHostsFile string
	// DefaultKnownHosts is used when neither the flag nor ssh_config
	// names one; empty means ~/.ssh/known_hosts.
	DefaultKnownHosts string
	// HostKeyMode overrides StrictHostKeyChecking (--host-key-check).
	HostKeyMode    HostKeyMode
	ConnectTimeout time.Duration
	// Keepalive is the interval of keepalive@openssh.com requests; the
	// connection is declared dead after KeepaliveMax unanswered ones.
	Keepalive    time.Duration
	KeepaliveMax int
	// MaxSessions bounds the sessions open at once on one connection
	// (sshd's MaxSessions, 10 by default).
	MaxSessions int
	// JumpHandshakes bounds the connections being set up at once through
	// one jump host, below sshd's MaxStartups (10 by default).
	JumpHandshakes int
	// AgentSocket is the ssh-agent socket ($SSH_AUTH_SOCK); empty for none.
	AgentSocket string
	// DefaultIdentities are tried when a host names no identity file.
	DefaultIdentities []string
	// Passphrase returns the passphrase of an encrypted key file; nil when
	// no one can give one.
	Passphrase func(keyFile string) ([]byte, error)
	// Warn receives warnings about the configuration (once each).
	Warn func(string)
}

// SSH dials hosts with golang.org/x/crypto/ssh. Jump hosts are connected
// once and shared by every host behind them until Close.
type SSH struct {
	opts  SSHOptions
	agent agent.ExtendedAgent

	mu       sync.Mutex
	signers  map[string][]ssh.Signer // by identity file, read once per run
	hostKeys map[string]*hostKeys    // by known_hosts files and mode
	jumps    map[string]*jumpHost    // by the chain of hops that reaches them
	warned   map[string]bool
	locked   map[string]bool // encrypted key files skipped for want of a passphrase
}

var _ Dialer = (*SSH)(nil)

// NewSSH prepares the transport: it connects to the agent once, not once
// per host.
func NewSSH(opts SSHOptions) (*SSH, error) {
	if opts.DefaultKnownHosts == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, fmt.Errorf("finding ~/.ssh/known_hosts: %w; pass --known-hosts FILE", err)
		}
		opts.DefaultKnownHosts = filepath.Join(home, ".ssh", "known_hosts")
	}
	if opts.MaxSessions <= 0 {
		opts.MaxSessions = DefaultMaxSessions
	}
	if opts.JumpHandshakes <= 0 {
		opts.JumpHandshakes = DefaultJumpHandshakes
	}
	s := &SSH{opts: opts, signers: map[string][]ssh.Signer{}, hostKeys: map[string]*hostKeys{},
		jumps: map[string]*jumpHost{}, warned: map[string]bool{}, locked: map[string]bool{}}
	if opts.AgentSocket != "" {
		conn, err := net.Dial("unix", opts.AgentSocket)
		if err != nil {
			return nil, fmt.Errorf("connecting to ssh-agent at %s (SSH_AUTH_SOCK): %w", opts.AgentSocket, err)
		}
		s.agent = agent.NewClient(conn)
	}
	// A missing --known-hosts file is said before any host is tried,
	// unless first-seen keys may be recorded in it.
	if opts.KnownHostsFile != "" && opts.HostKeyMode != AcceptNew {
		if _, err := newHostKeys([]string{opts.KnownHostsFile}, Strict); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *SSH) warnOnce(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.warned[msg] || s.opts.Warn == nil {
		return
	}
	s.warned[msg] = true
	s.opts.Warn(msg)
}

// keysFor returns the host key checker of a set of known_hosts files.
func (s *SSH) keysFor(files []string, mode HostKeyMode, hash bool) (*hostKeys, error) {
	key := fmt.Sprint(mode, hash) + "\x00" + strings.Join(files, "\x00")
	s.mu.Lock()
	defer s.mu.Unlock()
	if hk, ok := s.hostKeys[key]; ok {
		return hk, nil
	}
	hk, err := newHostKeys(files, mode)
	if err != nil {
		return nil, err
	}
	hk.hash = hash
	s.hostKeys[key] = hk
	return hk, nil
}

// DefaultIdentityFiles are the keys OpenSSH's client tries by default.
func DefaultIdentityFiles() []string {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	var files []string
	for _, name := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
		files = append(files, filepath.Join(home, ".ssh", name))
	}
	return files
}

// Dial opens the one connection a run uses for a host, through its jump
// hosts if it has any.
func (s *SSH) Dial(ctx context.Context, t Target) (Conn, error) {
	unreachable := func(err error) error { return &UnreachableError{Host: t.Name, Err: err} }
	e, err := s.resolve(t)
	if err != nil {
		return nil, unreachable(err)
	}
	var via *jumpHost
	for _, hop := range e.jumps {
		if via, err = s.jumpHost(ctx, hop, via); err != nil {
			return nil, unreachable(err)
		}
	}
	c, err := s.connect(ctx, e, via)
	if err != nil {
		return nil, unreachable(err)
	}
	return &sshConn{name: t.Name, client: c.client, alive: c.alive, sessions: make(chan struct{}, s.opts.MaxSessions),
		connState: connState{ready: make(chan *readySession, readyDepth)}}, nil
}

// Close closes the connections to jump hosts. Connections returned by
// Dial are closed by their own Close.
func (s *SSH) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for k, j := range s.jumps {
		if j.conn != nil {
			if err := j.conn.client.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
				errs = append(errs, err)
			}
		}
		delete(s.jumps, k)
	}
	return errors.Join(errs...)
}

// client is an SSH connection with its keepalive watch.
type client struct {
	client *ssh.Client
	alive  *keepalive
	done   chan struct{} // closed when the connection is gone
}

func newClient(c *ssh.Client, interval time.Duration, max int) *client {
	done := make(chan struct{})
	go func() {
		_ = c.Wait()
		close(done)
	}()
	return &client{client: c, alive: watch(c, interval, max, done), done: done}
}

func (c *client) closed() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// connect logs in to e, over TCP or through the jump host via.
func (s *SSH) connect(ctx context.Context, e endpoint, via *jumpHost) (*client, error) {
	auth, err := s.authMethods(e)
	if err != nil {
		return nil, err
	}
	keys, err := s.keysFor(e.knownHosts, e.mode, e.hashKnownHosts)
	if err != nil {
		return nil, err
	}
	hostport := e.hostport()
	cfg := &ssh.ClientConfig{
		User:              e.user,
		Auth:              auth,
		HostKeyCallback:   keys.callback(e.name),
		HostKeyAlgorithms: keys.algorithms(hostport),
		Timeout:           e.connectTimeout,
	}
	route := ""
	if via != nil {
		route = " via jump host " + via.name
	}

	// Waiting for a handshake slot does not count against the connect
	// timeout: hosts queued behind a busy bastion are not unreachable.
	if via != nil {
		release, err := via.handshakeSlot(ctx)
		if err != nil {
			return nil, fmt.Errorf("waiting to connect to %s%s: %w", hostport, route, err)
		}
		defer release()
	}
	dialCtx, cancel := context.WithTimeout(ctx, e.connectTimeout)
	defer cancel()
	var nc net.Conn
	if via == nil {
		var d net.Dialer
		nc, err = d.DialContext(dialCtx, "tcp", hostport)
	} else {
		nc, err = via.conn.client.DialContext(dialCtx, "tcp", hostport)
		if err != nil {
			err = fmt.Errorf("jump host %s could not open a connection to %s: %w", via.name, hostport, err)
		}
	}
	if err != nil {
		return nil, err // "dial tcp ADDR: connect: connection refused" says it all
	}
	// The handshake gets the same bound as the TCP connect: a host that
	// accepts but never answers must not stall the run. Channels through
	// a jump host have no deadlines, so the bound closes the connection.
	type result struct {
		c     ssh.Conn
		chans <-chan ssh.NewChannel
		reqs  <-chan *ssh.Request
		err   error
	}
	done := make(chan result, 1)
	go func() {
		c, chans, reqs, err := ssh.NewClientConn(nc, hostport, cfg)
		done <- result{c, chans, reqs, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-dialCtx.Done():
		nc.Close()
		r = <-done
		r.err = fmt.Errorf("no SSH handshake within %s", e.connectTimeout)
	}
	if r.err != nil {
		nc.Close()
		return nil, fmt.Errorf("ssh to %s@%s%s: %w", e.user, hostport, route, r.err)
	}
	c := ssh.NewClient(r.c, r.chans, r.reqs)
	return newClient(c, e.keepalive, e.keepaliveMax), nil
}

// maxOutput bounds what is kept of one command's stdout or stderr.
const maxOutput = 8 << 20

type sshConn struct {
	name     string
	client   *ssh.Client
	alive    *keepalive
	sessions chan struct{} // one token per open session, up to MaxSessions
	connState
	files fileChannel // SFTP, opened on first use (sftp.go)
}

// lost explains why the connection went away: keepalives unanswered, or
// err as it came.
func (c *sshConn) lost(what string, err error) error {
	if dead := c.alive.err(); dead != nil {
		err = dead
	}
	return &UnreachableError{Host: c.name, Err: fmt.Errorf("%s: %w", what, err)}
}

// Run executes cmd with the host's /bin/sh (see remoteCommand), in a
// session of its own on the connection that is already open: the ready
// session when there is one (ready.go), else a new one.
//
// sshd makes each session's shell a session and process-group leader, so
// the shell's pid names every process the command starts. The command is
// prefixed with a line that reports that pid on stderr; on timeout or
// cancellation the whole group is killed, so a timed-out step does not
// carry on behind the operator's back.
func (c *sshConn) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	rs, err := c.session(ctx)
	if err != nil {
		return hostcmd.Output{}, err
	}
	defer func() { <-c.sessions }()
	defer rs.sess.Close()
	if c.warm.Load() {
		c.fill(readyDepth) // the next command's session, while this one runs
	}
	rs.send(reportGroup + cmd)

	select {
	case err = <-rs.waited:
	case <-ctx.Done():
		c.killGroup(rs.group.awaitPgid(killGrace))
		rs.sess.Close()
		select {
		case <-rs.waited:
		case <-time.After(killGrace):
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return hostcmd.Output{}, fmt.Errorf("command timed out: %w", ctx.Err())
		}
		return hostcmd.Output{}, ctx.Err()
	}

	out := hostcmd.Output{Stdout: rs.stdout.String(), Stderr: rs.stderr.String()}
	var exit *ssh.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		out.ExitCode = exit.ExitStatus()
		if exit.Signal() != "" {
			out.ExitCode = -1 // no exit status: the command died of a signal
			out.Stderr += "\n(killed by signal " + exit.Signal() + ")"
		}
	default:
		return out, c.lost("connection lost while running a command", err)
	}
	return out, nil
}

// session returns a started session for one command, holding a session
// token: a ready one if it is still alive, else a new one.
func (c *sshConn) session(ctx context.Context) (*readySession, error) {
	rs, err := c.claim(ctx)
	if err != nil {
		return nil, err
	}
	if rs != nil && !rs.ended() {
		return rs, nil
	}
	if rs != nil {
		rs.sess.Close() // gone while it waited; its token serves a new one
	}
	if rs, err = c.openSession(ctx); err != nil {
		<-c.sessions
		return nil, err
	}
	return rs, nil
}

// claim waits for a ready session or a free session token; a nil session
// means a token was taken for a new one. While a ready session is being
// started, the command waits for it rather than take a token: it comes
// sooner than a session started now would. Another command may take it,
// so the command looks again after startingPatience.
func (c *sshConn) claim(ctx context.Context) (*readySession, error) {
	for {
		select { // a ready session first: select picks at random among cases
		case rs := <-c.ready:
			if rs != nil {
				return rs, nil
			}
			continue // one failed to start; its token is free
		default:
		}
		c.mu.Lock()
		starting := c.starting > 0
		c.mu.Unlock()
		tokens, patience := c.sessions, (<-chan time.Time)(nil)
		if starting {
			tokens, patience = nil, time.After(startingPatience)
		}
		select {
		case rs := <-c.ready:
			if rs != nil {
				return rs, nil
			}
		case tokens <- struct{}{}:
			return nil, nil
		case <-patience:
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for a free session on the connection: %w", ctx.Err())
		}
	}
}

// startingPatience is how long a command waits for a session being
// started before it looks again for a ready one or a free token.
const startingPatience = 50 * time.Millisecond

// openSession starts a session for a command, waiting a moment when
// sshd refuses one: sshd frees a session's slot a little after the
// channel closed, so the session that follows may briefly find
// MaxSessions still reached.
func (c *sshConn) openSession(ctx context.Context) (*readySession, error) {
	c.cold.Add(1)
	var open *ssh.OpenChannelError
	for wait := 10 * time.Millisecond; ; wait *= 2 {
		rs, err := c.startSession()
		if err == nil {
			return rs, nil
		}
		if !errors.As(err, &open) || open.Reason != ssh.ConnectionFailed || wait > 500*time.Millisecond {
			return nil, c.lost("starting a command", err)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, c.lost("starting a command", err)
		}
	}
}

// killGrace bounds how long a cancelled command may take to go away.
const killGrace = 2 * time.Second

// reportGroup is the line every command starts with; groupSniffer reads
// it back off stderr.
const (
	groupMarker = "switchback-pgid "
	reportGroup = "printf '" + groupMarker + "%s\\n' \"$$\" >&2\n"
)

// killGroup kills a command's process group through a second session on
// the same connection, bounded in time in case the host is hanging.
func (c *sshConn) killGroup(pgid int) {
	if pgid <= 1 {
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if s, err := c.client.NewSession(); err == nil {
			_ = s.Run("kill -9 -" + strconv.Itoa(pgid) + " 2>/dev/null")
			s.Close()
		}
	}()
	select {
	case <-done:
	case <-time.After(killGrace):
	}
}

// groupSniffer takes the process-group line off the front of stderr and
// passes everything else on untouched.
type groupSniffer struct {
	mu    sync.Mutex
	head  []byte
	done  bool
	group int
	rest  io.Writer
}

func (g *groupSniffer) Write(p []byte) (int, error) {
	n := len(p)
	g.mu.Lock()
	if !g.done {
		i := bytes.IndexByte(p, '\n')
		if i < 0 && len(g.head)+len(p) <= 64 {
			g.head = append(g.head, p...)
			g.mu.Unlock()
			return n, nil
		}
		g.done = true
		line := append(g.head, p...)
		if i >= 0 {
			line = append(g.head, p[:i+1]...)
			p = p[i+1:]
		} else {
			p = nil
		}
		if pid, ok := strings.CutPrefix(strings.TrimSuffix(string(line), "\n"), groupMarker); ok {
			g.group, _ = strconv.Atoi(pid)
		} else {
			p = append(line, p...) // not our line: keep it
		}
	}
	g.mu.Unlock()
	if len(p) > 0 {
		_, _ = g.rest.Write(p)
	}
	return n, nil
}

func (g *groupSniffer) pgid() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.group
}

// awaitPgid is the command's process group, waiting up to d for the line
// that reports it: a command cancelled right after it was sent (or on a
// host too busy to have started it yet) may not have printed it, and
// killing nothing would leave the command running.
func (g *groupSniffer) awaitPgid(d time.Duration) int {
	deadline := time.Now().Add(d)
	for {
		g.mu.Lock()
		group, done := g.group, g.done
		g.mu.Unlock()
		if group != 0 || done || !time.Now().Before(deadline) {
			return group
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *sshConn) Close() error {
	c.closed.Store(true)
	c.dropReady()
	c.files.close()
	return c.client.Close()
}

// cappedBuffer keeps the first maxOutput bytes and counts the rest, so a
// host printing without end cannot exhaust the controller's memory.
type cappedBuffer struct {
	buf     []byte
	dropped int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	room := maxOutput - len(b.buf)
	if room >= len(p) {
		b.buf = append(b.buf, p...)
	} else {
		if room > 0 {
			b.buf = append(b.buf, p[:room]...)
		}
		b.dropped += len(p) - max(room, 0)
	}
	return len(p), nil
}

func (b *cappedBuffer) String() string {
	if b.dropped > 0 {
		return string(b.buf) + fmt.Sprintf("\n[... %d more bytes not kept]", b.dropped)
	}
	return string(b.buf)
}

var _ io.Writer = (*cappedBuffer)(nil)
