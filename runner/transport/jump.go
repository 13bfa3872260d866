package transport

import (
	"context"
	"fmt"
	"sync"
)

// jumpHost is a connection to a bastion, shared by every host reached
// through it, so that a run opens one connection per jump host however
// many hosts stand behind it.
type jumpHost struct {
	name string // as written in ProxyJump or the inventory
	key  string // user@host:port of every hop up to this one

	mu   sync.Mutex // held while connecting, so hosts behind wait for one dial
	conn *client
	// handshakes bounds the connections being set up through this jump
	// host at once: a wave of hundreds of hosts would otherwise open
	// hundreds of channels and handshakes in the same instant.
	handshakes chan struct{}
}

// handshakeSlot waits for a free handshake slot.
func (j *jumpHost) handshakeSlot(ctx context.Context) (release func(), err error) {
	select {
	case j.handshakes <- struct{}{}:
		return func() { <-j.handshakes }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// jumpHost returns the connection to hop, reached through via (nil for
// the first hop), opening it on first use and again if it was lost.
// Jump hosts are told apart by where they lead (user, address, port and
// the hops before), so a bastion named by its ssh_config alias in one
// place and by its address in another is still one connection.
func (s *SSH) jumpHost(ctx context.Context, hop string, via *jumpHost) (*jumpHost, error) {
	user, host, port, err := parseHop(hop)
	if err != nil {
		return nil, err
	}
	e, err := s.resolveAlias("jump host "+hop, host, user, port)
	if err != nil {
		return nil, fmt.Errorf("jump host %s: %w", hop, err)
	}
	key := e.user + "@" + e.hostport()
	if via != nil {
		key = via.key + "," + key
	}
	s.mu.Lock()
	j, ok := s.jumps[key]
	if !ok {
		j = &jumpHost{name: hop, key: key, handshakes: make(chan struct{}, s.opts.JumpHandshakes)}
		s.jumps[key] = j
	}
	s.mu.Unlock()

	j.mu.Lock()
	defer j.mu.Unlock()
	if j.conn != nil && !j.conn.closed() {
		return j, nil
	}
	c, err := s.connect(ctx, e, via)
	if err != nil {
		return nil, fmt.Errorf("jump host %s: %w", hop, err)
	}
	j.conn = c
	return j, nil
}
