package inventory

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"

	"github.com/switchbackhq/switchback/internal/hcldepth"
)

type format int

const (
	formatHCL format = iota
	formatINI
	formatYAML
	formatTOML
)

// Options are what loading may need besides the sources.
type Options struct {
	// Vault decrypts !vault values and encrypted variables files; without
	// it they are refused, each named.
	Vault *Vault
}

// loadCtx is the state one load shares between its files.
type loadCtx struct {
	vault   *Vault
	secrets []string
}

// secret records a decrypted value, for runs to mask.
func (c *loadCtx) secret(s string) {
	if strings.TrimSpace(s) != "" && !slices.Contains(c.secrets, s) {
		c.secrets = append(c.secrets, s)
	}
}

// Load reads one inventory source; see LoadAll.
func Load(parser *hclparse.Parser, source string) (*Inventory, hcl.Diagnostics) {
	return LoadAll(parser, []string{source}, Options{})
}

// LoadAll reads inventory sources and merges them, in order, as Ansible
// merges several -i: a host or group in two sources is one host or
// group, and a later source's values win. The format of a file comes
// from its name: .hcl is HCL; .yml, .yaml and .json are Ansible YAML;
// .toml is Ansible TOML; others are Ansible INI, unless a file without
// an extension holds a YAML mapping, which Ansible would read as YAML
// too. A directory is every inventory file in it (subdirectories
// included) in name order, as Ansible reads one: hidden files, backups
// and the extensions Ansible ignores (.ini, .cfg, .retry, .md, ...)
// skipped, files that configure inventory plugins skipped with a
// warning. Beside an Ansible file, or in a directory, group_vars/ and
// host_vars/ are read as Ansible reads them. A source starting with
// "vagrant:" is a Vagrant environment (see VagrantPrefix).
//
// The sources of INI, YAML and TOML files are registered with parser, so
// that diagnostics print with their snippets from parser.Files() like
// HCL's.
func LoadAll(parser *hclparse.Parser, sources []string, opts Options) (*Inventory, hcl.Diagnostics) {
	if len(sources) == 0 {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "No inventory",
			Detail: "Give an inventory with -i: an .hcl file, an Ansible INI or YAML file, or a directory of them."}}
	}
	l := &loader{parser: parser, m: newModel(), ctx: &loadCtx{vault: opts.Vault}}
	var diags hcl.Diagnostics
	var varsDirs []string
	for _, source := range sources {
		if strings.HasPrefix(source, VagrantPrefix) {
			diags = append(diags, loadVagrant(l, source)...)
			continue
		}
		st, err := os.Stat(source)
		if err != nil && strings.Contains(source, ",") {
			// A host list, as in ansible -i web01,web02,
			l.m.ansible = true
			diags = append(diags, hostList(l.m, source)...)
			continue
		}
		if err != nil {
			summary := "Cannot read inventory"
			if errors.Is(err, fs.ErrNotExist) {
				summary = "Inventory not found"
			}
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  summary,
				Detail:   fmt.Sprintf("The inventory %q cannot be read: %v.", source, err),
			})
			continue
		}
		if st.IsDir() {
			before := len(l.m.hosts)
			more := l.dir(source)
			diags = append(diags, more...)
			if len(l.m.hosts) == before && !more.HasErrors() {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Empty inventory",
					Detail: fmt.Sprintf("The directory %q holds no inventory file with hosts.", source)})
			}
			varsDirs = append(varsDirs, source)
		} else {
			diags = append(diags, l.file(source)...)
			if formatOf(source, nil) != formatHCL {
				varsDirs = append(varsDirs, filepath.Dir(source))
			}
		}
	}
	l.m.srcs = len(varsDirs)
	for i, dir := range varsDirs {
		diags = append(diags, l.vars(i, dir)...)
	}
	name := strings.Join(sources, ",")
	inv, diags := finish(l.m, name, diags)
	if inv != nil {
		inv.Secrets = l.ctx.secrets
	}
	return inv, diags
}

// hostList reads a comma-separated list of hosts, as Ansible's host_list
// plugin does: each an address with an optional port, in ungrouped.
func hostList(m *model, list string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, h := range strings.Split(list, ",") {
		if h = strings.TrimSpace(h); h == "" {
			continue
		}
		host, port, ok := parseAddress(h, false)
		if !ok {
			host, port = h, -1
		}
		if m.hostByName[host] == nil {
			diags = append(diags, addHosts(m, m.ungrouped, []string{host}, port, hcl.Range{}, nil)...)
		}
	}
	return diags
}

