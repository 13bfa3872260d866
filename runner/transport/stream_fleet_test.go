package transport_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner/transport"
)

func dialFleetHost(t *testing.T, f *fleet.Fleet, h *fleet.Host) transport.Streamer {
	t.Helper()
	ssh, err := transport.NewSSH(transport.SSHOptions{KnownHostsFile: f.KnownHosts})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := ssh.Dial(t.Context(), transport.Target{Name: h.Name, Address: h.Address, Port: h.Port, User: f.User, IdentityFile: f.IdentityFile})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	st, ok := conn.(transport.Streamer)
	if !ok {
		t.Fatal("the SSH connection cannot stream")
	}
	return st
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// TestStreamPassesEverything: stdout reaches the writer whole, past the
// 8 MiB that Run keeps; stderr and the exit code come back as from Run.
func TestStreamPassesEverything(t *testing.T) {
	f := fleet.Start(t, 1)
	st := dialFleetHost(t, f, f.Hosts[0])
	var w countWriter
	out, err := st.Stream(t.Context(), "dd if=/dev/zero bs=1048576 count=20 2>/dev/null; echo done >&2; exit 3", &w)
	if err != nil {
		t.Fatal(err)
	}
	if w.n != 20<<20 {
		t.Errorf("%d bytes streamed, want %d", w.n, 20<<20)
	}
	if out.ExitCode != 3 || strings.TrimSpace(out.Stderr) != "done" || out.Stdout != "" {
		t.Errorf("output %+v, want exit 3 and stderr \"done\"", out)
	}
}

type failingWriter struct{ after int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.after -= len(p); f.after < 0 {
		return 0, errors.New("reader gave up")
	}
	return len(p), nil
}

// TestStreamStopsWhenTheReaderGivesUp: a writer that fails ends the
// command on the host instead of leaving it blocked, and the error is
// not taken for an unreachable host.
func TestStreamStopsWhenTheReaderGivesUp(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	st := dialFleetHost(t, f, h)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, err := st.Stream(ctx, "trap '' PIPE HUP; while :; do cat /bin/busybox; done", &failingWriter{after: 1 << 20})
	if err == nil || transport.IsUnreachable(err) || ctx.Err() != nil {
		t.Fatalf("err = %v, want the writer's error, promptly", err)
	}
	// The loop's process group was killed: nothing is left writing.
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, _ := f.Exec(h.Name, "ps -o pid,args | grep '[c]at /bin/busybox; done' || true")
		if strings.TrimSpace(out) == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the command still runs on the host: %s", out)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var w countWriter
	if _, err := st.Stream(ctx, "echo still usable", &w); err != nil || w.n != int64(len("still usable\n")) {
		t.Errorf("the connection after a given-up stream: %v, %d bytes", err, w.n)
	}
}
