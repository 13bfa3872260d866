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

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/switchbackhq/switchback/modules"
)

// SSHOptions configures the SSH transport.
type SSHOptions struct {
	KnownHostsFile string
	HostKeyMode    HostKeyMode
	ConnectTimeout time.Duration
	// AgentSocket is the ssh-agent socket ($SSH_AUTH_SOCK); empty for none.
	AgentSocket string
	// DefaultIdentities are tried when a host names no identity file.
	DefaultIdentities []string
}

// SSH dials hosts with golang.org/x/crypto/ssh.
type SSH struct {
	opts  SSHOptions
	keys  *hostKeys
	agent agent.ExtendedAgent

	mu      sync.Mutex
	signers map[string][]ssh.Signer // by identity file, read once per run
}

var _ Dialer = (*SSH)(nil)

// NewSSH prepares the transport: it reads known_hosts and connects to the
// agent once, not once per host.
func NewSSH(opts SSHOptions) (*SSH, error) {
	if opts.HostKeyMode == "" {
		opts.HostKeyMode = Strict
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = 10 * time.Second
	}
	keys, err := newHostKeys(opts.KnownHostsFile, opts.HostKeyMode)
	if err != nil {
		return nil, err
	}
	s := &SSH{opts: opts, keys: keys, signers: map[string][]ssh.Signer{}}
	if opts.AgentSocket != "" {
		conn, err := net.Dial("unix", opts.AgentSocket)
		if err != nil {
			return nil, fmt.Errorf("connecting to ssh-agent at %s (SSH_AUTH_SOCK): %w", opts.AgentSocket, err)
		}
		s.agent = agent.NewClient(conn)
	}
	return s, nil
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

// Dial opens the one connection a run uses for a host.
func (s *SSH) Dial(ctx context.Context, t Target) (Conn, error) {
	unreachable := func(err error) error { return &UnreachableError{Host: t.Name, Err: err} }
	auth, err := s.authMethods(t)
	if err != nil {
		return nil, unreachable(err)
	}
	hostport := net.JoinHostPort(t.Address, strconv.Itoa(t.Port))
	cfg := &ssh.ClientConfig{
		User:              t.User,
		Auth:              auth,
		HostKeyCallback:   s.keys.callback(t.Name),
		HostKeyAlgorithms: s.keys.algorithms(hostport),
		Timeout:           s.opts.ConnectTimeout,
	}

	dialCtx, cancel := context.WithTimeout(ctx, s.opts.ConnectTimeout)
	defer cancel()
	var d net.Dialer
	tcp, err := d.DialContext(dialCtx, "tcp", hostport)
	if err != nil {
		return nil, unreachable(err) // "dial tcp ADDR: connect: connection refused" says it all
	}
	// The handshake gets the same bound as the TCP connect: a host that
	// accepts but never answers must not stall the run.
	deadline, _ := dialCtx.Deadline()
	_ = tcp.SetDeadline(deadline)
	c, chans, reqs, err := ssh.NewClientConn(tcp, hostport, cfg)
	if err != nil {
		tcp.Close()
		if errors.Is(err, os.ErrDeadlineExceeded) {
			err = fmt.Errorf("no SSH handshake within %s", s.opts.ConnectTimeout)
		}
		return nil, unreachable(fmt.Errorf("ssh to %s@%s: %w", t.User, hostport, err))
	}
	_ = tcp.SetDeadline(time.Time{})
	return &sshConn{name: t.Name, client: ssh.NewClient(c, chans, reqs)}, nil
}

func (s *SSH) authMethods(t Target) ([]ssh.AuthMethod, error) {
	var signers []ssh.Signer
	if t.IdentityFile != "" {
		keys, err := s.loadIdentity(t.IdentityFile, true)
		if err != nil {
			return nil, err
		}
		signers = append(signers, keys...)
	}
	if s.agent != nil {
		agentSigners, err := s.agent.Signers()
		if err != nil {
			return nil, fmt.Errorf("listing ssh-agent keys: %w", err)
		}
		signers = append(signers, agentSigners...)
	}
	if t.IdentityFile == "" {
		for _, f := range s.opts.DefaultIdentities {
			keys, _ := s.loadIdentity(f, false)
			signers = append(signers, keys...)
		}
	}
	if len(signers) == 0 {
		return nil, errors.New("no SSH key to log in with: set identity_file in the inventory, or load a key into ssh-agent")
	}
	return []ssh.AuthMethod{ssh.PublicKeys(signers...)}, nil
}

// loadIdentity reads a private key file once per run. A key that is
// protected by a passphrase is skipped when the agent can stand in.
func (s *SSH) loadIdentity(path string, required bool) ([]ssh.Signer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if signers, ok := s.signers[path]; ok {
		return signers, nil
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		if !required {
			s.signers[path] = nil
			return nil, nil
		}
		return nil, fmt.Errorf("reading identity file: %w", err)
	}
	signer, err := ssh.ParsePrivateKey(pem)
	var missing *ssh.PassphraseMissingError
	switch {
	case errors.As(err, &missing) && s.agent != nil:
		s.signers[path] = nil
		return nil, nil
	case errors.As(err, &missing):
		return nil, fmt.Errorf("identity file %s is protected by a passphrase: load it into ssh-agent with ssh-add %s", path, path)
	case err != nil:
		return nil, fmt.Errorf("identity file %s: %w", path, err)
	}
	s.signers[path] = []ssh.Signer{signer}
	return s.signers[path], nil
}

// maxOutput bounds what is kept of one command's stdout or stderr.
const maxOutput = 8 << 20

type sshConn struct {
	name   string
	client *ssh.Client
}

// Run executes cmd with the host's /bin/sh (see remoteCommand), in a new
// session on the connection that is already open.
//
// sshd makes each session's shell a session and process-group leader, so
// the shell's pid names every process the command starts. The command is
// prefixed with a line that reports that pid on stderr; on timeout or
// cancellation the whole group is killed, so a timed-out step does not
// carry on behind the operator's back.
func (c *sshConn) Run(ctx context.Context, cmd string) (modules.Output, error) {
	sess, err := c.client.NewSession()
	if err != nil {
		return modules.Output{}, &UnreachableError{Host: c.name, Err: fmt.Errorf("opening a session: %w", err)}
	}
	defer sess.Close()
	var stdout, stderr cappedBuffer
	group := &groupSniffer{rest: &stderr}
	sess.Stdout = &stdout
	sess.Stderr = group
	if err := startScript(sess, reportGroup+cmd); err != nil {
		return modules.Output{}, &UnreachableError{Host: c.name, Err: fmt.Errorf("starting a command: %w", err)}
	}
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()

	select {
	case err = <-done:
	case <-ctx.Done():
		c.killGroup(group.pgid())
		sess.Close()
		select {
		case <-done:
		case <-time.After(killGrace):
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return modules.Output{}, fmt.Errorf("command timed out: %w", ctx.Err())
		}
		return modules.Output{}, ctx.Err()
	}

	out := modules.Output{Stdout: stdout.String(), Stderr: stderr.String()}
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
		return out, &UnreachableError{Host: c.name, Err: fmt.Errorf("connection lost while running a command: %w", err)}
	}
	return out, nil
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

func (c *sshConn) Close() error { return c.client.Close() }

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
