package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const rotatePlaybook = `
playbook { name = "rotate" }
variable "pw" {
  type      = string
  sensitive = true
}
variable "csv" {
  type      = string
  sensitive = true
  default   = "1,second-part-of-csv"
}
locals {
  parts = split(",", var.csv)
}
phase "p" {
  file "creds" {
    path    = "/root/creds"
    content = "user=app\npassword=${var.pw}\nport=${local.parts[0]}\n"
    mode    = "0600"
  }
  file "plain" {
    path    = "/root/plain"
    content = "a\nb\n1\n"
  }
  command "echoes it escaped" {
    run           = "printf '%s\\n' ${shellquote(jsonencode({ pw = var.pw }))} ${shellquote(format("%q", local.parts[1]))} >&2; exit 3"
    ignore_errors = true
  }
}
`

// TestSecretsHiddenInEveryRendering rotates a secret written into a file
// and prints it escaped, through the console, --output json and --junit:
// neither the new value nor the old one shows, in no form (as it is,
// shell-quoted, JSON- or %q-escaped), while a secret's one-character
// part hides nothing else (the diff of an unrelated file keeps its 1s).
func TestSecretsHiddenInEveryRendering(t *testing.T) {
	const oldSecret = "Old-Secret-Value-77"
	newSecret := "Rot\"at\\ed\tPw'2"
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	if err := os.WriteFile(h.Path("/root/creds"), []byte("user=app\npassword="+oldSecret+"\nport=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pb := writeFile(t, dir, "rotate.hcl", rotatePlaybook)
	junit := filepath.Join(dir, "junit.xml")
	var outputs []string
	for _, format := range []string{"text", "json"} {
		if format == "json" { // the second run changes nothing: rotate again
			if err := os.WriteFile(h.Path("/root/creds"), []byte("user=app\npassword="+oldSecret+"\nport=1\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			os.Remove(h.Path("/root/plain"))
		}
		code, out := runCLI(t, append(runArgs(f, pb), "--var", "pw="+newSecret, "--junit", junit, "--output", format, "--diff")...)
		if code != runner.ExitOK {
			t.Fatalf("%s: exit %d", format, code)
		}
		outputs = append(outputs, out)
	}
	if got := mustRead(t, h.Path("/root/creds")); got != "user=app\npassword="+newSecret+"\nport=1\n" {
		t.Fatalf("the host holds %q: the secret did not reach it", got)
	}
	b, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	outputs = append(outputs, string(b))
	forbidden := []string{oldSecret, newSecret, "second-part-of-csv",
		`Rot\"at\\ed\tPw'2`,    // JSON, %q
		`Rot"at\ed	Pw'\''2`,    // shell-quoted
		`Rot\"at\\ed\tPw'\''2`, // JSON inside a shell word
		`second-part-of-csv\"`} // %q inside JSON
	for i, out := range outputs {
		for _, s := range forbidden {
			if strings.Contains(out, s) {
				t.Errorf("report %d shows %q:\n%s", i, s, out)
			}
		}
	}
	text := outputs[0]
	wantInOutput(t, text, "(contents not shown: they hold a sensitive value; 1 line(s) removed, 1 added)",
		"@@ -0,0 +1,3 @@", "+1", runner.Masked)
	if strings.Contains(text, "+(sensitive)") || strings.Contains(text, "(sensitive),3") {
		t.Errorf("a one-character part of a secret hides unrelated text:\n%s", text)
	}
}
