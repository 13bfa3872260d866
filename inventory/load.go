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
	"gopkg.in/yaml.v3"

	"github.com/switchbackhq/switchback/internal/hcldepth"
)

type format int

const (
	formatHCL format = iota
	formatINI
	formatYAML
)

// Load reads an inventory, picking the format from source: a .hcl file is
// HCL; .yml, .yaml and .json files are Ansible YAML; .ini files, files
// without an extension (hosts) and others are Ansible INI, unless a file
// without an extension holds a YAML mapping, which Ansible would read as
// YAML too. A directory is every inventory file in it (subdirectories
// included) merged in name order. Beside an Ansible file, or in a
// directory, group_vars/ and host_vars/ are read as Ansible reads them.
// A source starting with "vagrant:" is a Vagrant environment (see
// VagrantPrefix).
//
// The sources of INI and YAML files are registered with parser, so that
// diagnostics print with their snippets from parser.Files() like HCL's.
func Load(parser *hclparse.Parser, source string) (*Inventory, hcl.Diagnostics) {
	if strings.HasPrefix(source, VagrantPrefix) {
		return loadVagrant(&loader{parser: parser, m: newModel()}, source)
	}
	st, err := os.Stat(source)
	if err != nil {
		summary := "Cannot read inventory"
		if errors.Is(err, fs.ErrNotExist) {
			summary = "Inventory not found"
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  summary,
			Detail:   fmt.Sprintf("The inventory %q cannot be read: %v.", source, err),
		}}
	}
	l := &loader{parser: parser, m: newModel()}
	var diags hcl.Diagnostics
	if st.IsDir() {
		diags = l.dir(source)
		if len(l.m.hosts) == 0 && !diags.HasErrors() {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Empty inventory",
				Detail: fmt.Sprintf("The directory %q holds no inventory file with hosts.", source)})
		}
		diags = append(diags, l.vars(source)...)
	} else {
		diags = l.file(source)
		if formatOf(source, nil) != formatHCL {
			diags = append(diags, l.vars(filepath.Dir(source))...)
		}
	}
	return finish(l.m, source, diags)
}

type loader struct {
	parser *hclparse.Parser
	m      *model
}

// ignoredExt are the files of an inventory directory that are not
// inventories, as in Ansible's INVENTORY_IGNORE_EXTS (.ini is read, as
// since ansible-core 2.19).
var ignoredExt = []string{".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".cfg", ".retry"}

func (l *loader) dir(dir string) hcl.Diagnostics {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read inventory directory", Detail: err.Error()}}
	}
	var diags hcl.Diagnostics
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == "group_vars" || name == "host_vars" ||
			slices.ContainsFunc(ignoredExt, func(ext string) bool { return strings.HasSuffix(name, ext) }) {
			continue
		}
		path := filepath.Join(dir, name)
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
	tf := l.register(path, src)
	if formatOf(path, src) == formatYAML {
		return parseYAMLInventory(l.m, tf)
	}
	return parseINI(l.m, tf)
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
	case "":
		var doc yaml.Node
		if src != nil && yaml.Unmarshal(src, &doc) == nil && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
			return formatYAML
		}
	}
	return formatINI
}

// varsExt are the names Ansible tries for a group or host: NAME is a
// file or a directory, the others files.
var varsExt = []string{"", ".yml", ".yaml", ".json"}

// vars reads dir/group_vars/ and dir/host_vars/ for every group and host
// of the model. Files of groups or hosts the inventory does not have are
// ignored, as Ansible ignores them.
func (l *loader) vars(dir string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	groupDir, hostDir := filepath.Join(dir, "group_vars"), filepath.Join(dir, "host_vars")
	groupNames, hostNames := dirNames(groupDir), dirNames(hostDir)
	for _, g := range l.m.groups {
		for _, path := range varsFiles(groupDir, groupNames, g.name) {
			lv, more := l.varsFile(path)
			diags = append(diags, more...)
			g.file = append(g.file, lv)
		}
	}
	for _, h := range l.m.hosts {
		for _, path := range varsFiles(hostDir, hostNames, h.name) {
			lv, more := l.varsFile(path)
			diags = append(diags, more...)
			h.file = append(h.file, lv)
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

func (l *loader) varsFile(path string) (level, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return level{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read variables file", Detail: err.Error()}}
	}
	return parseVarsFile(l.register(path, src))
}

// varsFiles lists the variables files of name under dir, in the order
// Ansible reads them: NAME (a file, or a directory whose files are read in
// lexical order, subdirectories included), NAME.yml, NAME.yaml, NAME.json.
func varsFiles(dir string, names map[string]bool, name string) []string {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return nil
	}
	var out []string
	for _, ext := range varsExt {
		if !names[name+ext] {
			continue
		}
		path := filepath.Join(dir, name+ext)
		st, err := os.Stat(path)
		switch {
		case err != nil:
		case st.IsDir():
			if ext == "" {
				out = append(out, dirVarsFiles(path)...)
			}
		default:
			out = append(out, path)
		}
	}
	return out
}

func dirVarsFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		st, err := os.Stat(path)
		switch {
		case err != nil:
		case st.IsDir():
			out = append(out, dirVarsFiles(path)...)
		case slices.Contains(varsExt, filepath.Ext(name)):
			out = append(out, path)
		}
	}
	return out
}
