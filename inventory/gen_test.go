package inventory_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// genInventory writes a random Ansible inventory under dir: one or more
// sources (INI files, YAML files, or a directory of both), each with
// group_vars/ and host_vars/ beside it, and returns the -i arguments. It
// uses what real inventories use, and what trips readers: children
// declared before their groups, ranges, host:port, repeated declarations,
// Python literals of every type in INI, YAML 1.1 scalars, old and new
// spellings of connection variables, a host and a group of one name,
// group_vars as files and as directories, vault-encrypted values, and
// files Ansible skips (.ini in a directory, plugin configurations).
type genInventory struct {
	r   *rand.Rand
	dir string
	// encrypt encrypts a value with Ansible's vault code; nil: no vault.
	encrypt func(string) string

	hosts  []string // host names to draw from
	groups []string // group names to draw from
	files  map[string]string
	// vaulted are the plaintexts of the vault values written.
	vaulted []string
}

var (
	genHostNames  = []string{"web01", "web02", "web-03", "db1", "db2", "app.example.com", "10.0.0.5", "fe80::1", "cache", "edge_1", "mail"}
	genGroupNames = []string{"web", "db", "app", "prod", "staging", "eu", "us", "a_team", "b_team", "canary", "cache", "edge", "lonely"}
	genVarNames   = []string{"color", "size", "http_port", "ntp_server", "packages", "settings", "flag", "empty", "ratio", "note"}
	genConnVars   = []string{"ansible_host", "ansible_ssh_host", "ansible_port", "ansible_ssh_port", "ansible_user", "ansible_ssh_user",
		"ansible_become", "ansible_become_method", "ansible_connection", "ansible_ssh_common_args", "ansible_python_interpreter"}
)

func (g *genInventory) chance(p float64) bool { return g.r.Float64() < p }

