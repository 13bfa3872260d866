package runner

import (
	"context"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// fakeTool stands in for doas or sudo on the controller's /bin/sh: it
// prints its arguments, then runs them, or refuses like the real tool.
const fakeTool = `
id() { echo 1000; }
doas() { echo "doas $*" >&2; shift; "$@"; }
sudo() { echo "sudo $*" >&2; shift 3; "$@"; }
`

func TestBecomeCommandRunsTheScriptThroughStdin(t *testing.T) {
	script := "echo 'quotes \" and $HOME and `backticks`'\nprintf '%s\\n' 'second line'; exit 3"
	for _, method := range []string{"doas", "sudo"} {
		cmd, err := becomeCommand(method, script)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("/bin/sh", "-c", fakeTool+cmd).CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 3 {
			t.Fatalf("%s: want exit 3, got %v\n%s", method, err, out)
		}
		text := string(out)
		if !strings.Contains(text, "quotes \" and $HOME and `backticks`\nsecond line\n") {
			t.Errorf("%s: the script did not run as written:\n%s", method, text)
		}
		if strings.Contains(strings.SplitN(text, "\n", 2)[0], "backticks") {
			t.Errorf("%s: the script is on the tool's command line (visible in ps): %s", method, text)
		}
	}
	// Already root: the script runs without the tool.
	cmd, _ := becomeCommand("doas", "echo as root")
	out, err := exec.Command("/bin/sh", "-c", "id() { echo 0; }\ndoas() { echo called >&2; }\n"+cmd).CombinedOutput()
	if err != nil || string(out) != "as root\n" {
		t.Errorf("as root: %v, %q", err, out)
	}
	if _, err := becomeCommand("su", "true"); err == nil {
		t.Error("an unknown method is accepted")
	}
}

type stderrHost struct{ stderr string }

func (s stderrHost) Run(context.Context, string) (hostcmd.Output, error) {
	return hostcmd.Output{Stderr: s.stderr, ExitCode: 1}, nil
}

func TestBecomeRefusalsAreExplained(t *testing.T) {
	tests := []struct{ method, stderr, want string }{
		{"doas", "doas: Authentication required\n", "permit nopass"},
		{"doas", "doas: Operation not permitted\n", "does not permit"},
		{"sudo", "sudo: a password is required\n", "NOPASSWD"},
		{"sudo", "ops is not in the sudoers file.\n", "not in /etc/sudoers"},
	}
	for _, tt := range tests {
		_, err := BecomeHost(stderrHost{tt.stderr}, tt.method).Run(context.Background(), "true")
		var be *BecomeError
		if !errors.As(err, &be) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %q: got %v, want a BecomeError saying %q", tt.method, tt.stderr, err, tt.want)
		}
	}
	// A command that fails on its own is not a become failure.
	out, err := BecomeHost(stderrHost{"grep: no such file\n"}, "doas").Run(context.Background(), "true")
	if err != nil || out.ExitCode != 1 {
		t.Errorf("an ordinary failure: %v, exit %d", err, out.ExitCode)
	}
}

// toolHost is a shHost with fakeTool in front of every command.
type toolHost struct{ shHost }

func (h *toolHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	return h.shHost.Run(ctx, fakeTool+cmd)
}

// toolStreamer can also stream, and marks what it streamed.
type toolStreamer struct{ toolHost }

func (h *toolStreamer) Stream(ctx context.Context, cmd string, w io.Writer) (hostcmd.Output, error) {
	out, err := h.Run(ctx, cmd)
	if err == nil {
		_, err = io.WriteString(w, "streamed:"+out.Stdout)
		out.Stdout = ""
	}
	return out, err
}

// TestBecomeStreams: a command streamed as root goes through the
// connection's own Stream, wrapped in doas or sudo; over a connection
// that cannot stream, its output still reaches the writer, through Run.
func TestBecomeStreams(t *testing.T) {
	for _, tc := range []struct {
		host hostcmd.Host
		want string
	}{
		{&toolStreamer{}, "streamed:data\n"},
		{&toolHost{}, "data\n"},
	} {
		b := BecomeHost(tc.host, "sudo").(*becomeHost)
		var w strings.Builder
		out, err := b.Stream(t.Context(), "echo data", &w)
		if err != nil || out.ExitCode != 0 {
			t.Fatalf("%T: %v %+v", tc.host, err, out)
		}
		if w.String() != tc.want {
			t.Errorf("%T: the writer got %q, want %q", tc.host, w.String(), tc.want)
		}
		if !strings.Contains(out.Stderr, "sudo -n -H --") {
			t.Errorf("%T: the command did not go through sudo: %q", tc.host, out.Stderr)
		}
	}
}
