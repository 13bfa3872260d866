package ash

// The command table (testdata/commands.tsv) is generated here from data:
// the files of the Alpine minirootfs and of Debian's openrc package (what
// the test fleet's hosts have), the packages installed on the Debian
// machine that runs the generator (dpkg's file lists and the alternatives
// system), and runner/scan/alpine-packages.tsv for the Alpine names of
// Debian packages. Run with -update to rewrite it.

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

const commandTableFile = "testdata/commands.tsv"

func minirootfs(t testing.TB) string {
	t.Helper()
	p := os.Getenv("SWITCHBACK_ALPINE_ROOTFS")
	if p == "" {
		p = "/work/shared/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"
		if _, err := os.Stat(p); err != nil {
			p = "../../../shared/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"
		}
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no Alpine minirootfs (set SWITCHBACK_ALPINE_ROOTFS): %v", err)
	}
	return p
}

// rootfsCommands lists the files of the tarball in the bin directories.
func rootfsCommands(t testing.TB, tarball string) []string {
	var out []string
	walkRootfsBins(t, tarball, func(p string, h *tar.Header) {
		if h.Typeflag != tar.TypeDir {
			out = append(out, p)
		}
	})
	return out
}

// walkRootfsBins calls f with each entry of the tarball in the bin
// directories, by its absolute path.
func walkRootfsBins(t testing.TB, tarball string, f func(path string, h *tar.Header)) {
	t.Helper()
	file, err := os.Open(tarball)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	z, err := gzip.NewReader(file)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(z)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		p := "/" + strings.TrimPrefix(strings.TrimPrefix(h.Name, "./"), "/")
		if binDirs[pathDir(p)] {
			f(p, h)
		}
	}
}

// debianPackageFiles reads dpkg's file list of every installed package.
func debianPackageFiles(t testing.TB) map[string][]string {
	t.Helper()
	out, err := exec.Command("dpkg-query", "-W", "-f=${db:Status-Abbrev} ${binary:Package}\n").Output()
	if err != nil {
		t.Skipf("no dpkg here: %v", err)
	}
	files := map[string][]string{}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || f[0] != "ii" {
			continue
		}
		pkg := f[1]
		list, err := os.ReadFile(filepath.Join("/var/lib/dpkg/info", pkg+".list"))
		if err != nil {
			name, _, _ := strings.Cut(pkg, ":")
			if list, err = os.ReadFile(filepath.Join("/var/lib/dpkg/info", name+".list")); err != nil {
				continue
			}
		}
		name, _, _ := strings.Cut(pkg, ":")
		files[name] = strings.Fields(string(list))
	}
	return files
}

// alternatives are the commands the alternatives system links into the
// bin directories (java, editor...), with the package of what they run.
func alternatives(t testing.TB, owner map[string]string) map[string]string {
	t.Helper()
	out, err := exec.Command("update-alternatives", "--get-selections").Output()
	if err != nil {
		return nil
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		q, err := exec.Command("update-alternatives", "--query", f[0]).Output()
		if err != nil {
			continue
		}
		var link, value string
		sc := bufio.NewScanner(strings.NewReader(string(q)))
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "Link: "); ok {
				link = v
			}
			if v, ok := strings.CutPrefix(sc.Text(), "Value: "); ok {
				value = v
			}
		}
		if pkg := owner[value]; pkg != "" && binDirs[pathDir(link)] {
			m[base(link)] = pkg
		}
	}
	return m
}

// scanPackageNames reads runner/scan's table of Debian packages and their
// Alpine names.
func scanPackageNames(t testing.TB) map[string][2]string {
	t.Helper()
	b, err := os.ReadFile("../../runner/scan/alpine-packages.tsv")
	if err != nil {
		t.Skipf("the scanner's package table has moved (%v): point scanPackageNames at it", err)
	}
	m := map[string][2]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			continue
		}
		note := ""
		if len(cols) > 2 {
			note = cols[2]
		}
		m[cols[0]] = [2]string{cols[1], note}
	}
	return m
}

