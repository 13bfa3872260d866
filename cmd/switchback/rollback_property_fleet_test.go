package main

// A generated test of the files snapshot's promise: whatever the tree
// under the snapshot's paths holds and however the run changes it, a
// rollback puts back every covered path exactly (type, mode, owner,
// content, link target, hard links) and touches nothing else.
//
// Each case grows a random tree on a host (files, empty directories,
// symbolic links dangling or to directories, hard links, setuid, setgid
// and sticky modes, owners, names with spaces, newlines and bytes that
// are not UTF-8), draws a random set of snapshot paths (overlapping,
// nested, duplicated, with trailing slashes, through symbolic links,
// missing), and writes a playbook of random steps of every type that
// writes, plus arbitrary command mutations, that ends in a failure with
// rollback = "host". The oracle is a fingerprint of the whole host read
// from the controller, not by the code under test.
//
// make test runs the fixed seeds below; make soak-rollback runs
// SWITCHBACK_SOAK_N cases from SWITCHBACK_SOAK_SEED.

import (
	crand "crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// propertySeeds are the cases make test runs, on propertyHosts hosts:
// six drawn at random, and the soak's cases that found faults (1060: a
// line step's link inside a saved directory; 1086: a link in a setgid
// directory).
var propertySeeds = []uint64{1, 2, 3, 4, 5, 6, 1060, 1086}

const propertyHosts = 3

// fullFingerprint describes every entry of a host's root but what the
// kernel and processes own and switchback's own state: type and mode
// bits (setuid, setgid, sticky included), owner, content hash or link
// target, and the other names of a hard-linked file. Names are kept as
// bytes.
func fullFingerprint(t *testing.T, h *fleet.Host) map[string]string {
	t.Helper()
	skip := map[string]bool{"proc": true, "dev": true, "sys": true, "tmp": true, "var/lib/switchback": true,
		"var/cache": true, "mnt/repo": true, "run": true}
	fp := map[string]string{}
	inodes := map[uint64][]string{}
	err := filepath.WalkDir(h.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(h.Root, p)
		if skip[rel] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		st := info.Sys().(*syscall.Stat_t)
		desc := fmt.Sprintf("%07o %d:%d", st.Mode, st.Uid, st.Gid)
		switch info.Mode().Type() {
		case fs.ModeSymlink:
			target, _ := os.Readlink(p)
			desc += " -> " + strconv.Quote(target)
		case 0:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			desc += " " + hex.EncodeToString(sum[:10])
			if st.Nlink > 1 {
				inodes[st.Ino] = append(inodes[st.Ino], rel)
			}
		}
		fp[rel] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, names := range inodes {
		sort.Strings(names)
		for _, n := range names {
			fp[n] += " links " + strconv.Quote(strings.Join(names, "|"))
		}
	}
	// OpenRC's record of started services is the one part of /run kept.
	if entries, err := os.ReadDir(h.Path("/run/openrc/started")); err == nil {
		for _, e := range entries {
			fp["run/openrc/started/"+e.Name()] = "started"
		}
	}
	return fp
}

// realisticEtc gives a host what a real Alpine /etc holds besides the
// minirootfs: runlevel symlinks, hashed certificate links, a localtime
// link, periodic directories, an sshd config directory.
func realisticEtc(t *testing.T, h *fleet.Host) {
	t.Helper()
	links := map[string]string{
		"/etc/runlevels/sysinit/devfs":                  "/etc/init.d/devfs",
		"/etc/runlevels/sysinit/dmesg":                  "/etc/init.d/dmesg",
		"/etc/runlevels/sysinit/mdev":                   "/etc/init.d/mdev",
		"/etc/runlevels/boot/hostname":                  "/etc/init.d/hostname",
		"/etc/runlevels/boot/bootmisc":                  "/etc/init.d/bootmisc",
		"/etc/runlevels/boot/syslog":                    "/etc/init.d/syslog",
		"/etc/runlevels/default/crond":                  "/etc/init.d/crond",
		"/etc/runlevels/shutdown/killprocs":             "/etc/init.d/killprocs",
		"/etc/runlevels/shutdown/mount-ro":              "/etc/init.d/mount-ro",
		"/etc/localtime":                                "/usr/share/zoneinfo/Europe/Paris",
		"/etc/ssl/certs/5ad8a5d6.0":                     "ca-cert-GlobalSign_Root_CA.pem",
		"/etc/ssl/certs/ca-cert-GlobalSign_Root_CA.pem": "/usr/share/ca-certificates/mozilla/GlobalSign_Root_CA.crt",
		"/etc/ssl/certs/ca-certificates.crt.link":       "ca-certificates.crt",
	}
	for _, d := range []string{"/etc/periodic/15min", "/etc/periodic/daily", "/etc/periodic/monthly", "/etc/ssh/sshd_config.d", "/usr/share/ca-certificates/mozilla"} {
		if err := os.MkdirAll(h.Path(d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(h.Path("/usr/share/ca-certificates/mozilla/GlobalSign_Root_CA.crt"), []byte("-----BEGIN CERTIFICATE-----\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.Path("/etc/ssh/sshd_config.d/10-local.conf"), []byte("PermitRootLogin no\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, target := range links {
		_ = os.Remove(h.Path(name))
		if err := os.MkdirAll(filepath.Dir(h.Path(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, h.Path(name)); err != nil {
			t.Fatal(err)
		}
	}
}

// gen draws one case.
type gen struct {
	r     *rand.Rand
	seed  uint64
	base  string   // the case's tree, e.g. /srv/pt
	files []string // regular files made, absolute
	dirs  []string // directories made, absolute, base first
	links []string // symbolic links made
	// linked are the files with a second name; no file root is one.
	linked []string
}

var oddNames = []string{"a", "b c", "new\nline", "\xff\xfebytes", "-dash", "[glob]*?", " lead", "trail ", "ünï", "x.conf",
	"tab\there", "quote'\"", "back\\slash", "$(echo no)", ".hidden", "long" + strings.Repeat("n", 120)}

func (g *gen) name() string {
	n := oddNames[g.r.IntN(len(oddNames))]
	return fmt.Sprintf("%s%d", n, g.r.IntN(100))
}

var fileModes = []os.FileMode{0o644, 0o600, 0o755, 0o444, 0o4755 | os.ModeSetuid, 0o2755 | os.ModeSetgid, 0o640}
var dirModes = []os.FileMode{0o755, 0o700, 0o750, 0o2775 | os.ModeSetgid, 0o1777 | os.ModeSticky}
var fileOwners = [][2]int{{0, 0}, {1000, 1000}, {65534, 65534}, {123, 456}, {0, 42}}

// chmodBits turns a FileMode into what chmod(2) takes.
func chmodBits(m os.FileMode) uint32 {
	b := uint32(m.Perm())
	if m&os.ModeSetuid != 0 {
		b |= syscall.S_ISUID
	}
	if m&os.ModeSetgid != 0 {
		b |= syscall.S_ISGID
	}
	if m&os.ModeSticky != 0 {
		b |= syscall.S_ISVTX
	}
	return b
}

func (g *gen) setMeta(t *testing.T, h *fleet.Host, p string, modes []os.FileMode) {
	o := fileOwners[g.r.IntN(len(fileOwners))]
	if err := os.Lchown(h.Path(p), o[0], o[1]); err != nil {
		t.Fatal(err)
	}
	if modes != nil {
		if err := syscall.Chmod(h.Path(p), chmodBits(modes[g.r.IntN(len(modes))])); err != nil {
			t.Fatal(err)
		}
	}
}

// tree grows the random tree under g.base.
func (g *gen) tree(t *testing.T, h *fleet.Host) {
	if err := os.RemoveAll(h.Path(g.base)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(h.Path(g.base), 0o755); err != nil {
		t.Fatal(err)
	}
	g.dirs = []string{g.base}
	for range 4 + g.r.IntN(8) {
		d := g.dirs[g.r.IntN(len(g.dirs))] + "/" + g.name()
		if err := os.Mkdir(h.Path(d), 0o755); err == nil {
			g.dirs = append(g.dirs, d)
		}
	}
	for range 6 + g.r.IntN(14) {
		p := g.dirs[g.r.IntN(len(g.dirs))] + "/" + g.name()
		content := make([]byte, g.r.IntN(3000))
		for i := range content {
			content[i] = byte(g.r.IntN(256))
		}
		if os.WriteFile(h.Path(p), content, 0o644) == nil {
			g.files = append(g.files, p)
		}
	}
	// Hard links, in the directory of the file they link to: a file
	// linked from outside the snapshot's paths is changed through either
	// name, and only a file that did not change keeps such a link.
	for range g.r.IntN(4) {
		if len(g.files) == 0 {
			break
		}
		src := g.files[g.r.IntN(len(g.files))]
		p := filepath.Dir(src) + "/" + g.name()
		if os.Link(h.Path(src), h.Path(p)) == nil {
			g.files = append(g.files, p)
			g.linked = append(g.linked, src, p)
		}
	}
	for range 2 + g.r.IntN(5) { // symbolic links: relative, absolute, dangling, to directories
		p := g.dirs[g.r.IntN(len(g.dirs))] + "/" + g.name()
		var target string
		switch g.r.IntN(4) {
		case 0:
			target = "/nonexistent/" + g.name()
		case 1:
			target = g.dirs[g.r.IntN(len(g.dirs))]
		case 2:
			if len(g.files) > 0 {
				target = g.files[g.r.IntN(len(g.files))]
			}
		default:
			target = "./" + g.name() // relative, and inside the tree
		}
		if target != "" && os.Symlink(target, h.Path(p)) == nil {
			g.links = append(g.links, p)
		}
	}
	for _, f := range g.files {
		g.setMeta(t, h, f, fileModes)
	}
	for _, l := range g.links {
		g.setMeta(t, h, l, nil)
	}
	for i := len(g.dirs) - 1; i > 0; i-- {
		g.setMeta(t, h, g.dirs[i], dirModes)
	}
	if g.r.IntN(2) == 0 && len(g.dirs) > 1 { // a symlinked parent: base/via -> a directory
		via := g.base + "/via"
		target := g.dirs[1+g.r.IntN(len(g.dirs)-1)]
		if g.r.IntN(4) > 0 {
			target = strings.ReplaceAll(target, "\n", "") // mostly a target a snapshot can list
			_ = os.MkdirAll(h.Path(target), 0o755)
		}
		if os.Symlink(target, h.Path(via)) == nil {
			g.links = append(g.links, via)
		}
	}
}

// etcRoots are parts of the realistic /etc a case may save.
var etcRoots = []string{"/etc", "/etc/runlevels", "/etc/ssl", "/etc/ssl/certs", "/etc/localtime", "/etc/periodic", "/etc/ssh", "/etc/conf.d", "/etc/init.d", "/etc/apk"}

// paths draws the snapshot paths: directories and files of the tree,
// nested ones, duplicates, trailing slashes, a path through a symbolic
// link, a missing one, and parts of /etc.
func (g *gen) paths() []string {
	var out []string
	pick := func(list []string) string { return list[g.r.IntN(len(list))] }
	for range 1 + g.r.IntN(3) {
		switch g.r.IntN(7) {
		case 0:
			out = append(out, g.base)
		case 1, 2:
			out = append(out, pick(g.dirs))
		case 3:
			if f := pick(append(slices.Clone(g.files), g.base)); !slices.Contains(g.linked, f) {
				out = append(out, f)
			}
		case 4:
			out = append(out, g.base+"/missing"+strconv.Itoa(g.r.IntN(9))+"/"+g.name())
		case 5:
			out = append(out, pick(etcRoots))
		default:
			out = append(out, g.base+"/via")
		}
	}
	// Odd forms of the same paths.
	for _, p := range slices.Clone(out) {
		switch g.r.IntN(4) {
		case 0:
			out = append(out, p+"/")
		case 1:
			out = append(out, p)
		}
	}
	var clean []string
	for _, p := range out {
		if !strings.ContainsAny(p, "\n\r") && strings.ToValidUTF8(p, "") == p {
			clean = append(clean, p)
		}
	}
	if len(clean) == 0 {
		clean = []string{g.base}
	}
	return clean
}

// targets lists the places changes may land: under the snapshot paths,
// and what steps declare as written (which the snapshot adds itself).
func (g *gen) under(paths []string) []string {
	var out []string
	for _, p := range paths {
		p = strings.TrimSuffix(p, "/")
		out = append(out, p)
		for _, q := range append(append(slices.Clone(g.files), g.dirs...), g.links...) {
			if strings.HasPrefix(q, p+"/") {
				out = append(out, q)
			}
		}
	}
	return out
}

// shellOf turns a name into a shell word, bytes that are not UTF-8
// included (HCL cannot carry them, so commands build them with printf).
func shellOf(p string) string {
	if !strings.ContainsFunc(p, func(r rune) bool { return r == '\uFFFD' }) && strings.ToValidUTF8(p, "") == p {
		return shell.Quote(p)
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		fmt.Fprintf(&b, "\\%03o", p[i])
	}
	return `"$(printf '` + b.String() + `')"`
}

// steps draws the playbook's steps: every type that writes, and command
// mutations. Targets are under the snapshot's paths; a path a step
// declares it writes is saved by the snapshot even outside them.
func (g *gen) steps(t *testing.T, dir string, paths []string) string {
	under := g.under(paths)
	// Targets HCL can name, and a snapshot can follow if they are links
	// (a path with a line break is left to the path that holds it, not
	// followed: see docs/reliability.md).
	var valid []string
	for _, p := range under {
		if strings.ToValidUTF8(p, "") == p && !strings.Contains(p, "\n") {
			valid = append(valid, p)
		}
	}
	pick := func() string { return under[g.r.IntN(len(under))] }
	pickValid := func() string {
		if len(valid) == 0 {
			return g.base + "/plain" + strconv.Itoa(g.r.IntN(9))
		}
		return valid[g.r.IntN(len(valid))]
	}
	// A new name goes in a directory under the paths, never through a
	// link, which could lead out of them.
	var dirs, validDirs []string
	for _, p := range under {
		if slices.Contains(g.dirs, strings.TrimSuffix(p, "/")) {
			dirs = append(dirs, p)
			if strings.ToValidUTF8(p, "") == p && !strings.Contains(p, "\n") {
				validDirs = append(validDirs, p)
			}
		}
	}
	newName := func() string {
		if len(dirs) == 0 {
			return pick() // replaced below where that is a file: still under the paths
		}
		return dirs[g.r.IntN(len(dirs))] + "/" + g.name()
	}
	pickDir := func() string {
		if len(validDirs) == 0 {
			return pickValid()
		}
		return validDirs[g.r.IntN(len(validDirs))]
	}
	var b strings.Builder
	n := 0
	step := func(typ, body string) {
		n++
		fmt.Fprintf(&b, "  %s \"s%d\" {\n%s  }\n", typ, n, body)
	}
	// First, outside every path: kept as the run left it.
	step("command", fmt.Sprintf("    run = \"mkdir -p /srv/outside && echo %d > /srv/outside/mark\"\n", g.seed))
	inner := func() string { // not a path itself: replacing a root by a link would send later writes anywhere
		for range 10 {
			if p := pick(); !slices.Contains(paths, p) && !slices.Contains(paths, p+"/") && p != g.base {
				return p
			}
		}
		return ""
	}
	mutation := func() string {
		t, o := shellOf(pick()), shellOf(newName())
		switch g.r.IntN(11) {
		// A command that writes through a link the tree already had
		// writes outside the paths: a drill's case, not this test's.
		case 0:
			return fmt.Sprintf("[ -f %s ] && ! [ -L %s ] && printf 'changed %d' > %s", t, t, g.r.IntN(1000), t)
		case 1:
			return "rm -rf " + t
		case 2:
			return fmt.Sprintf("[ -L %s ] || chmod %o %s", t, chmodBits(fileModes[g.r.IntN(len(fileModes))]), t)
		case 3:
			ow := fileOwners[g.r.IntN(len(fileOwners))]
			return fmt.Sprintf("chown -h %d:%d %s", ow[0], ow[1], t)
		case 4:
			return fmt.Sprintf("ln -sfn %s %s", shellOf(pick()), o)
		case 5:
			return fmt.Sprintf("[ -f %s ] && ln %s %s", t, t, o)
		case 6:
			return fmt.Sprintf("mkdir -p %s/sub && echo new > %s/sub/f", o, o)
		case 7:
			return fmt.Sprintf("rm -rf %s && mkdir -p %s", t, t)
		case 8:
			return fmt.Sprintf("rm -rf %s && echo file > %s", t, t)
		case 9:
			return fmt.Sprintf("mv %s %s", t, o)
		default:
			if inner() == "" {
				return "true"
			}
			i := shellOf(inner())
			return fmt.Sprintf("rm -rf %s && ln -s %s %s", i, shellOf(pick()), i)
		}
	}
	for range 3 + g.r.IntN(6) {
		switch g.r.IntN(10) {
		case 0:
			step("file", fmt.Sprintf("    path    = %s\n    content = %s\n    mode    = \"0%o\"\n", steptest.HCLString(pickDir()+"/"+"f"+strconv.Itoa(g.r.IntN(9))), steptest.HCLString(strings.ToValidUTF8(g.name(), "?")), chmodBits(fileModes[g.r.IntN(3)])))
		case 1:
			step("file", fmt.Sprintf("    path  = %s\n    state = %q\n", steptest.HCLString(pickValid()), []string{"directory", "absent"}[g.r.IntN(2)]))
		case 2:
			step("line", fmt.Sprintf("    path   = %s\n    line   = \"k%d = v\"\n    create = true\n", steptest.HCLString(pickValid()), g.r.IntN(100)))
		case 3:
			src := writeFile(t, dir, fmt.Sprintf("t%d.tmpl", n), "seed ${seed}\n")
			step("template", fmt.Sprintf("    source = %q\n    dest   = %s\n    vars   = { seed = \"%d\" }\n", src, steptest.HCLString(pickDir()+"/t"+strconv.Itoa(n)), g.seed))
		case 4:
			src := writeFile(t, dir, fmt.Sprintf("c%d.txt", n), strings.Repeat("copied\n", 1+g.r.IntN(50)))
			step("copy", fmt.Sprintf("    source = %q\n    dest   = %s\n    mode   = \"0600\"\n", src, steptest.HCLString(pickDir()+"/c"+strconv.Itoa(n))))
		case 5:
			step("user", fmt.Sprintf("    name = \"u%d\"\n", g.seed%1000*10+uint64(n)))
		case 6:
			step("group", fmt.Sprintf("    name = \"g%d\"\n", g.seed%1000*10+uint64(n)))
		case 7:
			step("apk", "    packages = [\"sb-hello\"]\n")
		case 8:
			step("openrc_script", fmt.Sprintf("    name    = \"pt%d\"\n    content = \"#!/sbin/openrc-run\\ncommand=/bin/true\\n\"\n", n))
		default:
			step("apk_key", fmt.Sprintf("    name    = \"pt%d.rsa.pub\"\n    content = %s\n", n, steptest.HCLString(testPublicKey(t))))
		}
		for range g.r.IntN(3) {
			step("command", fmt.Sprintf("    run = %s\n", steptest.HCLString(mutation()+" || :")))
		}
	}
	if g.r.IntN(3) == 0 {
		step("apk_repository", "    repository = \"/mnt/repo/unused\"\n")
	}
	step("command", "    run = \"exit 1\"\n")
	return b.String()
}

var publicKey = sync.OnceValues(func() (string, error) {
	key, err := rsa.GenerateKey(crand.Reader, 2048)
	if err != nil {
		return "", err
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), nil
})

// testPublicKey is an RSA public key as apk keeps them.
func testPublicKey(t *testing.T) string {
	k, err := publicKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// propertyCase runs one generated case on h and returns what went wrong.
func propertyCase(t *testing.T, f *fleet.Fleet, h *fleet.Host, seed uint64) []string {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x5eed)), seed: seed, base: "/srv/pt"}
	g.tree(t, h)
	paths := g.paths()
	dir := t.TempDir()
	var quoted []string
	for _, p := range paths {
		quoted = append(quoted, steptest.HCLString(p))
	}
	pb := writeFile(t, dir, "p.hcl", fmt.Sprintf(`
playbook { name = "property %d" }
snapshot { paths = [%s] }
rollout { rollback = "host" }
phase "changes" {
%s}
`, seed, strings.Join(quoted, ", "), g.steps(t, dir, paths)))
	_ = os.RemoveAll(h.Path("/srv/outside"))
	before := fullFingerprint(t, h)
	code, out := runCLI(t, runArgs(f, pb, "--limit", h.Name, "--state", filepath.Join(dir, "state.db"))...)
	var problems []string
	refused := strings.Contains(out, "resolves to a name with a line break") && strings.Contains(out, "no change was made because the snapshot before it failed")
	if refused {
		_ = os.MkdirAll(h.Path("/srv/outside"), 0o755)
		_ = os.WriteFile(h.Path("/srv/outside/mark"), []byte(strconv.FormatUint(seed, 10)), 0o644)
	}
	if code != runner.ExitFailed || (!refused && !strings.Contains(out, "ROLLED BACK "+h.Name)) {
		problems = append(problems, fmt.Sprintf("exit %d, want %d with the host rolled back", code, runner.ExitFailed))
	}
	after := fullFingerprint(t, h)
	mark, err := os.ReadFile(h.Path("/srv/outside/mark"))
	if err != nil || strings.TrimSpace(string(mark)) != strconv.FormatUint(seed, 10) {
		problems = append(problems, "the change outside every path was undone: the restore touched more than its paths")
	}
	delete(after, "srv/outside")
	delete(after, "srv/outside/mark")
	problems = append(problems, steptest.FingerprintDiff(before, after)...)
	if len(problems) > 0 {
		pbText, _ := os.ReadFile(pb)
		problems = append(problems, "playbook:\n"+string(pbText))
	}
	return problems
}

// TestRollbackProperty runs the fixed seeds (make test) or, with
// SWITCHBACK_SOAK_N set, that many cases from SWITCHBACK_SOAK_SEED
// (make soak-rollback), and reports the figures.
func TestRollbackProperty(t *testing.T) {
	seeds := propertySeeds
	hosts := propertyHosts
	if n, _ := strconv.Atoi(os.Getenv("SWITCHBACK_SOAK_N")); n > 0 {
		first, _ := strconv.ParseUint(os.Getenv("SWITCHBACK_SOAK_SEED"), 10, 64)
		seeds = nil
		for i := range uint64(n) {
			seeds = append(seeds, first+i)
		}
		hosts = 4
	}
	f := fleet.Start(t, hosts)
	for _, h := range f.Hosts {
		realisticEtc(t, h)
	}
	var mu sync.Mutex
	var failed []uint64
	var wg sync.WaitGroup
	next := make(chan uint64)
	for _, h := range f.Hosts {
		wg.Go(func() {
			for seed := range next {
				problems := propertyCase(t, f, h, seed)
				if len(problems) > 0 {
					mu.Lock()
					failed = append(failed, seed)
					mu.Unlock()
					t.Errorf("seed %d on %s:\n  %s", seed, h.Name, strings.Join(problems, "\n  "))
				}
			}
		})
	}
	for _, s := range seeds {
		next <- s
	}
	close(next)
	wg.Wait()
	slices.Sort(failed)
	t.Logf("rollback property: %d case(s), seeds %d..%d, %d failed %v", len(seeds), seeds[0], seeds[len(seeds)-1], len(failed), failed)
	fmt.Printf("rollback property: %d case(s), seeds %d..%d, %d failed %v\n", len(seeds), seeds[0], seeds[len(seeds)-1], len(failed), failed)
}
