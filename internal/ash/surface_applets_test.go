package ash

// Which BusyBox applets get option probes is data, not a list: every
// applet of the Alpine minirootfs (a link to /bin/busybox) that has a
// counterpart on the controller (a command of that name that is not
// BusyBox) has a template here or in appletTemplates, or a reason in
// appletExcluded; TestAppletsCovered fails on one that has neither. The
// probes of applet behaviour that no option shows (a destination that
// exists, a source that is the destination, a umask, an environment
// without TERM or with a zone Alpine has no data for) are generated here
// too, per applet of each family.

import (
	"archive/tar"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// moreAppletTemplates are the templates of the applets beyond the ones
// scripts call most (appletTemplates), in the same form: {opt} is an
// option of the GNU tool, the fixture's files are the data.
var moreAppletTemplates = map[string]string{
	"arch":       "arch {opt}\n",
	"bc":         "echo '3/2; 2^10' | bc {opt}\n",
	"bunzip2":    bz2Fixture + "bunzip2 {opt} -c in.bz2\n",
	"bzcat":      bz2Fixture + "bzcat {opt} in.bz2\n",
	"bzip2":      "bzip2 {opt} -c in.txt | bzip2 -dc\n",
	"chgrp":      "chgrp {opt} root in.txt\nls -l in.txt | cut -c1-10\n",
	"chroot":     "chroot {opt} / true\n",
	"cksum":      "cksum {opt} in.txt\n",
	"clear":      "clear {opt} > o.txt\ns=$?\nod -An -c o.txt\necho \"rc=$s\"\n",
	"dd":         "dd {opt} if=in.txt of=o.txt bs=4 2>err\ns=$?\nhead -n 2 err\ncat o.txt\necho \"rc=$s\"\n",
	"egrep":      "egrep {opt} 'a|c' in.txt\n",
	"expr":       "expr {opt} 7 + 3 \\* 2\n",
	"factor":     "factor {opt} 12 97\n",
	"fallocate":  "cp in.txt f.img\nfallocate {opt} -l 4096 f.img\nwc -c < f.img\n",
	"fgrep":      "fgrep {opt} 'a 1' in.txt\n",
	"getopt":     "getopt {opt} ab: -a -b x y\n",
	"groups":     "groups {opt} >/dev/null\n",
	"gunzip":     "gzip -c in.txt > in.gz\ngunzip {opt} -c in.gz\n",
	"hd":         "hd {opt} in.txt\n",
	"hexdump":    "hexdump {opt} in.txt\n",
	"hostid":     "hostid {opt} | wc -c\n",
	"ipcs":       "ipcs {opt} >/dev/null\n",
	"last":       "last {opt} >/dev/null\n",
	"link":       "link {opt} in.txt ln2\nls\n",
	"linux32":    "linux32 {opt} true\n",
	"linux64":    "linux64 {opt} uname -m\n",
	"lzcat":      lzmaFixture + "lzcat {opt} in.lzma\n",
	"lzma":       lzmaFixture + "lzma {opt} -dc in.lzma\n",
	"mkfifo":     "mkfifo {opt} p\nls -l p | cut -c1-10\n",
	"mknod":      "mknod {opt} p0 p\nls -l p0 | cut -c1-10\n",
	"mountpoint": "mountpoint {opt} /\n",
	"pmap":       "pmap {opt} $$ >/dev/null\n",
	"printenv":   "printenv {opt} PATH\n",
	"pwdx":       "pwdx {opt} $$ | sed 's,.*/,,'\n",
	"rev":        "rev {opt} in.txt\n",
	"run-parts":  "run-parts {opt} d\n",
	"setsid":     "setsid {opt} true\n",
	"sha512sum":  "sha512sum {opt} in.txt\n",
	"shred":      "shred {opt} in.txt\nls\n",
	"strings":    "strings {opt} in.txt\n",
	"sum":        "sum {opt} in.txt\n",
	"sync":       "sync {opt} in.txt\n",
	"tty":        "tty {opt}\n",
	"unexpand":   "printf 'a       b\\n' | unexpand {opt}\n",
	"unlink":     "unlink {opt} in.txt\nls\n",
	"unlzma":     lzmaFixture + "unlzma {opt} -c in.lzma\n",
	"unxz":       xzFixture + "unxz {opt} -c in.xz\n",
	"uptime":     "set -o pipefail\nuptime {opt} | " + maskNumbers + "\n",
	"who":        "who {opt} >/dev/null\n",
	"whoami":     "whoami {opt}\n",
	"xzcat":      xzFixture + "xzcat {opt} in.xz\n",
	"yes":        "yes {opt} | head -n 2\n",
	"zcat":       "gzip -c in.txt > in.gz\nzcat {opt} in.gz\n",
}

// The fixture's in.txt compressed by the controller's xz, lzma and bzip2
// (BusyBox only decompresses these formats).
const (
	xzFixture   = "echo /Td6WFoAAATm1rRGAgAhARYAAAB0L+WjAQARYiAyCmEgMTAKYyAxCmEgMTAKAAAAryzm/jMTE5MAASoSSwhUvB+2830BAAAAAARZWg== | base64 -d > in.xz\n"
	lzmaFixture = "echo XQAAgAD//////////wAxCAJAqBY2zo7moH4aSaBieH//8jJoAA== | base64 -d > in.lzma\n"
	bz2Fixture  = "echo QlpoOTFBWSZTWd7zbhoAAAhZAAAQQABwADgAIAAhKAeoQwIvMHh0QQ8XckU4UJDe824a | base64 -d > in.bz2\n"
)

// appletExcluded are the minirootfs applets with a controller counterpart
// whose options are not probed, and why. The probes run as root on the
// controller too, so nothing that changes the machine, its devices, its
// network, its users or other processes is run there with guessed options.
var appletExcluded = map[string]string{
	// the shell's own: scripts run the builtin, probed as "builtin NAME"
	"echo": "shell builtin", "false": "shell builtin", "true": "shell builtin", "kill": "shell builtin",
	"printf": "shell builtin", "pwd": "shell builtin", "test": "shell builtin", "[": "shell builtin",
	"[[": "shell keyword", "time": "shell keyword", "sh": "the shell itself, probed as bash's surface",
	// their own generators
	"find": "its primaries are tried by TestDeriveTable (accepted.txt)",
	// change the machine: power, init, mounts, swap, devices, the clock, the kernel
	"halt": "powers the controller off", "poweroff": "powers the controller off", "reboot": "reboots the controller",
	"init": "the init system", "mount": "mounts on the controller", "umount": "unmounts on the controller",
	"swapon": "changes swap", "swapoff": "changes swap", "mkswap": "writes a swap signature",
	"losetup": "attaches loop devices", "blkdiscard": "discards a device's blocks", "blockdev": "sets device parameters",
	"blkid": "reads block devices (and rewrites its cache)", "findfs": "reads block devices", "fsck": "checks (and repairs) file systems",
	"fstrim": "trims mounted file systems", "hwclock": "sets the hardware clock", "pivot_root": "changes the root mount",
	"switch_root": "changes the root mount", "sysctl": "sets kernel parameters", "dmesg": "its options clear the kernel log and set the console level",
	"chattr": "Debian's has no --help", "lsattr": "Debian's has no --help",
	"unshare": "creates namespaces and mounts in them", "nsenter": "enters other processes' namespaces",
	"setpriv": "runs with credentials the probe cannot give generically",
	// the network
	"ifconfig": "configures interfaces", "ip": "configures interfaces (and has no --help)", "iptunnel": "configures tunnels",
	"nameif": "renames interfaces", "route": "changes routes", "arp": "changes the ARP table", "slattach": "attaches serial lines",
	"netstat": "lists the host's sockets (-c never ends)", "wget": "fetches from the network; its options are checked against BusyBox's help (gnu-option)",
	"hostname": "sets the host's name; its options are checked against BusyBox's help", "dnsdomainname": "the hostname program",
	// users, logins, terminals
	"su": "changes user", "login": "a login session", "nologin": "refuses logins", "getty": "opens terminals",
	"passwd": "changes passwords", "chpasswd": "changes passwords", "adduser": "adds users", "addgroup": "adds groups",
	"deluser": "deletes users", "delgroup": "deletes groups", "add-shell": "edits /etc/shells", "remove-shell": "edits /etc/shells",
	"mesg": "sets the terminal's permissions", "stty": "sets the terminal", "reset": "sets the terminal up",
	"vi": "an interactive editor", "less": "an interactive pager", "more": "an interactive pager", "top": "an interactive screen",
	"watch": "repeats until interrupted",
	// other processes
	"killall": "signals processes by name", "killall5": "signals every process", "pkill": "signals processes",
	"pgrep": "pkill's program, whose options send signals", "pidof": "Debian's is killall5", "fuser": "its -k kills processes",
	"renice": "changes other processes' priority (by pid, group or user)", "ionice": "changes other processes' I/O class",
	"ipcrm": "removes the host's IPC objects",
	// no --help to read options from
	"awk": "Debian's awk is mawk, which has no --help; awk programs are a language of their own",
	"xxd": "no --help", "lsof": "no --help", "pstree": "no --help", "unzip": "no zip tool on either side to make a fixture",
	"logger": "writes to the controller's system log; its options are checked against BusyBox's help",
}

// optionsCheckedOnly are applets not probed whose BusyBox help is still
// read, so that the analyzer checks a script's options against it.
var optionsCheckedOnly = []string{"find", "hostname", "logger", "wget"}

// appletTemplate is the probe template of an applet, if it has one.
func appletTemplate(name string) (string, bool) {
	if t, ok := appletTemplates[name]; ok {
		return t, true
	}
	t, ok := moreAppletTemplates[name]
	return t, ok
}

// appletNames are the commands whose BusyBox help TestDeriveTable reads
// on a fleet host: every applet with a template, and those whose options
// are only checked.
func appletNames() []string {
	names := slices.Clone(optionsCheckedOnly)
	for n := range appletTemplates {
		names = append(names, n)
	}
	for n := range moreAppletTemplates {
		names = append(names, n)
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// minirootfsApplets are the names of the BusyBox applets of the Alpine
// minirootfs: links to /bin/busybox in the bin directories.
func minirootfsApplets(t testing.TB) []string {
	t.Helper()
	var names []string
	for _, l := range rootfsLinks(t, minirootfs(t)) {
		if l.target == "/bin/busybox" {
			names = append(names, base(l.path))
		}
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// controllerCounterpart is the controller's command of that name, unless
// it is missing or BusyBox itself (Debian's busybox package links none).
func controllerCounterpart(name string) (string, bool) {
	p, err := exec.LookPath(name)
	if err != nil {
		return "", false
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil || strings.Contains(filepath.Base(real), "busybox") {
		return "", false
	}
	return real, true
}

// TestAppletsCovered: every BusyBox applet of the minirootfs that has a
// counterpart on the controller is probed (a template) or excluded (with
// a reason), never both; every exclusion names such an applet.
func TestAppletsCovered(t *testing.T) {
	applets := minirootfsApplets(t)
	counterparts := 0
	for _, name := range applets {
		_, tmpl := appletTemplate(name)
		why, excluded := appletExcluded[name]
		if _, ok := controllerCounterpart(name); !ok {
			continue
		}
		counterparts++
		switch {
		case tmpl && excluded:
			t.Errorf("%s: has a probe template and is excluded (%s)", name, why)
		case !tmpl && !excluded:
			t.Errorf("%s: a BusyBox applet of the minirootfs with a counterpart on the controller, neither probed (a template in moreAppletTemplates) nor excluded (appletExcluded, with the reason)", name)
		case excluded && why == "":
			t.Errorf("%s: excluded without a reason", name)
		}
	}
	for name := range appletExcluded {
		if !slices.Contains(applets, name) {
			t.Errorf("%s: excluded, but not a BusyBox applet of the minirootfs", name)
		}
	}
	for _, tmpls := range []map[string]string{appletTemplates, moreAppletTemplates} {
		for name := range tmpls {
			if !slices.Contains(applets, name) {
				t.Errorf("%s: a template, but not a BusyBox applet of the minirootfs", name)
			}
		}
	}
	t.Logf("%d applets in the minirootfs, %d with a controller counterpart: %d probed, %d excluded",
		len(applets), counterparts, len(appletTemplates)+len(moreAppletTemplates), len(appletExcluded))
}

// rootfsLink is a symbolic link of the minirootfs.
type rootfsLink struct{ path, target string }

// rootfsLinks lists the symbolic links of the tarball in the bin directories.
func rootfsLinks(t testing.TB, tarball string) []rootfsLink {
	var out []rootfsLink
	walkRootfsBins(t, tarball, func(p string, h *tar.Header) {
		if h.Typeflag == tar.TypeSymlink {
			out = append(out, rootfsLink{p, h.Linkname})
		}
	})
	return out
}

// createsFile are the applets whose template creates a file, and the
// file: the family of the umask; those whose last operand is the file
// (writesLast) also make the family of a destination that exists.
var createsFile = map[string]string{
	"cp": "d/c.txt", "install": "d/i.txt", "mv": "d/m.txt", "ln": "d/ln.txt", "link": "ln2",
	"tee": "o.txt", "split": "partaa", "tar": "a.tar", "mkdir": "n", "mkfifo": "p", "mknod": "p0",
}

// copiesOnto are the applets that write a file's contents onto their
// destination, whose options are probed onto an existing one too.
var copiesOnto = map[string]bool{"cp": true, "install": true, "mv": true, "tee": true}

// sameFile are the applets that take a source and a destination.
var sameFile = []string{"cp", "mv", "ln", "install", "link"}

// situationProbes are the probes of what an applet does in a situation a
// script meets rather than chooses: its destination exists (with a mode
// of its own), its source is its destination, a umask is set, TERM is
// not set (cron, ssh without a terminal), TZ names a zone. GNU failing
// there is what a script meets, so it is compared (surfaceProbe.Situation).
func situationProbes(hostApplets map[string]*appletSpec) []surfaceProbe {
	var ps []surfaceProbe
	add := func(name, what, script string) {
		if hostApplets[name] == nil {
			return
		}
		if _, ok := controllerCounterpart(name); !ok {
			return
		}
		ps = append(ps, surfaceProbe{Key: "applet " + name + " " + what, Script: appletFixture + script, Group: name, Situation: true})
	}
	status := "s=$?\n"
	result := "echo \"rc=$s\"\n"
	for name, dest := range createsFile {
		tmpl, _ := appletTemplate(name)
		line := withoutOption(strings.SplitN(tmpl, "\n", 2)[0]) + "\n"
		show := "ls -ld " + dest + " | cut -c1-10\n"
		if writesLast[name] {
			exists := "printf 'old\\n' > " + dest + "\nchmod 600 " + dest + "\n"
			add(name, ":onto-existing", exists+line+status+show+result)
			if copiesOnto[name] {
				// The options decide what becomes of the destination's
				// mode (cp -p, install -m): each is probed in the situation.
				for _, g := range gnuOptionsWithValues(name) {
					if appletSkip[name+" "+g.Name] {
						continue
					}
					opt := g.Name
					if g.Value != "" {
						opt += map[bool]string{true: "=", false: " "}[strings.HasPrefix(g.Name, "--")] + g.Value
					}
					l := strings.Replace(strings.SplitN(tmpl, "\n", 2)[0], "{opt}", opt, 1) + "\n"
					add(name, g.Name+" :onto-existing", exists+l+status+show+result)
				}
			}
		}
		add(name, ":umask", "umask 077\n"+line+status+show+result)
	}
	for _, name := range sameFile {
		add(name, ":same-file", name+" in.txt in.txt\n"+status+"cat in.txt\n"+result)
	}
	add("clear", ":no-TERM", "unset TERM\nclear > o.txt\n"+status+"od -An -c o.txt\n"+result)
	add("date", ":TZ", "TZ=Europe/Paris date -d @0 '+%H:%M'\n"+rc)
	return ps
}

// findFixture holds files of known sizes (10000 and 1500 bytes, empty),
// modes, ages and links, so that what a primary selects shows; the
// output goes outside the tree searched.
const findFixture = "mkdir t\ncd t\nhead -c 10000 /dev/zero > ten\nhead -c 1500 /dev/zero > one\n: > empty\nmkdir d\nprintf x > d/f\n" +
	"chmod 600 one\nchmod 755 ten\ntouch -d '2001-01-01 00:00:00' old d/f\nln ten ten2\n"

// findValues are the values each primary of findValued is probed with,
// one per class.
var findValues = map[string][]string{
	"-size": {"20", "+19", "-20", "20b", "+19b", "-20b", "10000c", "+1000c", "-1500c", "5000w", "+500w", "-5000w",
		"10k", "2k", "+1k", "-2k", "1M", "+1M", "-1M", "1G", "-1G"},
	"-links": {"2", "+1", "-2"},
	"-mtime": {"0", "+1000", "-1"}, "-atime": {"0", "+1000", "-1"}, "-ctime": {"0", "+1000", "-1"},
	"-mmin": {"5", "+5", "-5"}, "-amin": {"5", "+5", "-5"}, "-cmin": {"5", "+5", "-5"},
	"-perm":  {"600", "-600", "/022", "+022", "u=rw", "-u=rw", "/u+x", "+u+x"},
	"-newer": {"old"}, "-maxdepth": {"1"}, "-mindepth": {"2"}, "-name": {"[ot]*"}, "-iname": {"T*"},
	"-path": {"./d/*"}, "-regex": {".*/t[a-z]*"}, "-type": {"f"}, "-user": {"root"}, "-group": {"0"},
}

// findProbes: what each primary of find selects on findFixture, with
// each class of value, run against GNU find and BusyBox find.
func findProbes() []surfaceProbe {
	var ps []surfaceProbe
	run := func(key, args string) {
		ps = append(ps, surfaceProbe{Key: key, Group: "find",
			Script: findFixture + "find . " + args + " > ../o.txt\ns=$?\nsort ../o.txt\necho \"rc=$s\"\n"})
	}
	for primary, values := range findValues {
		for _, v := range values {
			run(findKey(primary, v), primary+" '"+v+"'")
		}
	}
	for _, primary := range findAlone {
		run(findKey(primary, ""), primary)
	}
	return ps
}
