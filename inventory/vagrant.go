package inventory

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// VagrantPrefix starts an inventory source that reads the machines of a
// Vagrant environment: "vagrant:" runs 'vagrant ssh-config' in the
// current directory, "vagrant:DIR" in DIR, and "vagrant:FILE" reads
// what 'vagrant ssh-config' printed earlier.
const VagrantPrefix = "vagrant:"

// VagrantGroup holds every machine of a Vagrant inventory.
const VagrantGroup = "vagrant"

// loadVagrant reads the ssh-config output that source points to into an
// inventory of one host per Host block, in the vagrant group. Machines
// log in as the box's user (vagrant), which becomes root with sudo, as
// Vagrant itself does on them.
func loadVagrant(l *loader, source string) hcl.Diagnostics {
	arg := strings.TrimPrefix(source, VagrantPrefix)
	name, src, diag := vagrantSSHConfig(arg)
	if diag != nil {
		return hcl.Diagnostics{diag}
	}
	before := len(l.m.hosts)
	diags := parseSSHConfig(l.m, l.register(name, src))
	if len(l.m.hosts) == before && !diags.HasErrors() {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Empty inventory",
			Detail: fmt.Sprintf("%s names no machine: is the environment up ('vagrant up')?", name)})
	}
	return diags
}

// vagrantSSHConfig returns the ssh-config text and the name it goes by
// in diagnostics: a saved file, or the output of 'vagrant ssh-config' in
// a directory.
func vagrantSSHConfig(arg string) (string, []byte, *hcl.Diagnostic) {
	dir := arg
	if arg != "" {
		st, err := os.Stat(arg)
		if err != nil {
			return "", nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Inventory not found",
				Detail: fmt.Sprintf("%s%s: %v. Give a Vagrant project directory, or a file holding what 'vagrant ssh-config' printed.", VagrantPrefix, arg, err)}
		}
		if !st.IsDir() {
			src, err := os.ReadFile(arg)
			if err != nil {
				return "", nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read inventory", Detail: err.Error()}
			}
			return arg, src, nil
		}
	}
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read inventory", Detail: err.Error()}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("vagrant", "ssh-config")
	cmd.Dir = abs
	cmd.Env = append(os.Environ(), "VAGRANT_NO_COLOR=1")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return "", nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot list the Vagrant machines",
				Detail: "There is no vagrant command on the PATH. Install Vagrant, or give " + VagrantPrefix + "FILE with what 'vagrant ssh-config' printed on a machine that has it."}
		}
		detail := strings.TrimSpace(stderr.String())
		if detail == "" {
			detail = err.Error()
		}
		return "", nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot list the Vagrant machines",
			Detail: fmt.Sprintf("'vagrant ssh-config' in %s failed: %s. Bring the machines up with 'vagrant up' first.", abs, detail)}
	}
	return "vagrant ssh-config (in " + abs + ")", stdout.Bytes(), nil
}

// sshHost is one Host block of ssh-config output, with where each
// setting was written.
type sshHost struct {
	name    string
	rng     hcl.Range
	entries []varEntry
}

// sshKeywords maps the ssh_config keywords switchback uses to the
// Ansible variable that carries the same setting.
var sshKeywords = map[string]string{
	"hostname":     "ansible_host",
	"user":         "ansible_user",
	"port":         "ansible_port",
	"identityfile": "ansible_ssh_private_key_file",
}

// parseSSHConfig reads ssh_config text as 'vagrant ssh-config' prints it:
// "Host NAME" blocks of "Keyword value" lines (or "Keyword=value"),
// values possibly in double quotes. Keywords switchback has no use for
// (StrictHostKeyChecking, IdentitiesOnly, ...) are skipped; as in ssh,
// the first value of a keyword counts.
func parseSSHConfig(m *model, f *textFile) hcl.Diagnostics {
	var diags hcl.Diagnostics
	var hosts []*sshHost
	var cur *sshHost
	seen := map[string]bool{}
	off := 0
	for _, line := range strings.SplitAfter(string(f.src), "\n") {
		start := off
		off += len(line)
		text := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(text, " \t")
		lead := start + len(text) - len(trimmed)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		kw, value := splitSSHLine(trimmed)
		rng := f.rng(lead, lead+len(strings.TrimRight(trimmed, " \t")))
		key := strings.ToLower(kw)
		if key == "host" {
			if value == "" || strings.ContainsAny(value, " *?!") {
				diags = append(diags, errorAt(rng, "Invalid Host line",
					fmt.Sprintf("%q is not one machine name; 'vagrant ssh-config' writes one \"Host NAME\" line per machine.", trimmed)))
				cur = nil
				continue
			}
			cur = &sshHost{name: value, rng: rng}
			hosts = append(hosts, cur)
			seen = map[string]bool{}
			continue
		}
		variable, used := sshKeywords[key]
		if !used {
			continue
		}
		if key == "port" {
			if _, d := settingPort(varEntry{variable, cty.StringVal(value), rng}); d != nil {
				diags = append(diags, d)
				continue
			}
		}
		if cur == nil {
			diags = append(diags, errorAt(rng, "Setting outside a Host block",
				fmt.Sprintf("%s comes before any \"Host NAME\" line; say which machine it belongs to.", kw)))
			continue
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		cur.entries = append(cur.entries, varEntry{variable, cty.StringVal(value), rng})
	}
	group := m.group(VagrantGroup, hcl.Range{Filename: f.name})
	for _, h := range hosts {
		if !hasEntry(h.entries, "ansible_host") {
			diags = append(diags, errorAt(h.rng, "Machine without an address",
				fmt.Sprintf("Host %s has no HostName line, so switchback cannot tell where to connect. Is the machine running?", h.name)))
			continue
		}
		entries := h.entries
		if user := entryString(entries, "ansible_user"); user != "" && user != "root" {
			entries = append(entries,
				varEntry{"ansible_become", cty.True, h.rng},
				varEntry{"ansible_become_method", cty.StringVal(BecomeSudo), h.rng})
		}
		if m.hostByName[h.name] != nil {
			diags = append(diags, errorAt(h.rng, "Duplicate machine", fmt.Sprintf("Host %s appears twice.", h.name)))
			continue
		}
		hd := m.host(h.name, h.rng)
		hd.inv = append(hd.inv, varsLevel(entries))
		m.addMember(group, hd)
	}
	return diags
}

// splitSSHLine splits "Keyword value", "Keyword=value" or
// `Keyword "quoted value"`.
func splitSSHLine(s string) (keyword, value string) {
	i := strings.IndexAny(s, " \t=")
	if i < 0 {
		return s, ""
	}
	keyword = s[:i]
	rest := strings.TrimLeft(s[i:], " \t")
	rest = strings.TrimPrefix(rest, "=")
	rest = strings.TrimSpace(rest)
	if len(rest) >= 2 && rest[0] == '"' && rest[len(rest)-1] == '"' {
		if u, err := strconv.Unquote(rest); err == nil {
			return keyword, u
		}
		return keyword, rest[1 : len(rest)-1]
	}
	return keyword, rest
}

func hasEntry(entries []varEntry, name string) bool {
	for _, e := range entries {
		if e.name == name {
			return true
		}
	}
	return false
}

func entryString(entries []varEntry, name string) string {
	for _, e := range entries {
		if e.name == name && e.val.Type() == cty.String {
			return e.val.AsString()
		}
	}
	return ""
}
