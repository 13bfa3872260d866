package transport

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// TestReadySessions: once warm, a connection runs each command in a
// session started ahead of it, with the same output, exit status and
// cancellation as a session of its own; a ready session the host killed
// is replaced, not used; the session limit holds; and closing the
// connection ends the sessions left waiting without running anything.
func TestReadySessions(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	s := dialer(t, SSHOptions{KnownHostsFile: f.KnownHosts})
	conn, err := s.Dial(t.Context(), Target{Name: h.Name, Address: h.Address, Port: h.Port, User: f.User, IdentityFile: f.IdentityFile})
	if err != nil {
		t.Fatal(err)
	}
	c := conn.(*sshConn)
	waiting := func() string {
		out, err := f.Exec(h.Name, "pgrep -f 'switchback-en[d]' || true")
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(out)
	}

	mustRun(t, c, "true")
	if c.cold.Load() != 1 {
		t.Errorf("a cold connection's command started %d sessions, want 1", c.cold.Load())
	}
	if n := len(c.ready); n != 0 || waiting() != "" {
		t.Fatalf("a connection that was never warmed prepared %d sessions", n)
	}

	c.Warm()
	for i := range 8 {
		waitReady(t, c)
		cold := c.cold.Load()
		out, err := c.Run(t.Context(), fmt.Sprintf("echo out %d; echo err %d >&2; exit %d", i, i, i%3))
		if err != nil {
			t.Fatal(err)
		}
		if out.Stdout != fmt.Sprintf("out %d\n", i) || out.Stderr != fmt.Sprintf("err %d\n", i) || out.ExitCode != i%3 {
			t.Errorf("command %d: %+v", i, out)
		}
		if c.cold.Load() != cold {
			t.Errorf("command %d started a session of its own with %d ready", i, readyDepth)
		}
	}

	t.Run("a ready session the host killed is replaced", func(t *testing.T) {
		waitReady(t, c)
		// A session is ready once sshd accepted its command, which may be
		// a moment before the host's process carries the marker pgrep
		// looks for; so the kill repeats until the controller has seen
		// every ready session end. pgrep also lists the subshell of each
		// session's $(cat), gone with its group by the time its turn
		// comes, so kill's status says nothing either.
		sessions := make([]*readySession, 0, readyDepth)
		for range readyDepth {
			sessions = append(sessions, <-c.ready)
		}
		defer func() {
			for _, rs := range sessions {
				c.ready <- rs
			}
		}()
		allEnded := func() bool {
			for _, rs := range sessions {
				if rs != nil && !rs.ended() {
					return false
				}
			}
			return true
		}
		for deadline := time.Now().Add(10 * time.Second); !allEnded(); time.Sleep(200 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("a killed ready session did not end")
			}
			if _, err := f.Exec(h.Name, "for p in $(pgrep -f 'switchback-en[d]'); do kill -9 -$p 2>/dev/null; done; true"); err != nil {
				t.Fatal(err)
			}
		}
		for _, rs := range sessions {
			c.ready <- rs
		}
		sessions = nil
		cold := c.cold.Load()
		if got := mustRun(t, c, "echo fine"); got != "fine\n" {
			t.Errorf("after the ready sessions died: %q", got)
		}
		if c.cold.Load() != cold+1 {
			t.Errorf("the command did not start a fresh session for a dead ready one")
		}
	})

	t.Run("a timed-out command is killed, process group and all", func(t *testing.T) {
		waitReady(t, c)
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		defer cancel()
		if _, err := c.Run(ctx, "sleep 300 & echo $! > /root/sleeper; wait"); err == nil {
			t.Fatal("a command that outlived its timeout succeeded")
		}
		// The kill goes through a session of its own: on a loaded host it
		// may land a moment after Run gave up waiting for it.
		var out string
		var err error
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			out, err = f.Exec(h.Name, "kill -0 $(cat /root/sleeper) 2>/dev/null && echo alive || echo gone")
			if err != nil || strings.TrimSpace(out) == "gone" || time.Now().After(deadline) {
				break
			}
		}
		if err != nil || strings.TrimSpace(out) != "gone" {
			t.Errorf("the timed-out command's child: %q %v", out, err)
		}
	})

	t.Run("no more sessions than the limit", func(t *testing.T) {
		errs := make([]error, 25)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Go(func() { _, errs[i] = c.Run(t.Context(), "sleep 1") })
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("command %d of 25 at once: %v", i, err)
			}
		}
	})

	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for waiting() != "" {
		if time.Now().After(deadline) {
			t.Fatalf("ready sessions still wait on the host after the connection closed: %s", waiting())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitReady waits until c has its sessions ready.
func waitReady(t *testing.T, c *sshConn) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(c.ready) < readyDepth {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d sessions ready after 10s", len(c.ready), readyDepth)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
