package bench

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCountRequests(t *testing.T) {
	tests := []struct {
		name, log string
		want      int
	}{
		{"exec", "debug1: server_input_channel_req: channel 0 request exec reply 1\ndebug1: session_input_channel_req: session 0 req exec\n", 1},
		{"sftp and shell", "debug1: session_input_channel_req: session 0 req subsystem\ndebug1: session_input_channel_req: session 3 req shell\n", 2},
		{"not work", "debug1: session_input_channel_req: session 0 req env\ndebug1: session_input_channel_req: session 0 req pty-req\nAccepted publickey for sbfleet\n", 0},
		{"many sessions", strings.Repeat("debug1: session_input_channel_req: session 12 req exec\n", 22), 22},
		{"a name that only starts the same", "debug1: session_input_channel_req: session 0 req execute\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := countRequests(strings.NewReader(tt.log))
			if err != nil || got != tt.want {
				t.Errorf("countRequests = %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

func TestRequestsSinceMark(t *testing.T) {
	dir := t.TempDir()
	log, missing := filepath.Join(dir, "sshd.log"), filepath.Join(dir, "never-written.log")
	line := "debug1: session_input_channel_req: session 0 req exec\n"
	if err := os.WriteFile(log, []byte(line+line), 0o644); err != nil {
		t.Fatal(err)
	}
	marks, err := markLogs([]string{log})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(log, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(line + "debug1: session_input_channel_req: session 1 req subsystem\n")
	f.Close()
	if n, err := marks.requestsSince(); err != nil || n != 2 {
		t.Errorf("requestsSince = %d, %v; want the 2 requests logged after the mark", n, err)
	}
	// A log that never appeared is an error, not zero requests.
	marks, err = markLogs([]string{missing})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := marks.requestsSince(); err == nil {
		t.Errorf("requestsSince with a missing log = %d, want an error", n)
	}
}

func TestRecap(t *testing.T) {
	converged := "RECAP\nhost-01  ok=0   changed=11  failed=0   unreachable=0\nhost-02  ok=0   changed=11  failed=0   unreachable=0\n2 host(s): 2 ok"
	noop := "host-01  ok=11  changed=0   failed=0   unreachable=0\nhost-02  ok=11  changed=0   failed=0   unreachable=0\n"
	failed := "host-01  ok=3   changed=2   failed=1   unreachable=0\nhost-02  ok=0   changed=11  failed=0   unreachable=0\n"
	tests := []struct {
		name    string
		out     string
		n       int
		changed bool
		wantErr string
	}{
		{"converged", converged, 2, true, ""},
		{"no-op", noop, 2, false, ""},
		{"no-op expected, changes found", converged, 2, false, "changed=11 on a converged host"},
		{"changes expected, none", noop, 2, true, "changed nothing"},
		{"failed host", failed, 2, true, "failed=1"},
		{"missing host", noop, 3, false, "lists 2 host(s), want 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parseRecap(tt.out).want(tt.n, tt.changed)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestRetargetKnownHosts(t *testing.T) {
	kh := "[127.83.1.1]:2222 ssh-ed25519 AAAA1\n[127.83.1.12]:2222 ssh-ed25519 AAAA2\n"
	want := "[127.83.1.1]:2223 ssh-ed25519 AAAA1\n[127.83.1.12]:2223 ssh-ed25519 AAAA2\n"
	if got := retargetKnownHosts(kh, 2222, 2223); got != want {
		t.Errorf("retargetKnownHosts = %q, want %q", got, want)
	}
	if got := retargetKnownHosts(kh, 2222, 2222); got != kh {
		t.Errorf("same port changed the file: %q", got)
	}
}

func TestSplice(t *testing.T) {
	block := BeginMarker + "\nnew table\n" + EndMarker
	tests := []struct{ name, doc, want string }{
		{"empty", "", block + "\n"},
		{"prose only", "# Performance\n\ntext", "# Performance\n\ntext\n" + block + "\n"},
		{"replaces the old block, keeps the prose", "# P\n\n" + BeginMarker + "\nold\ntable\n" + EndMarker + "\n\n## Reading it\n",
			"# P\n\n" + block + "\n\n## Reading it\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Splice(tt.doc, "new table\n"); got != tt.want {
				t.Errorf("Splice =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	m := Measure{Sample: Sample{Wall: 2 * time.Second, CPU: time.Second, MaxRSS: 20 << 20, TreeRSS: 20 << 20, Load: 1.5}, Requests: 220}
	f := Measure{Sample: Sample{Wall: time.Second, CPU: 2 * time.Second, MaxRSS: 10 << 20, TreeRSS: 80 << 20}, Requests: 10}
	rows := []Row{
		{Hosts: 10, Converge: m, NoOp: m, FloorConverge: f, FloorNoOp: f, Boot: time.Second},
		{Hosts: 10, Latency: 25 * time.Millisecond, Converge: m, NoOp: m, FloorConverge: f, FloorNoOp: f},
	}
	out := Markdown(Machine{CPUs: 2, CPUModel: "cpu", Kernel: "6.1"}, Config{Forks: 10}, rows)
	for _, want := range []string{
		"### Without added latency",
		"### With 25ms added each way",
		"| 10 | converge | 2.00 s | 1.00 s | 2.00× | 22.0 / 1.0 | 1.00 / 2.00 | 100.0 / 200.0 | 20; 20 / 10; 80 | 1.5 / 0.0 |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

// TestMeasure runs a real process tree: a shell that burns CPU in a
// child and holds memory, and checks that rusage and the sampler see it.
func TestMeasure(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	// The child shell holds a 40 MB string while the sampler looks, then
	// spins; the parent only waits for it.
	script := `sh -c 'x=$(head -c 40000000 /dev/zero | tr "\0" a); sleep 0.4; i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done'; true`
	s := measure(context.Background(), "sh", []string{"-c", script}, os.Environ(), t.TempDir())
	if s.Err != nil {
		t.Fatal(s.Err, s.Output)
	}
	if s.CPU < 20*time.Millisecond {
		t.Errorf("CPU %s: the child's work was not counted", s.CPU)
	}
	if s.MaxRSS < 40<<20 {
		t.Errorf("MaxRSS %d: the child's memory was not counted", s.MaxRSS)
	}
	if s.TreeRSS < 40<<20 {
		t.Errorf("TreeRSS %d: the sampler missed the child", s.TreeRSS)
	}
	if s.Wall < 400*time.Millisecond {
		t.Errorf("wall %s shorter than the child's sleep", s.Wall)
	}
}

// TestMaxRSSIsTheChildsOwn: the measuring process holds 64 MB; a small
// child must not be charged with them (rusage's ru_maxrss would, for a
// child started by Go, which shares the parent's memory until exec).
func TestMaxRSSIsTheChildsOwn(t *testing.T) {
	ballast := make([]byte, 64<<20)
	for i := range ballast {
		ballast[i] = 1
	}
	s := measure(context.Background(), "sleep", []string{"0.3"}, os.Environ(), t.TempDir())
	runtime.KeepAlive(ballast)
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	if s.MaxRSS == 0 || s.MaxRSS > 32<<20 {
		t.Errorf("sleep's peak RSS measured as %d bytes", s.MaxRSS)
	}
}
