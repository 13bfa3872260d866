package scan

import (
	"archive/tar"
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
)

// DefaultPaths are where scripts are looked for unless told otherwise.
// Globs are expanded by the host's shell.
var DefaultPaths = []string{
	"/etc/init.d", "/etc/periodic", "/etc/cron*",
	"/usr/local/bin", "/usr/local/sbin", "/opt/*/bin",
}

// binaryRoots are searched for ELF executables.
var binaryRoots = []string{"/usr/local", "/opt"}

// Only the start of an ELF file travels: the header, the program headers
// and, in practice, the interpreter's path all sit in the first page.
const elfHead = 4096

// maxScript bounds the size of a script read whole (find's -size: under
// 1024 KiB); of a larger one only the #! line travels, and the report
// says it was not read.
const (
	maxScript     = "1024k"
	maxScriptText = "1 MiB"
)

// systemdDirs hold unit files, the administrator's first.
var systemdDirs = []string{"/etc/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"}

// configFiles are read whole when they exist (globs allowed).
var configFiles = []string{"/etc/passwd", "/var/lib/dpkg/status", "/lib/apk/db/installed"}

// crontabs are read whole too, and so are the files they name: the
// system crontab and those in crontabDirs (Debian, RHEL, BusyBox crond).
var crontabs = []string{"/etc/crontab", "/etc/cron.d/*", "/etc/crontabs/*", "/var/spool/cron/crontabs/*", "/var/spool/cron/*"}

// crontabDirs hold crontabs. On Alpine /var/spool/cron/crontabs is a
// link to /etc/crontabs: a directory already read is skipped.
var crontabDirs = []string{"/etc/cron.d", "/etc/crontabs", "/var/spool/cron/crontabs", "/var/spool/cron"}

