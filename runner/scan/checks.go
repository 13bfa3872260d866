package scan

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"path"
	"sort"
	"strings"
)

// ShebangOnly is the script analyzer used when the scan is given none: it
// judges the #! line alone (a script run by bash, zsh or ksh does not run
// on a stock Alpine host). The full shell analyzer replaces it.
func ShebangOnly(path string, src []byte) []Finding {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	interp, ok := interpreter(string(line))
	if !ok {
		return nil
	}
	switch interp {
	case "bash", "zsh", "ksh", "mksh", "ksh93":
		return []Finding{{
			Path: path, Line: 1, Col: 1, Rule: "shebang-" + interp, Severity: Error,
			Message:    fmt.Sprintf("runs under %s, which Alpine does not install", interp),
			Suggestion: fmt.Sprintf("make it a POSIX sh script for BusyBox ash (#!/bin/sh), or add %s to the host's packages", interp),
		}}
	}
	return nil
}

// interpreter returns the program a #! line runs, seeing through env.
func interpreter(line string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), "#!")
	if !ok {
		return "", false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", false
	}
	prog := path.Base(fields[0])
	if prog == "env" {
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") {
				return path.Base(f), true
			}
		}
		return "", false
	}
	return prog, true
}

// Binary kinds, from the program interpreter.
const (
	KindGlibc   = "glibc"
	KindMusl    = "musl"
	KindStatic  = "static"
	KindUnknown = "unknown"
	KindLibrary = "library" // a shared object: its C library is not in its first page
)

func isLibraryName(name string) bool {
	return strings.HasSuffix(name, ".so") || strings.Contains(name, ".so.")
}

// checkBinaries classifies each ELF head by its program interpreter and
// reports the glibc ones, counting every kind into kinds.
func checkBinaries(c *collected, kinds map[string]int) []Issue {
	var out []Issue
	for p, head := range c.heads {
		kind, interp := elfKind(head)
		if kind == KindStatic && isLibraryName(path.Base(p)) {
			kind = KindLibrary
		}
		kinds[kind]++
		switch kind {
		case KindGlibc:
			out = append(out, Issue{Check: CheckBinaries, Finding: Finding{
				Path: p, Rule: "elf-glibc", Severity: Error,
				Message:    "linked against glibc (interpreter " + interp + "); Alpine's C library is musl",
				Suggestion: "use a musl or static build; for simple programs gcompat (apk add gcompat) may do",
			}})
		case KindUnknown:
			out = append(out, Issue{Check: CheckBinaries, Finding: Finding{
				Path: p, Rule: "elf-unknown", Severity: Info,
				Message: "an ELF file whose C library could not be told from its first page" + suffix(interp),
			}})
		}
	}
	return out
}

