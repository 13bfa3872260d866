package scan

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestShebangOnly(t *testing.T) {
	tests := []struct {
		src, rule string
	}{
		{"#!/bin/bash\necho hi\n", "shebang-bash"},
		{"#!/usr/bin/env bash\n", "shebang-bash"},
		{"#!/usr/bin/env -S bash -e\n", "shebang-bash"},
		{"#! /bin/zsh\n", "shebang-zsh"},
		{"#!/bin/sh\n[[ -f x ]]\n", ""},
		{"#!/sbin/openrc-run\n", ""},
		{"#!/usr/bin/python3\n", ""},
		{"echo no shebang\n", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ShebangOnly("/x", []byte(tt.src))
		switch {
		case tt.rule == "" && len(got) != 0:
			t.Errorf("%q: got %v, want nothing", tt.src, got)
		case tt.rule != "" && (len(got) != 1 || got[0].Rule != tt.rule || got[0].Severity != Error || got[0].Line != 1):
			t.Errorf("%q: got %v, want one error %s on line 1", tt.src, got, tt.rule)
		}
	}
}

// elfHeadWith builds the first page of an x86-64 ELF file of the given
// type, with a PT_INTERP naming interp when it is not empty.
func elfHeadWith(typ elf.Type, interp string) []byte {
	var b bytes.Buffer
	h := elf.Header64{Type: uint16(typ), Machine: uint16(elf.EM_X86_64), Version: 1, Phoff: 64, Ehsize: 64, Phentsize: 56}
	copy(h.Ident[:], elf.ELFMAG)
	h.Ident[elf.EI_CLASS] = byte(elf.ELFCLASS64)
	h.Ident[elf.EI_DATA] = byte(elf.ELFDATA2LSB)
	h.Ident[elf.EI_VERSION] = 1
	progs := []elf.Prog64{{Type: uint32(elf.PT_LOAD)}}
	if interp != "" {
		progs = append(progs, elf.Prog64{Type: uint32(elf.PT_INTERP), Off: 64 + 56*2, Filesz: uint64(len(interp) + 1)})
	}
	h.Phnum = uint16(len(progs))
	_ = binary.Write(&b, binary.LittleEndian, h)
	_ = binary.Write(&b, binary.LittleEndian, progs)
	b.WriteString(interp + "\x00")
	head := make([]byte, elfHead)
	copy(head, b.Bytes())
	return head
}

func TestElfKind(t *testing.T) {
	beyond := elfHeadWith(elf.ET_DYN, "/lib64/ld-linux-x86-64.so.2")
	binary.LittleEndian.PutUint64(beyond[64+56+8:], 5000) // the interpreter's offset, past the page
	tests := []struct {
		name string
		head []byte
		want string
	}{
		{"glibc", elfHeadWith(elf.ET_DYN, "/lib64/ld-linux-x86-64.so.2"), KindGlibc},
		{"glibc i386", elfHeadWith(elf.ET_EXEC, "/lib/ld-linux.so.2"), KindGlibc},
		{"musl", elfHeadWith(elf.ET_DYN, "/lib/ld-musl-x86_64.so.1"), KindMusl},
		{"static", elfHeadWith(elf.ET_EXEC, ""), KindStatic},
		{"static-pie", elfHeadWith(elf.ET_DYN, ""), KindStatic},
		{"other interpreter", elfHeadWith(elf.ET_DYN, "/system/bin/linker64"), KindUnknown},
		{"interpreter beyond the page", beyond, KindUnknown},
		{"not ELF", []byte("#!/bin/sh\n"), KindUnknown},
		{"truncated", []byte("\x7fELF\x02\x01\x01"), KindUnknown},
	}
	for _, tt := range tests {
		if got, interp := elfKind(tt.head); got != tt.want {
			t.Errorf("%s: %s (%s), want %s", tt.name, got, interp, tt.want)
		}
	}
}

// TestElfKindOfRealBinary reads the first page of a real Debian program.
func TestElfKindOfRealBinary(t *testing.T) {
	b, err := os.ReadFile("/bin/true")
	if err != nil {
		t.Skip("no /bin/true here")
	}
	head := make([]byte, elfHead)
	copy(head, b)
	kind, interp := elfKind(head)
	if kind != KindGlibc || !strings.Contains(interp, "ld-linux") {
		t.Errorf("/bin/true: %s (%s), want glibc", kind, interp)
	}
}

func TestCheckBinaries(t *testing.T) {
	c := &collected{heads: map[string][]byte{
		"/opt/app/bin/app":         elfHeadWith(elf.ET_DYN, "/lib64/ld-linux-x86-64.so.2"),
		"/usr/local/bin/tool":      elfHeadWith(elf.ET_DYN, "/lib/ld-musl-x86_64.so.1"),
		"/usr/local/bin/static":    elfHeadWith(elf.ET_EXEC, ""),
		"/usr/local/lib/libx.so.1": elfHeadWith(elf.ET_DYN, ""),
	}}
	kinds := map[string]int{}
	issues := checkBinaries(c, kinds)
	if len(issues) != 1 || issues[0].Path != "/opt/app/bin/app" || issues[0].Rule != "elf-glibc" || issues[0].Severity != Error {
		t.Errorf("issues: %+v, want one elf-glibc error for /opt/app/bin/app", issues)
	}
	want := map[string]int{KindGlibc: 1, KindMusl: 1, KindStatic: 1, KindLibrary: 1}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("kinds %v, want %v", kinds, want)
			break
		}
	}
}