// collectCommand is the one command a scan sends to a host. It needs only
// a POSIX sh, find, dd and tar (BusyBox's will do), changes nothing, and
// prints one stream:
//
//	switchback-scan 1\n
//	T <name>\n<lines>\0          text sections: initd, wants, masked, rpm, named
//	H <path>\0<4096 bytes>       the first page of each ELF executable
//	B\n<tar archive>             scripts, unit files, crontabs, passwd, package databases
//
// Scripts are files with a #! line under paths, and the files (of any
// kind but ELF) that crontabs and units' Exec*= lines name: the "named"
// section lists those. Two more records come before the archive, for
// scripts tar's list of names cannot carry:
//
//	S <path>\0<size>\0<first line>\0   a script too large to read whole
//	F <path>\0<od -tx1 of it>\0        a script whose name holds a newline
//
// Every file is found with find -exec, which hands names over whole
// (whatever bytes they hold) and needs no shell loop over find's output.
func collectCommand(paths []string) string {
	var b strings.Builder
	w := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	w(`LC_ALL=C; export LC_ALL`)
	w(`printf 'switchback-scan 1\n'`)
	// Records written inside $(...) reach the stream through fd 3.
	w(`exec 3>&1`)
	w(`elf=$(printf '\177ELF'); ifs=$IFS; nl='`)
	w(`'`)
	w(`first() { dd if="$1" bs=512 count=1 2>/dev/null | { IFS= read -r l; printf '%s' "$l"; }; }`)
	w(`notread() { printf 'S %s\0%s\0%s\0' "$1" "$(wc -c < "$1")" "$2" >&3; }`)
	w(`text() { [ -f "$1" ] && [ -r "$1" ] || return 1`)
	w(`  if [ -z "$(find "$1" -prune -size -` + maxScript + `)" ]; then l=$(first "$1"); case $l in "$elf"*) ;; *) notread "$1" "$l";; esac; return 1; fi`)
	w(`  l=; IFS= read -r l < "$1" 2>/dev/null; case $l in "$elf"*) return 1;; esac; return 0; }`)
	// named prints the absolute paths of files named in the lines of the
	// given files: every word of a crontab line, Exec*= values of units.
	w(`named() { only=$1; shift; IFS=$ifs; for f in "$@"; do [ -f "$f" ] && [ -r "$f" ] || continue; while IFS= read -r line; do`)
	w(`  case $line in ''|'#'*|';'*) continue;; esac`)
	w(`  if [ "$only" = exec ]; then case $line in Exec*=*) ;; *) continue;; esac; fi`)
	w(`  set -f; for x in $line; do case $x in Exec*=*) x=${x#*=};; esac`)
	w(`    while :; do case $x in [-@+!:\"\']*) x=${x#?};; *) break;; esac; done; x=${x%%[\"\';]*}`)
	w(`    case $x in /*) text "$x" && printf '%s\n' "$x";; esac; done; set +f`)
	w(`done < "$f"; done; }`)

	var units []string
	for i, d := range systemdDirs {
		// On merged-/usr systems /lib is /usr/lib: read each directory once.
		if i == 1 {
			w(`if [ /lib/systemd/system -ef /usr/lib/systemd/system ]; then libunits=; else libunits=/lib/systemd/system/*.service; fi`)
			units = append(units, "$libunits")
			continue
		}
		units = append(units, globWord(d+"/*.service"))
	}
	w(`printf 'T initd\n'; for f in /etc/init.d/*; do [ -f "$f" ] && printf '%s\n' "${f##*/}"; done; printf '\0'`)
	w(`printf 'T wants\n'; for f in /etc/systemd/system/*.wants/*; do [ -e "$f" ] || [ -L "$f" ] && printf '%s\n' "${f##*/}"; done; printf '\0'`)
	w(`printf 'T masked\n'; for f in /etc/systemd/system/*; do [ -L "$f" ] && [ "$f" -ef /dev/null ] && printf '%s\n' "${f##*/}"; done; printf '\0'`)
	w(`printf 'T rpm\n'; if command -v rpm >/dev/null 2>&1; then rpm -qa --qf '%{NAME}\n' 2>/dev/null; fi; printf '\0'`)
	// cron_files: one per line, each directory once
	w(`cron_files=; seen=; for d in ` + globWords(crontabDirs) + `; do [ -d "$d" ] || continue; dup=`)
	w(`  for s in $seen; do [ "$d" -ef "$s" ] && dup=1; done; [ -n "$dup" ] && continue; seen="$seen $d"`)
	w(`  for f in "$d"/*; do [ -f "$f" ] && [ -r "$f" ] && cron_files="$cron_files$f$nl"; done`)
	w(`done; [ -f /etc/crontab ] && [ -r /etc/crontab ] && cron_files="/etc/crontab$nl$cron_files"`)
	w(`unit_files=; for f in ` + strings.Join(units, " ") + `; do [ -f "$f" ] && [ -r "$f" ] && unit_files="$unit_files$f$nl"; done`)
	w(`set -f; IFS=$nl; named_files=$(named cron $cron_files; named exec $unit_files); IFS=$ifs; set +f`)
	w(`printf 'T named\n%s\n\0' "$named_files"`)

	heads := `elf=$(printf '\177ELF'); for f; do l=; IFS= read -r l < "$f" 2>/dev/null; case $l in "$elf"*) printf 'H %s\0' "$f"; dd if="$f" bs=` +
		fmt.Sprint(elfHead) + ` count=1 conv=sync 2>/dev/null;; esac; done`
	w(`for d in ` + globWords(binaryRoots) + `; do [ -d "$d" ] && find "$d" -xdev -type f -perm -100 -size +0 -exec sh -c ` + shell.Quote(heads) + ` sh {} + 2>/dev/null; done`)

	// Scripts under paths: small ones by name for tar, or by F record
	// when a newline in the name would cut tar's list; large ones by an
	// S record with their #! line.
	small := `nl='` + "\n" + `'; for f; do [ -r "$f" ] || continue; l=; IFS= read -r l < "$f" 2>/dev/null; case $l in '#!'*) ;; *) continue;; esac
  case $f in *"$nl"*) printf 'F %s\0' "$f" >&3; od -An -v -tx1 "$f" >&3; printf '\0' >&3;; *) printf '%s\n' "$f";; esac; done`
	large := `for f; do [ -r "$f" ] || continue; l=$(dd if="$f" bs=512 count=1 2>/dev/null | { IFS= read -r l; printf '%s' "$l"; })
  case $l in '#!'*) printf 'S %s\0%s\0%s\0' "$f" "$(wc -c < "$f")" "$l" >&3;; esac; done`
	w(`script_files=$(for d in ` + globWords(paths) + `; do [ -e "$d" ] || continue`)
	w(`  find "$d" -xdev -type f -size -` + maxScript + ` -exec sh -c ` + shell.Quote(small) + ` sh {} + 2>/dev/null`)
	w(`  find "$d" -xdev -type f ! -size -` + maxScript + ` -exec sh -c ` + shell.Quote(large) + ` sh {} + 2>/dev/null; done)`)

	w(`printf 'B\n'`)
	w(`cd / || exit 1`)
	w(`{ [ -n "$script_files" ] && printf '%s\n' "$script_files"`)
	w(`  [ -n "$named_files" ] && printf '%s\n' "$named_files"`)
	w(`  printf '%s' "$cron_files$unit_files"`)
	w(`  for f in ` + globWords(configFiles) + `; do [ -f "$f" ] && [ -r "$f" ] && printf '%s\n' "$f"; done`)
	w(`} | while IFS= read -r f; do printf '%s\n' "${f#/}"; done | tar -chf - --no-recursion -T - 2>/dev/null`)
	return b.String()
}