func suffix(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// segment is what elfKind needs of a program header.
type segment struct {
	typ       elf.ProgType
	off, size uint64
}

// elfKind reads the ELF header and program headers from the first page
// of a file. Without a PT_INTERP an executable is static; a shared
// object without one is a library, judged unknown.
func elfKind(head []byte) (kind, interp string) {
	if len(head) < elf.EI_NIDENT || string(head[:4]) != elf.ELFMAG {
		return KindUnknown, "not ELF"
	}
	var order binary.ByteOrder
	switch elf.Data(head[elf.EI_DATA]) {
	case elf.ELFDATA2LSB:
		order = binary.LittleEndian
	case elf.ELFDATA2MSB:
		order = binary.BigEndian
	default:
		return KindUnknown, "bad byte order"
	}
	// The two classes differ in field widths only: read the header's
	// fields into one shape, then each program header alike.
	var (
		typ              elf.Type
		phoff            int64
		phnum, phentsize int
		prog             func([]byte) (segment, bool)
		r                = bytes.NewReader(head)
	)
	switch elf.Class(head[elf.EI_CLASS]) {
	case elf.ELFCLASS64:
		var h elf.Header64
		if binary.Read(r, order, &h) != nil {
			return KindUnknown, "short header"
		}
		typ, phoff, phnum, phentsize = elf.Type(h.Type), int64(h.Phoff), int(h.Phnum), int(h.Phentsize)
		prog = func(b []byte) (segment, bool) {
			var p elf.Prog64
			ok := binary.Read(bytes.NewReader(b), order, &p) == nil
			return segment{elf.ProgType(p.Type), p.Off, p.Filesz}, ok
		}
	case elf.ELFCLASS32:
		var h elf.Header32
		if binary.Read(r, order, &h) != nil {
			return KindUnknown, "short header"
		}
		typ, phoff, phnum, phentsize = elf.Type(h.Type), int64(h.Phoff), int(h.Phnum), int(h.Phentsize)
		prog = func(b []byte) (segment, bool) {
			var p elf.Prog32
			ok := binary.Read(bytes.NewReader(b), order, &p) == nil
			return segment{elf.ProgType(p.Type), uint64(p.Off), uint64(p.Filesz)}, ok
		}
	default:
		return KindUnknown, "bad class"
	}
	var progs []segment
	for i := range phnum {
		off := phoff + int64(i)*int64(phentsize)
		if off < 0 || off > int64(len(head)) {
			return KindUnknown, "program headers beyond the first page"
		}
		p, ok := prog(head[off:])
		if !ok {
			return KindUnknown, "program headers beyond the first page"
		}
		progs = append(progs, p)
	}
	for _, p := range progs {
		if p.typ != elf.PT_INTERP {
			continue
		}
		if p.off+p.size > uint64(len(head)) || p.size == 0 {
			return KindUnknown, "interpreter beyond the first page"
		}
		interp = string(bytes.TrimRight(head[p.off:p.off+p.size], "\x00"))
		base := path.Base(interp)
		switch {
		case strings.HasPrefix(base, "ld-musl-"):
			return KindMusl, interp
		case strings.HasPrefix(base, "ld-linux"), strings.HasPrefix(base, "ld64.so"), base == "ld.so.1" || base == "ld.so":
			return KindGlibc, interp
		}
		return KindUnknown, interp
	}
	if typ == elf.ET_EXEC || typ == elf.ET_DYN {
		// static-pie executables and shared libraries look alike from the
		// program headers alone; checkBinaries tells them apart by name.
		return KindStatic, ""
	}
	return KindUnknown, typ.String()
}

// checkServices reports systemd units that have no OpenRC init script of
// the same name. Units an administrator wrote (/etc/systemd/system) are
// errors; enabled units that packages ship are warnings, since the
// Alpine package often brings its own init script under another name.
// Masked units and units neither local nor enabled are left out.
func checkServices(c *collected) (int, []Issue) {
	initd := set(c.text["initd"])
	wants := set(c.text["wants"])
	masked := set(c.text["masked"])
	seen := map[string]bool{}
	var out []Issue
	var paths []string
	for p := range c.files {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool {
		return dirRank(paths[i]) < dirRank(paths[j]) || dirRank(paths[i]) == dirRank(paths[j]) && paths[i] < paths[j]
	})
	units := 0
	for _, p := range paths {
		rank := dirRank(p)
		if rank < 0 || !strings.HasSuffix(p, ".service") {
			continue
		}
		unit := path.Base(p)
		if seen[unit] || masked[unit] {
			continue
		}
		seen[unit] = true
		units++
		name := strings.TrimSuffix(unit, ".service")
		if i := strings.IndexByte(name, '@'); i >= 0 {
			name = name[:i]
		}
		if initd[name] {
			continue
		}
		f := Finding{Path: p, Rule: "systemd-unit", Message: "systemd unit " + unit + " has no OpenRC init script /etc/init.d/" + name,
			Suggestion: "write /etc/init.d/" + name + " (openrc-run) from the unit's Exec lines, or use the Alpine package's own script"}
		switch {
		case rank == 0:
			f.Severity = Error
		case wants[unit]:
			f.Severity = Warning
			f.Message += " (enabled)"
		default:
			continue
		}
		if line := execLine(c.files[p]); line > 0 {
			f.Line = line
		}
		out = append(out, Issue{Check: CheckServices, Finding: f})
	}
	return units, out
}

// dirRank is the position of the unit directory holding p, -1 for none.
func dirRank(p string) int {
	for i, d := range systemdDirs {
		if path.Dir(p) == d {
			return i
		}
	}
	return -1
}

// execLine is the line number of a unit's ExecStart=, 0 when it has none.
func execLine(unit []byte) int {
	sc := bufio.NewScanner(bytes.NewReader(unit))
	for n := 1; sc.Scan(); n++ {
		if strings.HasPrefix(strings.TrimSpace(sc.Text()), "ExecStart=") {
			return n
		}
	}
	return 0
}

// checkShells reports accounts whose login shell is bash.
func checkShells(c *collected) []Issue {
	passwd, ok := c.files["/etc/passwd"]
	if !ok {
		return nil
	}
	var out []Issue
	sc := bufio.NewScanner(bytes.NewReader(passwd))
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), ":")
		if len(fields) != 7 {
			continue
		}
		switch fields[6] {
		case "/bin/bash", "/usr/bin/bash":
			out = append(out, Issue{Check: CheckShells, Finding: Finding{
				Path: "/etc/passwd", Line: n, Col: len(strings.Join(fields[:6], ":")) + 2, Rule: "login-shell-bash", Severity: Error,
				Message:    "user " + fields[0] + " logs in with " + fields[6] + ", which Alpine does not install",
				Suggestion: "set the shell to /bin/sh (BusyBox ash), or add bash to the host's packages",
			}})
		}
	}
	return out
}

func set(items []string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it] = true
	}
	return m
}

// checkCrontabs reports crontab lines that run bash by name: the job
// fails on Alpine whatever the script it runs looks like.
func checkCrontabs(c *collected) []Issue {
	var out []Issue
	for p, body := range c.files {
		if !isCrontab(p) {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(body))
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			text, col := sc.Text(), 0
			for _, word := range strings.Fields(line) {
				col += strings.Index(text[col:], word)
				if word == "bash" || word == "/bin/bash" || word == "/usr/bin/bash" {
					out = append(out, Issue{Check: CheckScripts, Finding: Finding{
						Path: p, Line: n, Col: col + 1, Rule: "cron-bash", Severity: Error,
						Message:    "a cron job runs bash, which Alpine does not install",
						Suggestion: "run the job with sh once it is a POSIX script, or add bash to the host's packages",
					}})
					break
				}
				col += len(word)
			}
		}
	}
	return out
}

func isCrontab(p string) bool {
	for _, pattern := range crontabs {
		if ok, _ := path.Match(pattern, p); ok {
			return true
		}
	}
	return false
}
