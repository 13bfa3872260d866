package scan

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// localHost runs commands with the controller's sh, through Run only:
// the path taken by connections that cannot stream.
type localHost struct{ runs int }

func (l *localHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	l.runs++
	c := exec.CommandContext(ctx, "sh", "-c", cmd)
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	err := c.Run()
	out := hostcmd.Output{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		out.ExitCode = exit.ExitCode()
	} else if err != nil {
		return out, err
	}
	return out, nil
}

func TestScanHostThroughRun(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir+"/a.sh", "#!/bin/bash\necho a\n")
	writeTestFile(t, dir+"/b.sh", "#!/bin/sh\necho b\n")
	writeTestFile(t, dir+"/data.txt", "not a script\n")
	host := &localHost{}
	var mu sync.Mutex
	var analysed []string
	s := &Scanner{Paths: []string{dir + "/*.sh", dir + "/*.txt"}, Workers: 3, Scripts: func(path string, src []byte) []Finding {
		if strings.HasPrefix(path, dir) {
			mu.Lock() // scripts are analysed in parallel
			analysed = append(analysed, path)
			mu.Unlock()
		}
		return ShebangOnly(path, src)
	}}
	hr := &HostReport{Binaries: map[string]int{}}
	if err := s.ScanHost(context.Background(), host, hr); err != nil {
		t.Fatal(err)
	}
	if host.runs != 1 || hr.RoundTrips != 1 {
		t.Errorf("%d commands, %d round trips counted; want 1", host.runs, hr.RoundTrips)
	}
	var found []string
	for _, is := range hr.Issues {
		if strings.HasPrefix(is.Path, dir) {
			found = append(found, is.Path+" "+is.Rule)
		}
	}
	if strings.Join(found, ",") != dir+"/a.sh shebang-bash" {
		t.Errorf("findings under %s: %v", dir, found)
	}
	if len(analysed) != 2 {
		t.Errorf("analysed %v, want the two scripts and not the text file", analysed)
	}
	// On a Debian controller the real dpkg database was read and mapped.
	if _, err := os.Stat("/var/lib/dpkg/status"); err == nil {
		libc := false
		for _, is := range hr.Issues {
			libc = libc || is.Rule == "package-no-equivalent" && strings.Contains(is.Message, "libc6 ")
		}
		if hr.Packages == 0 || !libc {
			t.Errorf("%d packages read from dpkg, libc6 reported: %v; want Debian's C library reported", hr.Packages, libc)
		}
	}
}

type cannedHost hostcmd.Output

func (c cannedHost) Run(context.Context, string) (hostcmd.Output, error) {
	return hostcmd.Output(c), nil
}

func TestScanHostBadReplies(t *testing.T) {
	tests := []struct {
		name string
		out  hostcmd.Output
		want string
	}{
		{"a login banner", hostcmd.Output{Stdout: "Welcome!\nswitchback-scan 1\n"}, "not a scan stream"},
		{"the command failed", hostcmd.Output{Stderr: "sh: syntax error\nmore", ExitCode: 2}, "exited with 2: sh: syntax error"},
		{"cut short", hostcmd.Output{Stdout: "switchback-scan 1\nH /usr/local/bin/x\x00\x7fELF"}, "ELF head was cut short"},
	}
	for _, tt := range tests {
		hr := &HostReport{Binaries: map[string]int{}}
		err := (&Scanner{}).ScanHost(context.Background(), cannedHost(tt.out), hr)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error saying %q", tt.name, err, tt.want)
		}
	}
}

// TestAnalyzerPanicIsAFinding: a script analyzer that panics on a file
// costs that file, not the scan.
func TestAnalyzerPanicIsAFinding(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir+"/odd.sh", "#!/bin/sh\nodd\n")
	writeTestFile(t, dir+"/bash.sh", "#!/bin/bash\n")
	s := &Scanner{Paths: []string{dir}, Scripts: func(path string, src []byte) []Finding {
		if strings.HasSuffix(path, "odd.sh") {
			panic("unexpected token")
		}
		return ShebangOnly(path, src)
	}}
	hr := &HostReport{Binaries: map[string]int{}}
	if err := s.ScanHost(context.Background(), &localHost{}, hr); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range hr.Issues {
		if strings.HasPrefix(is.Path, dir) {
			got = append(got, strings.TrimPrefix(is.Path, dir)+" "+is.Rule)
		}
	}
	if strings.Join(got, ",") != "/bash.sh shebang-bash,/odd.sh analyzer-failed" {
		t.Errorf("findings %v", got)
	}
}
