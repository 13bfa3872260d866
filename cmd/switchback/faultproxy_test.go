package main

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// faultProxy is a TCP proxy between the runner and a host that slows the
// connection down, delays it, and resets it (RST, not FIN) once a number
// of bytes went towards the host: what a flaky network does to a
// transfer. Small enough to need no library.
type faultProxy struct {
	ln     net.Listener
	target string
	// rate bounds each direction in bytes per second (0: no bound);
	// latency delays every write; resetAfter resets every connection once
	// that many bytes went to the host in total (0: never).
	rate       int
	latency    time.Duration
	resetAfter int64

	sent  atomic.Int64 // bytes towards the host
	mu    sync.Mutex
	conns []net.Conn
}

func newFaultProxy(t *testing.T, target string) *faultProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &faultProxy{ln: ln, target: target}
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.resetAll() })
	return p
}

func (p *faultProxy) port() int { return p.ln.Addr().(*net.TCPAddr).Port }

func (p *faultProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go p.pipe(up, c, true)
		go p.pipe(c, up, false)
	}
}

// pipe copies src to dst in small pieces, paced by rate and latency.
func (p *faultProxy) pipe(dst, src net.Conn, towardsHost bool) {
	buf := make([]byte, 4096)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if p.latency > 0 {
				time.Sleep(p.latency)
			}
			if p.rate > 0 {
				time.Sleep(time.Duration(n) * time.Second / time.Duration(p.rate))
			}
			if towardsHost && p.resetAfter > 0 && p.sent.Add(int64(n)) > p.resetAfter {
				p.resetAll()
				return
			}
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			if err == io.EOF {
				if tc, ok := dst.(*net.TCPConn); ok {
					_ = tc.CloseWrite()
				}
			}
			return
		}
	}
}

// resetAll drops every connection with a TCP reset.
func (p *faultProxy) resetAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetLinger(0)
		}
		c.Close()
	}
	p.conns = nil
}
