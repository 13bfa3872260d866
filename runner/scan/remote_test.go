package scan

import (
	"archive/tar"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestGlobWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/etc/init.d", "/etc/init.d"},
		{"/etc/cron*", "/etc/cron*"},
		{"/opt/*/bin", "/opt/*/bin"},
		{"/srv/my app/*.sh", "'/srv/my app/'*.sh"},
		{"/x/[ab]c", "/x/[ab]c"},
		{"/x/[a'b]c", `'/x/[a'\''b]c'`},
		{"/a$(rm -rf)/?", "'/a$(rm -rf)/'?"},
		{"", "''"},
	}
	for _, tt := range tests {
		if got := globWord(tt.in); got != tt.want {
			t.Errorf("globWord(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestGlobWordExpandsOnlyGlobs: the shell expands the pattern's globs and
// takes every other character literally.
func TestGlobWordExpandsOnlyGlobs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a b$x.sh", "c.sh", "d.txt"} {
		writeTestFile(t, dir+"/"+name, "")
	}
	out, err := exec.Command("sh", "-c", `for f in `+globWord(dir+"/*.sh")+` `+globWord(dir+"/a b$x.sh")+`; do printf '%s\n' "$f"; done`).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := dir + "/a b$x.sh\n" + dir + "/c.sh\n" + dir + "/a b$x.sh\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestCollectCommandRunsLocally runs the scan command under the
// controller's sh (dash on Debian) and BusyBox sh when present, and
// parses what they print: the command is plain POSIX sh.
func TestCollectCommandRunsLocally(t *testing.T) {
	shells := [][]string{{"sh", "-c"}}
	if p, err := exec.LookPath("busybox"); err == nil {
		shells = append(shells, []string{p, "sh", "-c"})
	}
	for _, sh := range shells {
		t.Run(strings.Join(sh[:len(sh)-1], " "), func(t *testing.T) {
			cmd := exec.Command(sh[0], append(sh[1:], collectCommand(DefaultPaths))...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%v: %s", err, stderr.String())
			}
			scripts := 0
			c, err := readStream(bytes.NewReader(out), func(string, []byte) { scripts++ })
			if err != nil {
				t.Fatalf("%v (stderr: %s)", err, stderr.String())
			}
			if _, ok := c.files["/etc/passwd"]; !ok {
				t.Error("/etc/passwd not in the archive")
			}
			// Whatever of these the controller has must arrive.
			for _, pattern := range []string{"/etc/crontab", "/etc/systemd/system/*.service", "/usr/lib/systemd/system/*.service", "/var/lib/dpkg/status"} {
				matches, _ := filepath.Glob(pattern)
				for _, m := range matches {
					if fi, err := os.Stat(m); err == nil && fi.Mode().IsRegular() {
						if _, ok := c.files[m]; !ok {
							t.Errorf("%s not in the archive", m)
						}
					}
				}
			}
			t.Logf("%d bytes: %d scripts, %d ELF heads, %d files, sections %v", len(out), scripts, len(c.heads), len(c.files), len(c.text))
		})
	}
}

// TestReadStream parses a stream as the host prints it, after a line a
// chatty shell start-up file printed.
func TestReadStream(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Welcome to host-01\nswitchback-scan 1\n")
	b.WriteString("T initd\nsshd\nmyapp\n\x00T named\n/srv/legacy\n\x00T rpm\n\x00")
	head := make([]byte, elfHead)
	copy(head, "\x7fELF")
	b.WriteString("H /opt/x/bin/app\x00")
	b.Write(head)
	b.WriteString("B\n")
	tw := tar.NewWriter(&b)
	add := func(hdr *tar.Header, body string) {
		hdr.Size = int64(len(body))
		if hdr.Typeflag != tar.TypeReg {
			hdr.Size = 0
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		_, _ = tw.Write([]byte(body))
	}
	add(&tar.Header{Name: "usr/lib/systemd/system/getty@.service", Typeflag: tar.TypeReg, Mode: 0o644}, "[Service]\n")
	add(&tar.Header{Name: "usr/lib/systemd/system/autovt@.service", Typeflag: tar.TypeLink, Linkname: "usr/lib/systemd/system/getty@.service"}, "")
	add(&tar.Header{Name: "etc/init.d/myapp", Typeflag: tar.TypeReg, Mode: 0o755}, "#!/sbin/openrc-run\n")
	add(&tar.Header{Name: "usr/local/bin/tool.py", Typeflag: tar.TypeReg, Mode: 0o755}, "#!/usr/bin/python3\n")
	add(&tar.Header{Name: "srv/legacy", Typeflag: tar.TypeReg, Mode: 0o644}, "echo no shebang\n")
	add(&tar.Header{Name: "srv/data", Typeflag: tar.TypeReg, Mode: 0o644}, "not named, no shebang\n")
	add(&tar.Header{Name: "srv", Typeflag: tar.TypeDir, Mode: 0o755}, "")
	tw.Close()
	b.Write(make([]byte, 8192)) // GNU tar pads to its record size

	var scripts []string
	c, err := readStream(&b, func(p string, _ []byte) { scripts = append(scripts, p) })
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(scripts, " "); got != "/etc/init.d/myapp /srv/legacy" {
		t.Errorf("scripts handed on: %s; want the openrc script and the named file, not python nor data", got)
	}
	if got := string(c.files["/usr/lib/systemd/system/autovt@.service"]); got != "[Service]\n" {
		t.Errorf("a hard-link entry has content %q, want its target's", got)
	}
	if strings.Join(c.text["initd"], ",") != "sshd,myapp" || len(c.text["rpm"]) != 0 {
		t.Errorf("text sections: %v", c.text)
	}
	if _, ok := c.heads["/opt/x/bin/app"]; !ok || len(c.heads) != 1 {
		t.Errorf("heads: %v", c.heads)
	}
}

// TestCollectOddScripts: a script too large to read whole arrives as its
// size and #! line, one whose name holds a newline arrives whole, and an
// ELF program whose name holds one arrives too, under dash and BusyBox.
func TestCollectOddScripts(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(dir+"/bin", 0o755); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, dir+"/bin/plain.sh", "#!/bin/sh\necho plain\n")
	writeTestFile(t, dir+"/bin/odd\nname", "#!/bin/bash\narr=(a b)\n")
	writeTestFile(t, dir+"/bin/notes", "no shebang\n")
	big := dir + "/bin/big"
	writeTestFile(t, big, "#!/bin/bash\necho big\n")
	if err := os.Truncate(big, 30<<20); err != nil {
		t.Fatal(err)
	}
	bigPy := dir + "/bin/big.py"
	writeTestFile(t, bigPy, "#!/usr/bin/python3\n")
	if err := os.Truncate(bigPy, 2<<20); err != nil {
		t.Fatal(err)
	}
	shells := [][]string{{"sh", "-c"}}
	if p, err := exec.LookPath("busybox"); err == nil {
		shells = append(shells, []string{p, "sh", "-c"})
	}
	for _, sh := range shells {
		t.Run(strings.Join(sh[:len(sh)-1], " "), func(t *testing.T) {
			cmd := exec.Command(sh[0], append(sh[1:], collectCommand([]string{dir + "/bin"}))...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%v: %s", err, stderr.String())
			}
			var scripts []string
			c, err := readStream(bytes.NewReader(out), func(p string, _ []byte) {
				if strings.HasPrefix(p, dir) { // not the controller's crontabs and units
					scripts = append(scripts, p)
				}
			})
			if err != nil {
				t.Fatalf("%v (stderr: %s)", err, stderr.String())
			}
			slices.Sort(scripts)
			if want := []string{dir + "/bin/odd\nname", dir + "/bin/plain.sh"}; !slices.Equal(scripts, want) {
				t.Errorf("scripts read: %q, want %q", scripts, want)
			}
			if got := string(c.files[dir+"/bin/odd\nname"]); got != "#!/bin/bash\narr=(a b)\n" {
				t.Errorf("the script with a newline in its name arrived as %q", got)
			}
			if nr := c.notRead[big]; nr.size != 30<<20 || nr.line != "#!/bin/bash" {
				t.Errorf("the large script: %+v", c.notRead)
			}
			if _, ok := c.notRead[bigPy]; !ok {
				t.Errorf("not read: %+v; want the two large files with a #! line", c.notRead)
			}
		})
	}
}
