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

	"github.com/switchbackhq/switchback/internal/fleet"
)

// alpineFalseAlarmCeiling is the number of false alarms measured; a
// change that raises more fails TestAlpinePrecision.
const alpineFalseAlarmCeiling = 0

// shownToBreak are the rules whose findings in these scripts are shown
// to break on Alpine by TestAlpineShownToBreak: the same command fails
// on a fleet host and works with the GNU tool. A flagged script all of
// whose failing findings are of these rules is a true positive.
var shownToBreak = map[string]string{
	// OpenRC's rc-sstat: date -d "$x seconds ago" under BusyBox date.
	"date-relative": `t=100; date -d "$t seconds ago" +%s`,
}

// A missing-command finding is shown to break by TestAlpineShownToBreak
// for each command it names: not found on a fleet host, found on the
// controller (the Debian machine the table was derived on).

// findingCommand is the command a missing-command finding names.
func findingCommand(f Finding) string {
	_, rest, _ := strings.Cut(f.Message, "`")
	name, _, _ := strings.Cut(rest, "`")
	return name
}

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
	flagged, broken := 0, 0
	for _, n := range names {
		var failing []Finding
		for _, f := range Analyze(n, scripts[n]) {
			if f.Severity.Rank() >= defaultFailOn.Rank() {
				failing = append(failing, f)
			}
		}
		if len(failing) == 0 {
			continue
		}
		flagged++
		shown := true
		for _, f := range failing {
			if _, ok := shownToBreak[f.Rule]; !ok && f.Rule != "missing-command" {
				shown = false
			}
		}
		if shown {
			broken++
		}
		for _, f := range failing {
			if shown {
				t.Logf("shown to break: %s", f)
			} else {
				t.Logf("false alarm: %s", f)
			}
		}
	}
	falseAlarms := flagged - broken
	precision := 1.0
	if flagged > 0 {
		precision = float64(broken) / float64(flagged)
	}
	t.Logf("scripts written for ash: %d scripts, %d flagged at --fail-on %s, %d of them shown to break; precision %.3f, false-alarm rate %.3f",
		len(names), flagged, defaultFailOn, broken, precision, float64(falseAlarms)/float64(len(names)))
	if falseAlarms > alpineFalseAlarmCeiling {
		t.Errorf("%d scripts written for ash are false alarms, more than the %d measured", falseAlarms, alpineFalseAlarmCeiling)
	}
}

// TestAlpineShownToBreak runs each demonstration of shownToBreak under a
// fleet host's ash, where it must fail, and under bash with the GNU tools,
// where it must work; and looks up each command that a missing-command
// finding in the scripts written for ash names: a fleet host does not
// have it, the controller does.
func TestAlpineShownToBreak(t *testing.T) {
	f := fleet.Start(t, 1)
	missing := map[string]bool{}
	for name, src := range alpineScripts(t) {
		for _, fd := range Analyze(name, src) {
			if fd.Rule == "missing-command" {
				missing[findingCommand(fd)] = true
			}
		}
	}
	for name := range missing {
		if out, err := f.Exec(f.Hosts[0].Name, "command -v "+name); err == nil {
			t.Errorf("missing-command %s: the Alpine host has it (%q)", name, out)
		}
		if _, err := exec.LookPath(name); err != nil {
			t.Errorf("missing-command %s: the controller lacks it too: %v", name, err)
		}
	}
	for rule, script := range shownToBreak {
		if out, err := f.Exec(f.Hosts[0].Name, script); err == nil {
			t.Errorf("%s: %q works on Alpine (%q): the finding is not shown to break", rule, script, out)
		}
		if out, err := exec.Command("bash", "-c", script).CombinedOutput(); err != nil {
			t.Errorf("%s: %q fails with GNU tools too: %v %s", rule, script, err, out)
		}
	}
}