// generateCommandTable derives the table from the minirootfs and this
// machine's Debian packages.
func generateCommandTable(t *testing.T) (string, map[string]bool) {
	t.Helper()
	present := map[string]bool{}
	for _, p := range rootfsCommands(t, minirootfs(t)) {
		present[p] = true
	}
	pkgFiles := debianPackageFiles(t)
	// OpenRC, as the test fleet's hosts have it: Debian's openrc package,
	// and OpenRC's start-stop-daemon, which Debian ships in dpkg instead.
	for _, f := range pkgFiles["openrc"] {
		if binDirs[pathDir(f)] {
			present[f] = true
		}
	}
	present["/sbin/start-stop-daemon"] = true
	presentName := map[string]bool{}
	for p := range present {
		presentName[base(p)] = true
	}
	// bash's builtins and keywords are judged by the rules for them.
	shellWords := map[string]bool{}
	for _, w := range append(bashWords(t, "compgen -b"), bashWords(t, "compgen -k")...) {
		shellWords[w] = true
	}
	owner := map[string]string{} // file -> package
	names := map[string]string{} // command -> package
	pkgs := make([]string, 0, len(pkgFiles))
	for p := range pkgFiles {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		for _, f := range pkgFiles[pkg] {
			owner[f] = pkg
			if !binDirs[pathDir(f)] {
				continue
			}
			if _, seen := names[base(f)]; !seen {
				names[base(f)] = pkg
			}
		}
	}
	for name, pkg := range alternatives(t, owner) {
		if _, seen := names[name]; !seen {
			names[name] = pkg
		}
	}
	scan := scanPackageNames(t)
	var b strings.Builder
	b.WriteString("# The commands of an Alpine 3.20 host, and those it lacks. Written by\n" +
		"# TestCommandTable -update (internal/ash/commands_test.go) from the Alpine\n" +
		"# minirootfs, Debian's openrc package, the packages installed on the Debian\n" +
		"# machine that ran it and runner/scan/alpine-packages.tsv.\n" +
		"# present<TAB>PATH: a file of /bin, /sbin, /usr/bin or /usr/sbin on Alpine.\n" +
		"# missing<TAB>NAME<TAB>DEBIAN-PACKAGE[<TAB>ALPINE-PACKAGE[<TAB>NOTE]]: a command\n" +
		"# Alpine lacks; the Alpine package is the scanner table's name for the\n" +
		"# Debian package (\"-\": Alpine has none), empty when it names none.\n")
	fmt.Fprintf(&b, "# %d Debian packages were read.\n", len(pkgFiles))
	paths := make([]string, 0, len(present))
	for p := range present {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(&b, "present\t%s\n", p)
	}
	missing := make([]string, 0, len(names))
	for name := range names {
		if !presentName[name] && !shellWords[name] && validCommandName(name) {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	for _, name := range missing {
		pkg := names[name]
		line := "missing\t" + name + "\t" + pkg
		if a, ok := scan[pkg]; ok {
			line += "\t" + a[0]
			if a[1] != "" {
				line += "\t" + a[1]
			}
		}
		b.WriteString(line + "\n")
	}
	installed := map[string]bool{}
	for p := range pkgFiles {
		installed[p] = true
	}
	return b.String(), installed
}

// validCommandName: a name a script can call bare.
func validCommandName(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t\n\"'$`\\*?[]{}()<>|&;#=")
}

// TestCommandTable checks (or, with -update, rewrites) the command table.
// The Alpine side must match exactly; the Debian side is checked for the
// packages installed here, which may differ from the machine that wrote
// the table.
func TestCommandTable(t *testing.T) {
	got, installed := generateCommandTable(t)
	if *update {
		if err := os.WriteFile(commandTableFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	regenerated, err := parseCommandTable(got)
	if err != nil {
		t.Fatal(err)
	}
	if !mapsEqual(regenerated.presentPath, commands.presentPath) {
		t.Errorf("the Alpine commands differ from %s: run go test -run TestCommandTable -update", commandTableFile)
	}
	for name, m := range commands.missing {
		if !installed[m.Debian] {
			continue
		}
		if r, ok := regenerated.missing[name]; !ok || r != m {
			t.Errorf("%s: the table says %+v, this machine's packages say %+v (run go test -run TestCommandTable -update)", name, m, r)
		}
	}
	var extra []string
	for name := range regenerated.missing {
		if _, ok := commands.missing[name]; !ok {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	if len(extra) > 0 {
		t.Logf("%d commands of packages installed here are not in the table (another machine wrote it): %v", len(extra), extra)
	}
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