// globWords quotes each pattern for the shell, leaving its glob
// characters active.
func globWords(patterns []string) string {
	words := make([]string, len(patterns))
	for i, p := range patterns {
		words[i] = globWord(p)
	}
	return strings.Join(words, " ")
}

// globWord quotes everything in p but *, ? and [...], so that the shell
// expands the pattern and nothing else.
func globWord(p string) string {
	var b strings.Builder
	lit := func(s string) {
		if s != "" {
			b.WriteString(shell.Quote(s))
		}
	}
	start := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*', '?':
			lit(p[start:i])
			b.WriteByte(p[i])
			start = i + 1
		case '[':
			end := strings.IndexByte(p[i+1:], ']')
			if end < 0 {
				continue
			}
			class := p[i+1 : i+1+end]
			if strings.ContainsAny(class, "'\\\"`$") || class == "" {
				continue
			}
			lit(p[start:i])
			b.WriteString("[" + class + "]")
			i += end + 1
			start = i + 1
		}
	}
	lit(p[start:])
	if b.Len() == 0 {
		return "''"
	}
	return b.String()
}

// collected is what one host sent back.
type collected struct {
	text    map[string][]string // text sections by name
	heads   map[string][]byte   // ELF path → first page
	files   map[string][]byte   // tar entries (and F records) by absolute path
	notRead map[string]notRead  // S records by path
	bytes   int64               // the stream's size
}

// notRead is a script too large to be read whole: its size and first line.
type notRead struct {
	size int64
	line string
}

// errGarbled says the host's output is not the stream collectCommand prints.
var errGarbled = errors.New("the host's reply is not a scan stream (does its /bin/sh print something on start?)")