func (g *genInventory) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *genInventory) some(list []string, maxN int) []string {
	if len(list) == 0 {
		return nil
	}
	n := g.r.IntN(maxN + 1)
	out := make([]string, 0, n)
	for range n {
		if v := g.pick(list); !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func (g *genInventory) write(rel, content string) {
	path := filepath.Join(g.dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		panic(err)
	}
	g.files[rel] = content
}

// generate writes the inventory and returns its sources.
func (g *genInventory) generate() []string {
	g.files = map[string]string{}
	g.hosts = g.some(genHostNames, 8)
	if len(g.hosts) == 0 {
		g.hosts = []string{"solo"}
	}
	g.groups = g.some(genGroupNames, 7)
	if g.chance(0.15) {
		// A host and a group of one name.
		g.groups = append(g.groups, g.pick(g.hosts))
	}
	var sources []string
	switch n := g.r.IntN(10); {
	case n < 6:
		sources = []string{g.source("inv", "hosts")}
	case n < 8:
		sources = []string{g.source("one", "hosts"), g.source("two", "hosts")}
	default:
		// A directory of several files.
		dir := "inv"
		g.file(dir + "/10-static")
		g.file(dir + "/20-more.yml")
		if g.chance(0.5) {
			g.write(dir+"/30-skipped.ini", "[skipped]\nnever-read\n")
		}
		if g.chance(0.5) {
			g.write(dir+"/40-cloud.yml", "plugin: amazon.aws.aws_ec2\nregions: [eu-west-1]\n")
		}
		g.varsDirs(dir)
		sources = []string{filepath.Join(g.dir, dir)}
	}
	if g.chance(0.1) {
		// A host list, as in -i web01,web02:2222,
		var list []string
		for range 1 + g.r.IntN(3) {
			list = append(list, g.hostPattern(false))
		}
		sources = append(sources, strings.Join(list, ",")+",")
	}
	return sources
}

// source writes one inventory file with its group_vars/ and host_vars/.
func (g *genInventory) source(dir, name string) string {
	path := g.file(dir + "/" + name)
	g.varsDirs(dir)
	return path
}

// file writes an INI, YAML or TOML inventory file; name gets .yml,
// .yaml or .toml, or stays without an extension.
func (g *genInventory) file(rel string) string {
	if !strings.HasSuffix(rel, ".yml") && g.chance(0.12) {
		rel += ".toml"
		g.write(rel, g.tomlInventory())
		return filepath.Join(g.dir, rel)
	}
	if strings.HasSuffix(rel, ".yml") || g.chance(0.45) {
		if !strings.HasSuffix(rel, ".yml") {
			rel += g.pick([]string{".yml", ".yaml", ".yml"})
		}
		if g.chance(0.04) {
			// Not YAML at all: Ansible reads it as INI.
			g.write(rel, g.iniInventory())
			return filepath.Join(g.dir, rel)
		}
		g.write(rel, g.yamlInventory())
	} else {
		g.write(rel, g.iniInventory())
	}
	return filepath.Join(g.dir, rel)
}

// hostPattern is a host as an inventory line names it: sometimes a range,
// sometimes with a port.
func (g *genInventory) hostPattern(yaml bool) string {
	switch {
	case g.chance(0.08):
		return g.pick([]string{"web[01:03]", "db-[a:c]", "node[1:5:2]", "rack[1:2]-[a:b]", "app[:2]"})
	case g.chance(0.1):
		h := g.pick(g.hosts)
		if strings.Contains(h, ":") {
			return "[" + h + "]:" + strconv.Itoa(2200+g.r.IntN(3))
		}
		return h + ":" + strconv.Itoa(2200+g.r.IntN(3))
	}
	return g.pick(g.hosts)
}

// iniVars writes a [grp:vars] section, usually of a group the file
// declares (Ansible refuses one for an undeclared group).
func (g *genInventory) iniVars(b *strings.Builder, grp string) {
	fmt.Fprintf(b, "\n[%s:vars]\n", grp)
	for range 1 + g.r.IntN(3) {
		name := g.varName(true)
		value := g.pyLiteral(0, false)
		if name == "ansible_group_priority" && !g.chance(0.05) {
			value = strconv.Itoa(g.r.IntN(20) - 5)
		}
		fmt.Fprintf(b, "%s=%s\n", name, value)
	}
	if !g.chance(0.05) {
		fmt.Fprintf(b, "[%s]\n", grp)
	}
}

func (g *genInventory) iniInventory() string {
	var b strings.Builder
	if g.chance(0.3) {
		for _, h := range g.some(g.hosts, 2) {
			fmt.Fprintf(&b, "%s%s\n", h, g.iniHostVars())
		}
	}
	for _, grp := range g.some(g.groups, 6) {
		kind := g.r.IntN(10)
		switch {
		case kind < 5:
			fmt.Fprintf(&b, "\n[%s]\n", grp)
			for range g.r.IntN(4) {
				fmt.Fprintf(&b, "%s%s\n", g.hostPattern(false), g.iniHostVars())
			}
		case kind < 8:
			// Children may be declared later in the file, or never (an
			// error in both Ansible and switchback).
			fmt.Fprintf(&b, "\n[%s:children]\n", grp)
			kids := g.children(grp)
			for _, c := range kids {
				fmt.Fprintf(&b, "%s\n", c)
			}
			// Declared after they are named, as Ansible allows; at times
			// one is left undeclared, which both refuse.
			for _, c := range kids {
				if !g.chance(0.04) {
					fmt.Fprintf(&b, "[%s]\n", c)
					if g.chance(0.4) {
						fmt.Fprintf(&b, "%s%s\n", g.hostPattern(false), g.iniHostVars())
					}
				}
			}
		default:
			g.iniVars(&b, grp)
		}
		if g.chance(0.3) {
			g.iniVars(&b, grp)
		}
	}
	if g.chance(0.3) {
		fmt.Fprintf(&b, "\n[all:vars]\n%s=%s\n", g.varName(false), g.pyLiteral(0, false))
	}
	return b.String()
}

// children picks child groups for grp among the groups after it, so that
// most inventories have no cycle.
func (g *genInventory) children(grp string) []string {
	i := slices.Index(g.groups, grp)
	var out []string
	for _, c := range g.groups[i+1:] {
		if g.chance(0.4) {
			out = append(out, c)
		}
	}
	if g.chance(0.03) && i > 0 {
		out = append(out, g.groups[0]) // perhaps a cycle
	}
	return out
}

func (g *genInventory) varName(group bool) string {
	switch {
	case group && g.chance(0.08):
		return "ansible_group_priority"
	case g.chance(0.25):
		return g.pick(genConnVars)
	}
	return g.pick(genVarNames)
}

func (g *genInventory) iniHostVars() string {
	var b strings.Builder
	for range g.r.IntN(3) {
		fmt.Fprintf(&b, " %s=%s", g.varName(false), shellQuote(g.pyLiteral(0, true)))
	}
	if g.chance(0.1) {
		b.WriteString(" # a comment")
	}
	return b.String()
}

// shellQuote quotes a value for a host line, which Ansible splits as a
// shell would before reading each value as a Python literal.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"'\\#") {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// pyLiteral writes a Python literal, or something that is not one.
func (g *genInventory) pyLiteral(depth int, hostLine bool) string {
	k := g.r.IntN(24)
	if depth > 1 && k >= 18 {
		k = g.r.IntN(12)
	}
	switch k {
	case 0:
		return strconv.Itoa(g.r.IntN(100000) - 50000)
	case 1:
		return g.pick([]string{"0x1F", "0o17", "0b101", "1_000", "-0x10", "00", "007", "+5", "- 3", "10**2", "1__0"})
	case 2:
		return g.pick([]string{"1.5", "-0.25", "1e3", ".5", "5.", "1_0.5", "2E-2", "3j", "1+2j"})
	case 3:
		return g.pick([]string{"True", "False", "None", "true", "yes", "TRUE", "null"})
	case 4:
		return "'" + g.pick([]string{"plain", "two words", "a # b", `it\'s`, `tab\there`, `\x41\u00e9`, `\101`, "", `back\\slash`}) + "'"
	case 5:
		return `"` + g.pick([]string{"dq", "with 'single'", `esc\"aped`, `\N{DASH}`, "a=b"}) + `"`
	case 6:
		return g.pick([]string{"u'uni'", "r'raw\\d'", "b'bytes'", "rb'x'", "f'fmt'", "'a' 'b'", "'''tri'''", `"a" 'b'`})
	case 7:
		return g.pick([]string{"v # c", "8080 # c", "'x' # c", "plain-word", "/usr/bin/python3", "a=b", "{{ inventory_hostname }}", "-", "@", "1.2.3.4", "web01:22"})
	case 8, 9:
		return g.pick([]string{"value", "eu-west-1", "10.0.0.1", "ops", "nginx", "on", "off"})
	case 10:
		return g.pick([]string{"set()", "{1, 2}", "(1,)", "()", "1, 2", "(1)", "[,]", "[1, 2", "{'a': 1,}", "[1,]"})
	case 11:
		return strconv.Itoa(g.r.IntN(65535) + 1)
	case 12, 13, 14:
		var parts []string
		for range g.r.IntN(4) {
			parts = append(parts, g.pyLiteral(depth+1, hostLine))
		}
		if g.chance(0.3) {
			return "(" + strings.Join(parts, ", ") + ",)"
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case 15, 16, 17:
		var parts []string
		for range g.r.IntN(4) {
			key := g.pick([]string{"'a'", "'b'", `"c"`, "1", "2.5", "True", "None", "'a'", "'a'", "'b'", "(1, [2])", "[1]", "(1, 2)"})
			parts = append(parts, key+": "+g.pyLiteral(depth+1, hostLine))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "'" + g.pick(genVarNames) + "'"
}

func (g *genInventory) yamlInventory() string {
	var b strings.Builder
	top := g.some(g.groups, 4)
	if g.chance(0.7) {
		top = append([]string{"all"}, top...)
	}
	if g.chance(0.1) {
		top = append(top, "all") // a repeated top-level key: the last wins
	}
	if len(top) == 0 {
		top = []string{"all"}
	}
	seen := map[string]bool{}
	for _, grp := range top {
		g.yamlGroup(&b, grp, 0, seen)
	}
	return b.String()
}

func (g *genInventory) yamlGroup(b *strings.Builder, grp string, indent int, seen map[string]bool) {
	pad := strings.Repeat("  ", indent)
	if g.chance(0.05) {
		fmt.Fprintf(b, "%s%s:\n", pad, yamlKey(grp)) // a group with nothing
		return
	}
	if g.chance(0.03) {
		fmt.Fprintf(b, "%s%s: [not, a, mapping]\n", pad, yamlKey(grp))
		return
	}
	fmt.Fprintf(b, "%s%s:\n", pad, yamlKey(grp))
	sections := []string{"hosts", "vars", "children"}
	g.r.Shuffle(len(sections), func(i, j int) { sections[i], sections[j] = sections[j], sections[i] })
	for _, s := range sections {
		switch {
		case s == "hosts" && g.chance(0.6):
			hosts := g.r.IntN(4)
			if hosts == 1 && g.chance(0.2) {
				fmt.Fprintf(b, "%s  hosts: %s\n", pad, yamlKey(g.hostPattern(true)))
				continue
			}
			fmt.Fprintf(b, "%s  hosts:\n", pad)
			for range hosts {
				g.yamlHost(b, indent+2)
			}
		case s == "vars" && g.chance(0.4):
			fmt.Fprintf(b, "%s  vars:\n", pad)
			for range 1 + g.r.IntN(3) {
				name, value := g.varName(true), g.yamlValue(0)
				if name == "ansible_group_priority" && !g.chance(0.05) {
					value = strconv.Itoa(g.r.IntN(20) - 5)
				}
				fmt.Fprintf(b, "%s    %s: %s\n", pad, name, value)
			}
		case s == "children" && g.chance(0.5) && indent < 6:
			fmt.Fprintf(b, "%s  children:\n", pad)
			for _, c := range g.children(grp) {
				if seen[c] && g.chance(0.5) {
					fmt.Fprintf(b, "%s    %s:\n", pad, yamlKey(c))
					continue
				}
				seen[c] = true
				g.yamlGroup(b, c, indent+2, seen)
			}
		}
	}
	if g.chance(0.05) {
		fmt.Fprintf(b, "%s  colour: blue\n", pad) // a key Ansible skips
	}
}

func (g *genInventory) yamlHost(b *strings.Builder, indent int) {
	pad := strings.Repeat("  ", indent)
	h := yamlKey(g.hostPattern(true))
	n := g.r.IntN(3)
	if n == 0 {
		fmt.Fprintf(b, "%s%s:\n", pad, h)
		return
	}
	fmt.Fprintf(b, "%s%s:\n", pad, h)
	for range n {
		fmt.Fprintf(b, "%s  %s: %s\n", pad, g.varName(false), g.yamlValue(0))
	}
}

// yamlKey quotes names YAML would read otherwise (fe80::1, 10.0.0.5:2200).
func yamlKey(s string) string {
	if strings.ContainsAny(s, ":[]{}#,&*!|>'\"%@`") {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// yamlValue writes a YAML value in flow style, on one line.
func (g *genInventory) yamlValue(depth int) string {
	k := g.r.IntN(20)
	if depth > 1 && k >= 14 {
		k = g.r.IntN(10)
	}
	switch k {
	case 0:
		return strconv.Itoa(g.r.IntN(100000) - 50000)
	case 1:
		return g.pick([]string{"010", "0x1F", "0o17", "0b101", "1_000", "1:30", "-1:30", "+12", "08", "0"})
	case 2:
		return g.pick([]string{"1.5", "1e5", "1.0e+5", "1.5E-3", ".5", "1:30.5", "3.", "1_0.5", "6.8523015e+5"})
	case 3:
		return g.pick([]string{"yes", "No", "on", "OFF", "true", "False", "y", "n", "~", "null", "Null", ""})
	case 4:
		if g.chance(0.05) {
			return g.pick([]string{"2001-02-30", "{{ unquoted }}"}) // errors in both
		}
		return g.pick([]string{"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14 02:59:43"})
	case 5:
		return g.pick([]string{`"quoted"`, `'single'`, `"yes"`, `'010'`, `"tab\there"`, `"\u00e9t\xe9"`, `!!str 123`, `!!int "42"`, `!unsafe '{{ x }}'`})
	case 6, 7:
		return g.pick([]string{"value", "eu-west-1", "10.0.0.1", "ops", "a b c", `"{{ inventory_hostname }}"`, "/usr/bin/python3", "web01:22"})
	case 8:
		if g.encrypt != nil {
			plain := g.pick([]string{"s3cret", "hunter2", "pa ss"})
			g.vaulted = append(g.vaulted, plain)
			text, _ := json.Marshal(g.encrypt(plain))
			return "!vault " + string(text)
		}
		return "plain"
	case 9:
		return strconv.Itoa(g.r.IntN(65535) + 1)
	case 10, 11, 12:
		var parts []string
		for range g.r.IntN(4) {
			parts = append(parts, g.yamlValue(depth+1))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	default:
		var parts []string
		for range g.r.IntN(4) {
			parts = append(parts, g.pick([]string{"a", "b", "'c'", "1", "yes", "~"})+": "+g.yamlValue(depth+1))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
}

// tomlInventory writes a TOML inventory: [GROUP.vars], [GROUP.hosts],
// children lists, inline tables. Keys and values are written with spaces
// around "=" and without "=" in values: Ansible 2.14 tries its INI
// reader on a .toml file first, and that attempt should fail at once.
func (g *genInventory) tomlInventory() string {
	var b strings.Builder
	groups := g.some(g.groups, 4)
	if g.chance(0.6) {
		groups = append([]string{"all"}, groups...)
	}
	if len(groups) == 0 {
		groups = []string{"all"}
	}
	for _, grp := range groups {
		if g.chance(0.3) && grp != "all" {
			fmt.Fprintf(&b, "[%s]\n", tomlKey(grp))
			if kids := g.children(grp); len(kids) > 0 {
				var quoted []string
				for _, k := range kids {
					quoted = append(quoted, strconv.Quote(k))
				}
				fmt.Fprintf(&b, "children = [%s]\n", strings.Join(quoted, ", "))
			}
			if g.chance(0.4) {
				fmt.Fprintf(&b, "vars = { %s = %s }\n", g.varName(false), g.tomlValue(1))
			}
		}
		if g.chance(0.5) {
			fmt.Fprintf(&b, "[%s.vars]\n", tomlKey(grp))
			for range 1 + g.r.IntN(3) {
				name, value := g.varName(true), g.tomlValue(0)
				if name == "ansible_group_priority" {
					value = strconv.Itoa(g.r.IntN(20) - 5)
				}
				fmt.Fprintf(&b, "%s = %s\n", name, value)
			}
		}
		if g.chance(0.7) {
			fmt.Fprintf(&b, "[%s.hosts]\n", tomlKey(grp))
			seen := map[string]bool{}
			for range 1 + g.r.IntN(3) {
				h := g.hostPattern(false)
				if seen[h] {
					continue // a repeated key is an error in TOML
				}
				seen[h] = true
				var vars []string
				names := map[string]bool{}
				for range g.r.IntN(3) {
					if n := g.varName(false); !names[n] {
						names[n] = true
						vars = append(vars, n+" = "+g.tomlValue(1))
					}
				}
				fmt.Fprintf(&b, "%s = { %s }\n", strconv.Quote(h), strings.Join(vars, ", "))
			}
		}
	}
	return b.String()
}

func tomlKey(s string) string {
	if strings.ContainsAny(s, ".:[]\"'") {
		return strconv.Quote(s)
	}
	return s
}

// tomlValue writes a TOML value (arrays of one type, as the TOML reader
// Debian's Ansible uses still requires).
func (g *genInventory) tomlValue(depth int) string {
	switch k := g.r.IntN(9); {
	case k == 0:
		return strconv.Itoa(g.r.IntN(100000) - 50000)
	case k == 1:
		return g.pick([]string{"1.5", "-0.25", "1e5", "6.02e23", "0x1F", "0o17", "1_000"})
	case k == 2:
		return g.pick([]string{"true", "false"})
	case k == 3:
		return g.pick([]string{"1979-05-27", "1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27T07:32:00"})
	case k == 4 && depth < 2:
		n := g.r.IntN(3)
		var parts []string
		for range n {
			parts = append(parts, strconv.Itoa(g.r.IntN(100)))
		}
		if g.chance(0.5) {
			parts = parts[:0]
			for range n {
				parts = append(parts, strconv.Quote(g.pick(genVarNames)))
			}
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case k == 5 && depth < 2:
		return "{ a = " + g.tomlValue(depth+1) + " }"
	}
	return strconv.Quote(g.pick([]string{"value", "eu-west-1", "10.0.0.1", "yes", "{{ inventory_hostname }}", "a b"}))
}

// varsDirs writes group_vars/ and host_vars/ beside a source.
func (g *genInventory) varsDirs(dir string) {
	names := append([]string{"all", "ungrouped"}, g.groups...)
	for _, grp := range g.some(names, 4) {
		g.varsFile(dir+"/group_vars", grp)
	}
	for _, h := range g.some(append(g.hosts, "web02", "node1", "rack1-a"), 3) {
		if !strings.Contains(h, ":") {
			g.varsFile(dir+"/host_vars", h)
		}
	}
}

// varsFile writes the variables of one group or host as Ansible finds
// them: NAME, NAME.yml, NAME.yaml, NAME.json or a directory NAME/, at
// times two of them (Ansible reads only the first that exists).
func (g *genInventory) varsFile(dir, name string) {
	forms := g.some([]string{"", ".yml", ".yaml", ".json", "/"}, 2)
	if len(forms) == 0 {
		forms = []string{".yml"}
	}
	if slices.Contains(forms, "/") {
		forms = slices.DeleteFunc(forms, func(f string) bool { return f == "" })
	}
	for _, form := range forms {
		switch form {
		case "/":
			for range 1 + g.r.IntN(3) {
				file := g.pick([]string{"10-main.yml", "20-more.yaml", "30-extra", "40.json", "50.txt", "sub/60.yml", ".hidden.yml", "70.yml~"})
				g.writeVars(filepath.Join(dir, name, file))
			}
		default:
			g.writeVars(filepath.Join(dir, name+form))
		}
	}
}

func (g *genInventory) writeVars(rel string) {
	if strings.HasSuffix(rel, ".json") {
		vars := map[string]any{}
		for range 1 + g.r.IntN(3) {
			vars[g.varName(false)] = g.jsonValue(0)
		}
		b, _ := json.MarshalIndent(vars, "", "  ")
		g.write(rel, string(b)+"\n")
		return
	}
	var b strings.Builder
	for range 1 + g.r.IntN(3) {
		fmt.Fprintf(&b, "%s: %s\n", g.varName(false), g.yamlValue(0))
	}
	g.write(rel, b.String())
}

func (g *genInventory) jsonValue(depth int) any {
	switch k := g.r.IntN(8); {
	case k == 0:
		return g.r.IntN(1000)
	case k == 1:
		return json.Number(g.pick([]string{"1e5", "1.5", "-0.0", "12345678901234567890"}))
	case k == 2:
		return g.chance(0.5)
	case k == 3:
		return nil
	case k == 4 && depth < 2:
		return []any{g.jsonValue(depth + 1), g.jsonValue(depth + 1)}
	case k == 5 && depth < 2:
		return map[string]any{"x": g.jsonValue(depth + 1)}
	}
	return g.pick([]string{"text", "yes", "010", "1:30", "2001-12-14"})
}

// genPatterns writes host patterns for a generated inventory: names,
// globs, regular expressions, subscripts, unions, intersections and
// exclusions, and names that match nothing.
func genPatterns(r *rand.Rand, hosts, groups []string) []string {
	names := append(slices.Clone(hosts), groups...)
	names = append(names, "all", "ungrouped", "nosuch", "*", "a*")
	sort.Strings(names)
	pick := func() string { return names[r.IntN(len(names))] }
	term := func() string {
		n := pick()
		switch r.IntN(12) {
		case 0:
			if len(n) > 1 {
				return n[:1] + "*"
			}
		case 1:
			return "~" + regexpQuoteStart(n)
		case 2:
			return n + "[0]"
		case 3:
			return n + "[-1]"
		case 4:
			return n + "[1:2]"
		case 5:
			return n + "[1:]"
		case 6:
			return "?" + n[min(1, len(n)):]
		}
		return n
	}
	var out []string
	for range 6 + r.IntN(4) {
		var parts []string
		for i := range 1 + r.IntN(3) {
			t := term()
			if i > 0 {
				t = []string{"", "", "&", "!"}[r.IntN(4)] + t
			}
			parts = append(parts, t)
		}
		sep := ","
		if r.IntN(3) == 0 {
			sep = ":"
		}
		out = append(out, strings.Join(parts, sep))
	}
	return out
}

// regexpQuoteStart writes a regular expression matching names that start
// like n.
func regexpQuoteStart(n string) string {
	if len(n) > 3 {
		n = n[:3]
	}
	var b strings.Builder
	for _, c := range n {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
