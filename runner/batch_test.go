package runner

import (
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// shHost runs commands with the controller's /bin/sh: enough to prove
// the batch script's framing; the fleet tests run it under BusyBox ash.
type shHost struct{ calls int }

func (s *shHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	s.calls++
	var stdout, stderr strings.Builder
	c := exec.CommandContext(ctx, "/bin/sh", "-c", cmd)
	c.Stdout, c.Stderr = &stdout, &stderr
	err := c.Run()
	out := hostcmd.Output{Stdout: stdout.String(), Stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		out.ExitCode = ee.ExitCode()
	} else if err != nil {
		return out, err
	}
	return out, nil
}

func TestBatchScriptFraming(t *testing.T) {
	cmds := []string{
		"printf 'no newline'",
		"echo out; echo err >&2; exit 3",
		"exit 0",                            // no output at all
		"printf 'sb-batch-fake 3 0 1 1\\n'", // output that mimics a frame
		"cat; echo stdin-closed",            // stdin is empty, not the script
		"printf '\\000bin\\001ary\\n'",
	}
	h := &shHost{}
	out, err := h.Run(context.Background(), batchScript("sb-batch-token", cmds))
	if err != nil || out.ExitCode != 0 {
		t.Fatalf("batch: %v, exit %d, stderr %q", err, out.ExitCode, out.Stderr)
	}
	got, ok := parseBatch("sb-batch-token", out.Stdout, len(cmds))
	if !ok {
		t.Fatalf("frames not parsed from %q", out.Stdout)
	}
	want := []hostcmd.Output{
		{Stdout: "no newline"},
		{Stdout: "out\n", Stderr: "err\n", ExitCode: 3},
		{},
		{Stdout: "sb-batch-fake 3 0 1 1\n"},
		{Stdout: "stdin-closed\n"},
		{Stdout: "\x00bin\x01ary\n"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestParseBatchRefusesDamagedFrames(t *testing.T) {
	good := "tok 0 0 3 0\nabc" + "tok 1 1 0 2\nxy"
	if _, ok := parseBatch("tok", good, 2); !ok {
		t.Fatal("a good batch is refused")
	}
	for _, bad := range []string{
		"",
		"tok 0 0 3 0\nabc",                     // a frame missing
		"tok 0 0 3 0\nabc" + "tok 1 1 0 9\nxy", // lengths past the end
		"tok 0 0 3 0\nabc" + "kot 1 1 0 2\nxy", // another boundary
		"tok 0 0 3 0\nabc" + "tok 2 1 0 2\nxy", // out of order
		"tok 0 0 -1 0\nabc",
		good + "trailing",
	} {
		if _, ok := parseBatch("tok", bad, 2); ok {
			t.Errorf("damaged batch %q accepted", bad)
		}
	}
}

func FuzzParseBatch(f *testing.F) {
	f.Add("tok 0 0 3 0\nabc", 1)
	f.Add("tok 0 0 3 0\nabctok 1 1 0 2\nxy", 2)
	f.Add("tok 0 0 3 0\nabctok 1 - 0 0\n", 2)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n < 0 || n > 64 {
			return
		}
		outs, ok := parseBatch("tok", text, n)
		if ok && len(outs) != n {
			t.Fatalf("%d outputs for %d commands", len(outs), n)
		}
		frames, ok := parseFrames("tok", text, n)
		if ok && len(frames) != n {
			t.Fatalf("%d frames for %d commands", len(frames), n)
		}
	})
}

// The engine's wrappers keep the connection's file transfer visible.
func TestWrappersPassFileTransfers(t *testing.T) {
	var conn hostcmd.Host = &fileConn{}
	for _, h := range []hostcmd.Host{
		&checkHost{Host: conn, c: &call{}},
		&journalHost{Host: conn, c: &call{}},
	} {
		fs, ok := h.(hostcmd.FileSender)
		if !ok {
			t.Fatalf("%T hides SendFile", h)
		}
		if err := fs.SendFile(context.Background(), "/x", nil); err != nil {
			t.Errorf("%T: %v", h, err)
		}
	}
	if err := (&checkHost{Host: &shHost{}, c: &call{}}).SendFile(context.Background(), "/x", nil); err != hostcmd.ErrNoFileTransfer {
		t.Errorf("a host without file transfer: %v, want ErrNoFileTransfer", err)
	}
}

type fileConn struct{ shHost }

func (*fileConn) SendFile(context.Context, string, []byte) error { return nil }