// readStream parses the stream, handing every file with a #! line to
// script as soon as it arrives so that analysis overlaps the transfer.
func readStream(r io.Reader, script func(path string, src []byte)) (*collected, error) {
	counter := &countingReader{r: r}
	br := bufio.NewReaderSize(counter, 64<<10)
	c := &collected{text: map[string][]string{}, heads: map[string][]byte{}, files: map[string][]byte{}, notRead: map[string]notRead{}}
	// A chatty shell start-up file may print before the command does:
	// skip a little of whatever comes before the stream's first line.
	for skipped := 0; ; {
		line, err := br.ReadString('\n')
		if line == "switchback-scan 1\n" {
			break
		}
		if skipped += len(line); err != nil || skipped > 64<<10 {
			return nil, errGarbled
		}
	}
	for {
		kind, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("%w: it ended before the archive", errGarbled)
		}
		switch kind {
		case 'T':
			name, err := br.ReadString('\n')
			if err != nil || !strings.HasPrefix(name, " ") {
				return nil, errGarbled
			}
			body, err := br.ReadString(0)
			if err != nil {
				return nil, errGarbled
			}
			body = strings.TrimSuffix(body, "\x00")
			var lines []string
			for _, l := range strings.Split(body, "\n") {
				if l != "" {
					lines = append(lines, l)
				}
			}
			c.text[strings.TrimSpace(name)] = lines
		case 'H':
			path, err := br.ReadString(0)
			if err != nil || !strings.HasPrefix(path, " /") {
				return nil, errGarbled
			}
			head := make([]byte, elfHead)
			if _, err := io.ReadFull(br, head); err != nil {
				return nil, fmt.Errorf("%w: an ELF head was cut short", errGarbled)
			}
			c.heads[strings.TrimSuffix(path[1:], "\x00")] = head
		case 'S':
			var fields [3]string
			for i := range fields {
				if fields[i], err = br.ReadString(0); err != nil {
					return nil, errGarbled
				}
				fields[i] = strings.TrimSuffix(fields[i], "\x00")
			}
			path, ok := strings.CutPrefix(fields[0], " ")
			size, serr := strconv.ParseInt(strings.TrimSpace(fields[1]), 10, 64)
			if !ok || !strings.HasPrefix(path, "/") || serr != nil {
				return nil, errGarbled
			}
			c.notRead[path] = notRead{size: size, line: fields[2]}
		case 'F':
			path, err := br.ReadString(0)
			if err != nil || !strings.HasPrefix(path, " /") {
				return nil, errGarbled
			}
			path = strings.TrimSuffix(path[1:], "\x00")
			dump, err := br.ReadString(0)
			if err != nil {
				return nil, errGarbled
			}
			body, err := hex.DecodeString(strings.Join(strings.Fields(strings.TrimSuffix(dump, "\x00")), ""))
			if err != nil {
				return nil, fmt.Errorf("%w: the dump of %q does not decode", errGarbled, path)
			}
			c.files[path] = body
			if isShellScript(body) {
				script(path, body)
			}
		case 'B':
			if nl, err := br.ReadByte(); err != nil || nl != '\n' {
				return nil, errGarbled
			}
			if err := readArchive(br, c, script); err != nil {
				return nil, err
			}
			c.bytes = counter.n
			return c, nil
		default:
			return nil, errGarbled
		}
	}
}

// readArchive keeps every file of the archive and hands on the shell
// scripts: files whose #! line names a shell, and files without one that
// a crontab or unit names (they are run by sh, or by what the line says).
func readArchive(r io.Reader, c *collected, script func(string, []byte)) error {
	named := set(c.text["named"])
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			// tar printed nothing at all when it had no file to archive
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading the host's archive: %w", err)
		}
		path := "/" + strings.TrimPrefix(hdr.Name, "./")
		if _, seen := c.files[path]; seen {
			continue // named by a crontab and found under a path too
		}
		var body []byte
		switch hdr.Typeflag {
		case tar.TypeReg:
			if body, err = io.ReadAll(tr); err != nil {
				return fmt.Errorf("reading %s from the host's archive: %w", path, err)
			}
		case tar.TypeLink:
			// tar stores a file it already archived (the same inode, as
			// when two links lead to one unit file) as a hard link to it.
			target, ok := c.files["/"+strings.TrimPrefix(hdr.Linkname, "./")]
			if !ok {
				continue
			}
			body = target
		default:
			continue
		}
		c.files[path] = body
		if isShellScript(body) || named[path] && !bytes.HasPrefix(body, []byte("#!")) {
			script(path, body)
		}
	}
}

// maxStream bounds what one host may send, which the controller holds in
// memory while it analyses: scripts are at most maxScript each and ELF
// files a page each, so only a host with a great many of them comes near.
const maxStream = 1 << 30

// countingReader counts the stream and stops it at maxStream.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= maxStream {
		return 0, fmt.Errorf("the host sent more than %d MiB; scan fewer paths (--paths)", maxStream>>20)
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// shells are the interpreters whose scripts the script analyzer reads;
// OpenRC's init scripts are sh scripts too.
var shells = map[string]bool{
	"sh": true, "ash": true, "dash": true, "bash": true, "zsh": true, "ksh": true, "mksh": true, "ksh93": true,
	"busybox": true, "openrc-run": true, "runscript": true,
}

func isShellScript(src []byte) bool {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	prog, ok := interpreter(string(line))
	return ok && shells[prog]
}