type loader struct {
	parser *hclparse.Parser
	m      *model
	ctx    *loadCtx
}

// ignoredExt are the files of an inventory directory that are not
// inventories: Ansible 2.14's INVENTORY_IGNORE_EXTS, .ini included.
var ignoredExt = []string{".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry"}

func (l *loader) dir(dir string) hcl.Diagnostics {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read inventory directory", Detail: err.Error()}}
	}
	var diags hcl.Diagnostics
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == "group_vars" || name == "host_vars" || name == "vars_plugins" {
			continue
		}
		path := filepath.Join(dir, name)
		if slices.ContainsFunc(ignoredExt, func(ext string) bool { return strings.HasSuffix(name, ext) }) {
			if strings.HasSuffix(name, ".ini") {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "File skipped",
					Detail: fmt.Sprintf("%s is skipped: in an inventory directory, Ansible 2.14 ignores .ini files (inventory_ignore_extensions), and so does switchback. Give it with its own -i, or rename it.", path)})
			}
			continue
		}
		st, err := os.Stat(path)
		if err != nil {
			continue
		}
		if st.IsDir() {
			diags = append(diags, l.dir(path)...)
		} else {
			diags = append(diags, l.file(path)...)
		}
	}
	return diags
}

// file adds one inventory file to the model.
func (l *loader) file(path string) hcl.Diagnostics {
	if formatOf(path, nil) == formatHCL {
		f, diags := hcldepth.ParseHCLFile(l.parser, path)
		if diags.HasErrors() {
			return diags
		}
		return append(diags, decodeHCL(l.m, f, filepath.Dir(path))...)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read inventory file", Detail: err.Error()}}
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o111 != 0 && strings.HasPrefix(string(src), "#!") {
		return hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Inventory script skipped",
			Detail: fmt.Sprintf("%s is an executable script, which Ansible would run as a dynamic inventory; switchback does not run inventory scripts, so the hosts it would give are missing. Save its output (--list) as a JSON inventory instead.", path)}}
	}
	l.m.ansible = true
	tf := l.register(path, src)
	// Ansible tries its readers in turn (yaml for YAML and JSON names and
	// names without an extension, ini for any file, toml for .toml) and
	// keeps the first that reads the file; the errors shown are those of
	// the format the file's name or content points to.
	primary := formatOf(path, src)
	var tries []format
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case "", ".yml", ".yaml", ".json":
		tries = []format{formatYAML, formatINI}
	case ".toml":
		tries = []format{formatINI, formatTOML}
	default:
		tries = []format{formatINI}
	}
	var primaryDiags hcl.Diagnostics
	for _, f := range tries {
		restore := l.m.snapshot()
		groups, hosts := len(l.m.groups), len(l.m.hosts)
		var diags hcl.Diagnostics
		switch f {
		case formatYAML:
			diags = parseYAMLInventory(l.m, tf, l.ctx)
		case formatTOML:
			diags = parseTOMLInventory(l.m, tf, l.ctx)
		default:
			tf.sections = nil
			diags = parseINI(l.m, tf)
		}
		if !diags.HasErrors() {
			if f == formatINI && primary == formatYAML && (len(l.m.groups) > groups || len(l.m.hosts) > hosts) {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Read as INI",
					Detail: fmt.Sprintf("%s does not read as a YAML inventory (%s), so it was read as INI, as Ansible does.", path, strings.TrimSuffix(primaryDiags[0].Detail, "."))})
			}
			return diags
		}
		restore()
		if f == primary || primaryDiags == nil {
			primaryDiags = diags
		}
	}
	return primaryDiags
}

// register keeps a source with the parser, for snippets in diagnostics.
func (l *loader) register(path string, src []byte) *textFile {
	tf := newTextFile(path, src)
	l.parser.AddFile(path, tf.hclFile())
	return tf
}

// formatOf picks a file's format from its name; without an extension,
// from src when given.
func formatOf(path string, src []byte) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".hcl":
		return formatHCL
	case ".yml", ".yaml", ".json":
		return formatYAML
	case ".toml":
		return formatTOML
	case "":
		var doc yaml.Node
		if src != nil && yaml.Unmarshal(src, &doc) == nil && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
			return formatYAML
		}
	}
	return formatINI
}

// varsExt are the names Ansible tries for a group or host, in order: NAME
// (a file, or a directory), NAME.yml, NAME.yaml, NAME.json.
var varsExt = []string{"", ".yml", ".yaml", ".json"}

