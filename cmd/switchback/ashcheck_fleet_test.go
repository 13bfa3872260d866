package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const ashCheckPlaybook = `
playbook { name = "ash" }
phase "scripts" {
  ash_check "clean scripts" {
    paths = ["/opt/clean", "/usr/local/bin/tool"]
  }
  ash_check "warnings tolerated" {
    paths = ["/opt/warn"]
  }
  ash_check "all scripts" {
    paths = ["/opt"]
  }
}
`

// TestAshCheckStep: scripts seeded on a real host are read back in one
// round trip and analyzed; clean ones and warnings under fail_on pass
// with no change, a bash script fails the step with its finding, and
// the host is left as it was.
func TestAshCheckStep(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	seed := map[string]string{
		"/opt/clean/backup.sh":      "#!/bin/sh\nset -eu\nf() { local d=$1; tar -czf \"$d.tgz\" \"$d\"; }\nf /srv\n",
		"/opt/clean/README":         "for i in {1..3} is not a script\n",
		"/usr/local/bin/tool":       "#!/bin/sh\n[[ -n \"$1\" ]] && echo \"$1\"\n",
		"/opt/warn/list.sh":         "#!/bin/sh\nfor i in {1..3}; do echo \"$i\"; done\n",
		"/opt/legacy/deploy":        "#!/bin/bash\nhosts=(web-01 web-02)\nfor h in \"${hosts[@]}\"; do echo \"$h\"; done\n",
		"/opt/legacy/lib/helper.sh": "source ./common\necho ok\n",
	}
	for p, content := range seed {
		if err := os.MkdirAll(filepath.Dir(h.Path(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(h.Path(p), []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A large binary among the scripts is left out rather than filling
	// the 8 MiB answer (incompressible, so it would).
	big := make([]byte, 7<<20)
	_, _ = rand.NewChaCha8([32]byte{1}).Read(big) // never fails
	if err := os.WriteFile(h.Path("/opt/clean/big-binary"), big, 0o755); err != nil {
		t.Fatal(err)
	}
	paths := make([]string, 0, len(seed))
	for p := range seed {
		paths = append(paths, p)
	}
	before := diskState(t, h, paths...)

	pb := writeFile(t, t.TempDir(), "ash.hcl", ashCheckPlaybook)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Fatalf("exit %d, want %d (the host fails on the bash script)", code, runner.ExitFailed)
	}
	wantInOutput(t, out,
		"ash_check: 3 finding(s) at or above error:",
		"/opt/legacy/deploy:1:1 bash-shebang error",
		"/opt/legacy/deploy:2:1 bash-array error: arrays `name=(...)` are bash-only",
		"/opt/legacy/deploy:3:11 array-index error",
	)
	if ok, changed := recap(t, out); ok != 2 || changed != 0 {
		t.Errorf("ok=%d changed=%d, want the two passing checks ok and nothing changed", ok, changed)
	}
	// Lesser findings do not fail the step and are not listed.
	for _, unwanted := range []string{"brace-range", "/opt/clean", "helper.sh", "source"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("output mentions %q, which is under fail_on", unwanted)
		}
	}
	sameDiskState(t, before, diskState(t, h, paths...))

	// fail_on = "warning" turns the brace range into a failure; a missing
	// path is named.
	pb = writeFile(t, t.TempDir(), "warn.hcl", `
playbook { name = "ash-warn" }
phase "scripts" {
  ash_check "strict" {
    paths   = ["/opt/warn"]
    fail_on = "warning"
  }
}
`)
	code, out = runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "/opt/warn/list.sh:2:10 brace-range warning")

	pb = writeFile(t, t.TempDir(), "missing.hcl", `
playbook { name = "ash-missing" }
phase "scripts" {
  ash_check "missing" { paths = ["/opt/nosuch"] }
}
`)
	code, out = runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "missing: /opt/nosuch")
}
