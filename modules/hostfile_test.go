package modules

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// localHost runs commands with the local /bin/sh, which is enough to
// test the scripts' quoting and protocol on any POSIX system; the fleet
// tests run them on BusyBox.
type localHost struct{ runs int }

func (l *localHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	l.runs++
	// As the SSH transport does: the script on stdin, not as an argument.
	c := exec.CommandContext(ctx, "/bin/sh", "-c", `eval "$(cat)"`)
	c.Stdin = strings.NewReader(cmd)
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	err := c.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return hostcmd.Output{Stdout: stdout.String(), Stderr: stderr.String(), ExitCode: exit.ExitCode()}, nil
	}
	return hostcmd.Output{Stdout: stdout.String(), Stderr: stderr.String()}, err
}

func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"stat", "readlink", "sha256sum", "mktemp"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on PATH", tool)
		}
	}
}

func probe(t *testing.T, h hostcmd.Host, p string, follow bool) pathInfo {
	t.Helper()
	out, err := h.Run(context.Background(), probeScript(p, follow, true))
	if err != nil || out.ExitCode != 0 {
		t.Fatalf("probe %q: %v %+v", p, err, out)
	}
	info, err := parseProbe(out.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func TestProbeAndWriteLocally(t *testing.T) {
	needTools(t)
	ctx := context.Background()
	dir := t.TempDir()
	names := []string{"plain", "with space", "it's \"q\"", "$HOME `id`", "new\nline", "-rf *", "back\\slash", "ünï"}
	contents := []string{"", "x", "no newline", "two\nlines\n", "trailing\n\n\n", "$(id) `id` 'q' \"d\" \\"}
	for _, name := range names {
		for _, content := range contents {
			h := &localHost{}
			p := filepath.Join(dir, name)
			if err := writeFile(ctx, h, writeSpec{Path: p, Content: content, Perm: 0o640}, ""); err != nil {
				t.Fatalf("write %q: %v", p, err)
			}
			if h.runs != 1 {
				t.Errorf("a small write took %d round trips", h.runs)
			}
			b, err := os.ReadFile(p)
			if err != nil || string(b) != content {
				t.Fatalf("%q holds %q (%v), want %q", p, b, err, content)
			}
			info := probe(t, h, p, false)
			if info.Kind != "file" || info.Perm != 0o640 || !info.HasContent || info.Content != content || info.Size != int64(len(content)) {
				t.Errorf("probe of %q: %+v", p, info)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(names) {
		t.Errorf("%d entries in the directory, want %d: temporary files left?", len(entries), len(names))
	}

	link := filepath.Join(dir, "link\nto it")
	if err := os.Symlink("target with\nnewline", link); err != nil {
		t.Fatal(err)
	}
	if info := probe(t, &localHost{}, link, false); info.Kind != "link" || info.Target != "target with\nnewline" {
		t.Errorf("probe of a link: %+v", info)
	}
	if info := probe(t, &localHost{}, filepath.Join(dir, "absent"), false); info.Kind != "absent" {
		t.Errorf("probe of nothing: %+v", info)
	}
	if info := probe(t, &localHost{}, dir, false); info.Kind != "directory" {
		t.Errorf("probe of a directory: %+v", info)
	}

	// Following a link: reads the file behind it, and writes through it.
	if err := os.Symlink("plain", filepath.Join(dir, "to plain")); err != nil {
		t.Fatal(err)
	}
	if info := probe(t, &localHost{}, filepath.Join(dir, "to plain"), true); info.Kind != "file" || info.Content != contents[len(contents)-1] {
		t.Errorf("probe through a link: %+v", info)
	}
	if err := writeFile(ctx, &localHost{}, writeSpec{Path: filepath.Join(dir, "to plain"), Content: "via link\n", Perm: 0o644, Follow: true}, ""); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "to plain")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("writing through the link replaced it")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "plain")); string(b) != "via link\n" {
		t.Errorf("the file behind the link holds %q", b)
	}

	// A missing directory fails the write with a clear message.
	err := writeFile(ctx, &localHost{}, writeSpec{Path: filepath.Join(dir, "no/such/file"), Perm: 0o644}, "")
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("write into a missing directory: %v", err)
	}
}

func TestLargeWriteInChunks(t *testing.T) {
	needTools(t)
	p := filepath.Join(t.TempDir(), "large")
	content := strings.Repeat("it's 'quoted' and $x `y`\n", 200000) // ~5 MB, quoting adds half again
	h := &localHost{}
	if err := writeFile(context.Background(), h, writeSpec{Path: p, Content: content, Perm: 0o600}, "echo then >"+shell.Quote(p+".then")+"\n"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != content {
		t.Fatalf("large content differs: %d bytes, want %d", len(b), len(content))
	}
	if h.runs < 2 {
		t.Errorf("%d round trips for %d bytes: not chunked?", h.runs, len(content))
	}
	if _, err := os.Stat(p + ".then"); err != nil {
		t.Error("the follow-up commands did not run")
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 2 {
		t.Errorf("%d entries, want 2: a temporary file was left", len(entries))
	}
	// Larger than readLimit: compared by checksum.
	big := strings.Repeat("0123456789abcdef", readLimit/16+1)
	if err := os.WriteFile(p, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	info := probe(t, &localHost{}, p, false)
	if info.HasContent || !info.sameContent(big) || info.sameContent(big+"x") {
		t.Errorf("large file: %+v", info)
	}
}
