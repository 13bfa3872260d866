package scan

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed alpine-packages.tsv
var packageTable string

// alpineName is what a package of another distribution is on Alpine.
type alpineName struct {
	Name string // "" when Alpine has no equivalent
	Note string
}

// parsePackageTable reads the table: tab-separated name, Alpine name ("-"
// for none) and an optional note; # starts a comment line.
func parsePackageTable(src string) (map[string]alpineName, error) {
	table := map[string]alpineName{}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || len(cols) > 3 || cols[0] == "" || cols[1] == "" {
			return nil, fmt.Errorf("alpine-packages.tsv:%d: want NAME<TAB>ALPINE-NAME[<TAB>NOTE]", n+1)
		}
		if _, dup := table[cols[0]]; dup {
			return nil, fmt.Errorf("alpine-packages.tsv:%d: %s is listed twice", n+1, cols[0])
		}
		a := alpineName{Name: cols[1]}
		if a.Name == "-" {
			a.Name = ""
		}
		if len(cols) == 3 {
			a.Note = cols[2]
		}
		table[cols[0]] = a
	}
	return table, nil
}

// installedPackages lists what the host's package manager says is
// installed, and where that came from. Alpine hosts (apk) are not mapped.
func installedPackages(c *collected) (source string, names []string, alpine bool) {
	if db, ok := c.files["/lib/apk/db/installed"]; ok {
		sc := bufio.NewScanner(bytes.NewReader(db))
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "P:"); ok {
				names = append(names, name)
			}
		}
		return "/lib/apk/db/installed", names, true
	}
	if status, ok := c.files["/var/lib/dpkg/status"]; ok {
		for _, stanza := range strings.Split(string(status), "\n\n") {
			var name string
			installed := false
			for _, line := range strings.Split(stanza, "\n") {
				if v, ok := strings.CutPrefix(line, "Package: "); ok {
					name = v
				}
				if v, ok := strings.CutPrefix(line, "Status: "); ok {
					installed = strings.HasSuffix(v, " installed")
				}
			}
			if name != "" && installed {
				names = append(names, name)
			}
		}
		return "/var/lib/dpkg/status", names, false
	}
	if rpm := c.text["rpm"]; len(rpm) > 0 {
		return "rpm -qa", rpm, false
	}
	return "", nil, false
}

// checkPackages maps the installed packages to Alpine names. Packages
// with no Alpine equivalent are warnings; renamed ones and notes are
// information for whoever writes the conversion playbook.
func checkPackages(c *collected) (int, []Issue, error) {
	source, names, alpine := installedPackages(c)
	if alpine || len(names) == 0 {
		return len(names), nil, nil
	}
	table, err := parsePackageTable(packageTable)
	if err != nil {
		return 0, nil, err
	}
	sort.Strings(names)
	var out []Issue
	for _, name := range names {
		a, ok := table[name]
		if !ok {
			continue
		}
		f := Finding{Path: source, Suggestion: a.Note}
		switch {
		case a.Name == "":
			f.Rule, f.Severity = "package-no-equivalent", Warning
			f.Message = "package " + name + " has no Alpine equivalent"
		case a.Name != name:
			f.Rule, f.Severity = "package-renamed", Info
			f.Message = "package " + name + " is " + a.Name + " on Alpine"
		case a.Note != "":
			f.Rule, f.Severity = "package-note", Info
			f.Message = "package " + name + " exists on Alpine"
		default:
			continue
		}
		out = append(out, Issue{Check: CheckPackages, Finding: f})
	}
	return len(names), out, nil
}
