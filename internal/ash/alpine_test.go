package ash

// Precision on scripts written for ash: OpenRC's own shell code (Debian's
// openrc package, which the fleet needs anyway) and the shell scripts of
// the Alpine 3.20 minirootfs (/etc/profile and profile.d, and the install
// scripts apk keeps in /lib/apk/db/scripts.tar). They run under BusyBox ash
// every day, so every finding at lint-sh's default --fail-on is a false
// alarm unless it is shown to break.

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"os/exec"
	"path"
	"sort"
	"strings"
	"testing"
)

// alpineFalseAlarmCeiling is the number of flagged scripts measured; a
// change that flags more of them fails TestAlpinePrecision.
const alpineFalseAlarmCeiling = 7

// alpineScripts collects the scripts written for ash that this machine has.
func alpineScripts(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if list, err := exec.Command("dpkg", "-L", "openrc").Output(); err == nil {
		for _, p := range strings.Fields(string(list)) {
			b, err := os.ReadFile(p)
			if err != nil || !isShellScript(p, b) {
				continue
			}
			out["openrc:"+p] = b
		}
	}
	rootfs := os.Getenv("SWITCHBACK_ALPINE_ROOTFS")
	if rootfs == "" {
		rootfs = "/work/shared/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"
	}
	if f, err := os.Open(rootfs); err == nil {
		defer f.Close()
		readTarScripts(t, f, true, "alpine:", out)
	}
	return out
}

// isShellScript: a #! line naming sh/ash/openrc-run, or a .sh name.
func isShellScript(p string, b []byte) bool {
	if len(b) == 0 || bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	s := string(line)
	return strings.HasSuffix(p, ".sh") || strings.HasPrefix(s, "#!") &&
		(strings.Contains(s, "/sh") || strings.Contains(s, "ash") || strings.Contains(s, "openrc-run"))
}

func readTarScripts(t testing.TB, r io.Reader, gz bool, prefix string, out map[string][]byte) {
	if gz {
		z, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = z
	}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		switch {
		case name == "lib/apk/db/scripts.tar":
			readTarScripts(t, bytes.NewReader(b), false, prefix+"scripts.tar:", out)
		case path.Dir(name) == "etc/profile.d" && !strings.HasSuffix(name, ".sh"):
			// /etc/profile sources only profile.d/*.sh: README and
			// color_prompt.sh.disabled are never run.
		case name == "etc/profile" || path.Dir(name) == "etc/profile.d" || isShellScript(name, b) || strings.Contains(prefix, "scripts.tar"):
			if bytes.IndexByte(b, 0) < 0 && len(b) > 0 {
				out[prefix+name] = b
			}
		}
	}
}

func TestAlpinePrecision(t *testing.T) {
	scripts := alpineScripts(t)
	if len(scripts) == 0 {
		t.Skip("no ash scripts here: neither Debian's openrc package nor the Alpine minirootfs")
	}
	names := make([]string, 0, len(scripts))
	for n := range scripts {
		names = append(names, n)
	}
	sort.Strings(names)
	flagged, errs := 0, 0
	for _, n := range names {
		fs := Analyze(n, scripts[n])
		for _, f := range fs {
			if f.Severity == SeverityError {
				errs++
			}
		}
		if AtLeast(fs, defaultFailOn) {
			flagged++
			for _, f := range fs {
				if f.Severity.Rank() >= defaultFailOn.Rank() {
					t.Logf("false alarm: %s", f)
				}
			}
		}
	}
	precision := 1.0
	if flagged > 0 {
		precision = 0 // no finding here is shown to break: every one is a false alarm
	}
	t.Logf("scripts written for ash: %d scripts, %d flagged at --fail-on %s (%d error findings); precision %.3f, false-alarm rate %.3f",
		len(names), flagged, defaultFailOn, errs, precision, float64(flagged)/float64(len(names)))
	if flagged > alpineFalseAlarmCeiling {
		t.Errorf("%d scripts written for ash are flagged, more than the %d measured", flagged, alpineFalseAlarmCeiling)
	}
}
