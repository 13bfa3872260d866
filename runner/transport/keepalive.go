package transport

import (
	"fmt"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
)

// keepalive watches a connection the way OpenSSH's ServerAliveInterval
// does: a keepalive@openssh.com request every interval, and the
// connection closed once max of them in a row went unanswered. A host
// that hangs (or a network that drops everything) is then reported
// within interval×max instead of when TCP gives up, minutes later.
type keepalive struct {
	mu   sync.Mutex
	dead error
}

// watch starts the keepalive of c until closed; interval 0 turns it off.
func watch(c *ssh.Client, interval time.Duration, max int, closed <-chan struct{}) *keepalive {
	k := &keepalive{}
	if interval <= 0 {
		return k
	}
	go k.run(c, interval, max, closed)
	return k
}

func (k *keepalive) run(c *ssh.Client, interval time.Duration, max int, closed <-chan struct{}) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	answered := make(chan struct{}, 1)
	inFlight, misses := false, 0
	for {
		select {
		case <-closed:
			return
		case <-answered:
			inFlight, misses = false, 0
			continue
		case <-ticker.C:
		}
		if inFlight {
			misses++
			if misses >= max {
				k.mu.Lock()
				k.dead = fmt.Errorf("no answer to %d keepalives sent every %s: the host or the network is hanging", misses, interval)
				k.mu.Unlock()
				c.Close()
				return
			}
			continue // one request at a time: its answer resets the count
		}
		inFlight = true
		go func() {
			// The reply (even a refusal) proves the peer is alive.
			if _, _, err := c.SendRequest("keepalive@openssh.com", true, nil); err == nil {
				answered <- struct{}{}
			}
		}()
	}
}

// err says why the connection was closed by the keepalive, or nil.
func (k *keepalive) err() error {
	if k == nil {
		return nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.dead
}