func TestCheckServices(t *testing.T) {
	c := &collected{
		text: map[string][]string{
			"initd":  {"myapp", "sshd"},
			"wants":  {"cron.service", "web.service", "ssh.service"},
			"masked": {"old.service"},
		},
		files: map[string][]byte{
			"/etc/systemd/system/worker.service":     []byte("[Unit]\nDescription=w\n\n[Service]\nExecStart=/usr/local/bin/worker\n"),
			"/etc/systemd/system/myapp.service":      []byte("[Service]\nExecStart=/opt/myapp/bin/myapp\n"),
			"/etc/systemd/system/getty@.service":     []byte("[Service]\n"),
			"/lib/systemd/system/cron.service":       []byte("[Service]\nExecStart=/usr/sbin/cron -f\n"),
			"/lib/systemd/system/old.service":        []byte("[Service]\n"),
			"/lib/systemd/system/unused.service":     []byte("[Service]\n"),
			"/usr/lib/systemd/system/worker.service": []byte("[Service]\n"),
			"/etc/passwd":                            []byte("root:x:0:0:root:/root:/bin/sh\n"),
		},
	}
	units, issues := checkServices(c)
	if units != 5 {
		t.Errorf("%d units, want 5 (worker once, myapp, getty@, cron, unused; old is masked)", units)
	}
	got := map[string]Severity{}
	for _, is := range issues {
		got[is.Path] = is.Severity
	}
	want := map[string]Severity{
		"/etc/systemd/system/worker.service": Error,
		"/etc/systemd/system/getty@.service": Error,
		"/lib/systemd/system/cron.service":   Warning,
	}
	if len(got) != len(want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	for p, s := range want {
		if got[p] != s {
			t.Errorf("%s: %q, want %q", p, got[p], s)
		}
	}
	for _, is := range issues {
		if is.Path == "/etc/systemd/system/worker.service" && is.Line != 5 {
			t.Errorf("worker.service finding on line %d, want 5 (ExecStart)", is.Line)
		}
	}
}

func TestCheckShells(t *testing.T) {
	c := &collected{files: map[string][]byte{"/etc/passwd": []byte(
		"root:x:0:0:root:/root:/bin/ash\n" +
			"deploy:x:1000:1000::/home/deploy:/bin/bash\n" +
			"broken line\n" +
			"svc:x:999:999::/var/lib/svc:/usr/bin/bash\n" +
			"nobody:x:65534:65534:nobody:/:/sbin/nologin\n")}}
	issues := checkShells(c)
	if len(issues) != 2 {
		t.Fatalf("got %+v, want 2 findings", issues)
	}
	if issues[0].Line != 2 || !strings.Contains(issues[0].Message, "deploy") || issues[1].Line != 4 || !strings.Contains(issues[1].Message, "svc") {
		t.Errorf("got %+v", issues)
	}
	if issues[0].Col != len("deploy:x:1000:1000::/home/deploy:")+1 {
		t.Errorf("column %d, want the shell's", issues[0].Col)
	}
}

func TestPackageTable(t *testing.T) {
	table, err := parsePackageTable(packageTable)
	if err != nil {
		t.Fatal(err)
	}
	if len(table) < 60 {
		t.Errorf("%d packages in the table, want at least 60", len(table))
	}
	for _, bad := range []string{"a\n", "a\tb\tc\td\n", "\tb\n", "a\tb\na\tc\n"} {
		if _, err := parsePackageTable(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestCheckPackages(t *testing.T) {
	status := "Package: systemd\nStatus: install ok installed\nVersion: 252\n\n" +
		"Package: procps\nStatus: install ok installed\n\n" +
		"Package: nginx\nStatus: install ok installed\n\n" +
		"Package: bash\nStatus: install ok installed\n\n" +
		"Package: apt\nStatus: deinstall ok config-files\n\n" +
		"Package: some-local-thing\nStatus: install ok installed\n"
	c := &collected{files: map[string][]byte{"/var/lib/dpkg/status": []byte(status)}}
	n, issues, err := checkPackages(c)
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("%d packages, want 5 installed", n)
	}
	got := map[string]string{}
	for _, is := range issues {
		got[is.Rule] += strings.Fields(is.Message)[1] + " "
	}
	want := map[string]string{"package-no-equivalent": "systemd ", "package-renamed": "procps ", "package-note": "bash "}
	for rule, pkgs := range want {
		if got[rule] != pkgs {
			t.Errorf("%s: %q, want %q (all: %v)", rule, got[rule], pkgs, got)
		}
	}

	rpm := &collected{text: map[string][]string{"rpm": {"httpd", "glibc"}}, files: map[string][]byte{}}
	if n, issues, _ := checkPackages(rpm); n != 2 || len(issues) != 2 {
		t.Errorf("rpm: %d packages, %+v", n, issues)
	}
	apk := &collected{files: map[string][]byte{"/lib/apk/db/installed": []byte("C:x\nP:bash\nV:5\n\nP:musl\n")}}
	if n, issues, _ := checkPackages(apk); n != 2 || len(issues) != 0 {
		t.Errorf("apk: %d packages, %+v; an Alpine host's packages need no mapping", n, issues)
	}
}

func TestCheckCrontabs(t *testing.T) {
	c := &collected{files: map[string][]byte{
		"/etc/crontabs/root":    []byte("# min hour day month weekday command\n*/15 * * * * run-parts /etc/periodic/15min\n0 1 * * * /srv/bash-tools/run bash /srv/legacy\n"),
		"/etc/cron.d/backup":    []byte("SHELL=/bin/sh\n0 2 * * * root /usr/bin/bash -c 'backup'\n"),
		"/usr/local/bin/x.sh":   []byte("#!/bin/sh\nbash -c true\n"),
		"/etc/cron.d/commented": []byte("# 0 1 * * * bash /x\n"),
	}}
	var got []string
	for _, is := range checkCrontabs(c) {
		got = append(got, location(is.Finding)+" "+is.Rule)
	}
	sort.Strings(got)
	want := "/etc/cron.d/backup:2:16 cron-bash,/etc/crontabs/root:3:31 cron-bash"
	if strings.Join(got, ",") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestIsShellScript(t *testing.T) {
	for src, want := range map[string]bool{
		"#!/bin/sh\n":              true,
		"#!/sbin/openrc-run\n":     true,
		"#!/usr/bin/env bash\n":    true,
		"#!/bin/busybox sh\n":      true,
		"#!/usr/bin/python3\n":     false,
		"#!/usr/bin/env perl -w\n": false,
		"echo no shebang\n":        false,
	} {
		if got := isShellScript([]byte(src)); got != want {
			t.Errorf("isShellScript(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestElfKind32 reads a 32-bit header: an i386 program with glibc's
// loader, and the same header cut before its program headers end.
func TestElfKind32(t *testing.T) {
	var b bytes.Buffer
	h := elf.Header32{Type: uint16(elf.ET_EXEC), Machine: uint16(elf.EM_386), Version: 1, Phoff: 52, Ehsize: 52, Phentsize: 32, Phnum: 2}
	copy(h.Ident[:], elf.ELFMAG)
	h.Ident[elf.EI_CLASS] = byte(elf.ELFCLASS32)
	h.Ident[elf.EI_DATA] = byte(elf.ELFDATA2LSB)
	h.Ident[elf.EI_VERSION] = 1
	interp := "/lib/ld-linux.so.2"
	_ = binary.Write(&b, binary.LittleEndian, h)
	_ = binary.Write(&b, binary.LittleEndian, []elf.Prog32{
		{Type: uint32(elf.PT_LOAD)},
		{Type: uint32(elf.PT_INTERP), Off: 52 + 32*2, Filesz: uint32(len(interp) + 1)},
	})
	b.WriteString(interp + "\x00")
	head := make([]byte, elfHead)
	copy(head, b.Bytes())
	if kind, got := elfKind(head); kind != KindGlibc || got != interp {
		t.Errorf("i386 glibc: %s (%s)", kind, got)
	}
	if kind, why := elfKind(b.Bytes()[:52+40]); kind != KindUnknown || why != "program headers beyond the first page" {
		t.Errorf("cut program headers: %s (%s)", kind, why)
	}
}