// vars reads dir/group_vars/ and dir/host_vars/ for every group and host
// of the model, as the variables of inventory source src. Files of
// groups or hosts the inventory does not have are ignored, as Ansible
// ignores them.
func (l *loader) vars(src int, dir string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	groupDir, hostDir := filepath.Join(dir, "group_vars"), filepath.Join(dir, "host_vars")
	groupNames, hostNames := dirNames(groupDir), dirNames(hostDir)
	for _, g := range l.m.groups {
		for _, path := range varsFiles(groupDir, groupNames, g.name) {
			lv, more := l.varsFile(path)
			diags = append(diags, more...)
			g.file = append(g.file, fileLevel{src, lv})
		}
	}
	for _, h := range l.m.hosts {
		for _, path := range varsFiles(hostDir, hostNames, h.name) {
			lv, more := l.varsFile(path)
			diags = append(diags, more...)
			h.file = append(h.file, fileLevel{src, lv})
		}
	}
	return diags
}

// dirNames lists the names in dir, so that looking for the files of many
// hosts costs no system call per host.
func dirNames(dir string) map[string]bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	names := make(map[string]bool, len(entries))
	for _, e := range entries {
		names[e.Name()] = true
	}
	return names
}

// varsFile reads one variables file, decrypting it first when it is
// encrypted whole with Ansible Vault. The decrypted text is not
// registered with the parser, so that no diagnostic quotes it.
func (l *loader) varsFile(path string) (level, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return level{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read variables file", Detail: err.Error()}}
	}
	if !isVaultText(src) {
		return parseVarsFile(l.register(path, src), l.ctx)
	}
	tf := l.register(path, src)
	plain, err := l.ctx.vault.Decrypt(src)
	switch {
	case errors.Is(err, errNoVaultPassword):
		return level{}, hcl.Diagnostics{errorAt(tf.rng(0, tf.lineEnd(0)), "Encrypted variables file",
			"This file is encrypted with Ansible Vault; give its password with --vault-password-file FILE (or ANSIBLE_VAULT_PASSWORD_FILE) to decrypt it.")}
	case err != nil:
		return level{}, hcl.Diagnostics{errorAt(tf.rng(0, tf.lineEnd(0)), "Encrypted variables file",
			fmt.Sprintf("This file is encrypted with Ansible Vault and cannot be decrypted: %v.", err))}
	}
	lv, diags := parseVarsFile(newTextFile(path, plain), l.ctx)
	// Positions in the decrypted text mean nothing in the file as it is:
	// messages point at its header.
	header := tf.rng(0, tf.lineEnd(0))
	for k := range lv.rngs {
		lv.rngs[k] = header
	}
	for _, d := range diags {
		d.Subject = header.Ptr()
	}
	for _, v := range lv.vars {
		_ = cty.Walk(v, func(_ cty.Path, v cty.Value) (bool, error) {
			if !v.IsNull() && v.Type() == cty.String && len(v.AsString()) >= minFileSecret {
				l.ctx.secret(v.AsString())
			}
			return true, nil
		})
	}
	return lv, diags
}

// minFileSecret is the length from which the strings of an encrypted
// variables file are masked in runs' output: shorter ones (yes, 80)
// would mask ordinary words.
const minFileSecret = 4

// varsFiles lists the variables files of name under dir, as Ansible finds
// them: the first of NAME, NAME.yml, NAME.yaml and NAME.json that exists,
// and when it is the directory NAME/, the files in it in lexical order
// (subdirectories included).
func varsFiles(dir string, names map[string]bool, name string) []string {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return nil
	}
	for _, ext := range varsExt {
		if !names[name+ext] {
			continue
		}
		path := filepath.Join(dir, name+ext)
		st, err := os.Stat(path)
		switch {
		case err != nil:
			continue
		case st.IsDir():
			return dirVarsFiles(path)
		default:
			return []string{path}
		}
	}
	return nil
}

// dirVarsFiles lists a variables directory as Ansible does: hidden files
// and backups (~) skipped, files without an extension or with a YAML or
// JSON one, and subdirectories without an extension, in lexical order.
func dirVarsFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
			continue
		}
		path := filepath.Join(dir, name)
		st, err := os.Stat(path)
		ext := filepath.Ext(name)
		switch {
		case err != nil:
		case st.IsDir():
			if ext == "" {
				out = append(out, dirVarsFiles(path)...)
			}
		case slices.Contains(varsExt, ext):
			out = append(out, path)
		}
	}
	return out
}
