package vagrantbox

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// bootModules are what the initramfs loads, dependencies first: virtio
// (disk, network), ext4 with the checksum it asks for by name (crc32c),
// and the entropy source the host may offer.
var bootModules = []string{"crc32c_generic", "ext4", "virtio_pci", "virtio_blk", "virtio_net", "virtio_rng"}

// initScript finds the root by its label, mounts it read-only (the
// mounts service makes it writable) and hands over to BusyBox init.
const initScript = `#!/bin/busybox sh
export PATH=/bin
busybox mount -t proc proc /proc
busybox mount -t sysfs sysfs /sys
busybox mount -t devtmpfs devtmpfs /dev
for m in $(busybox cat /modules/order); do
	busybox insmod /modules/$m || echo "initramfs: cannot load $m"
done
root=LABEL=alpine-root
for a in $(busybox cat /proc/cmdline); do
	case $a in root=*) root=${a#root=} ;; esac
done
dev=
i=0
while [ $i -lt 100 ]; do
	case $root in
	LABEL=*) dev=$(busybox findfs "$root" 2>/dev/null) ;;
	*) dev=$root ;;
	esac
	[ -b "$dev" ] && break
	busybox sleep 0.1
	i=$((i + 1))
done
if ! busybox mount -t ext4 -o ro "$dev" /newroot; then
	echo "initramfs: cannot mount the root ($root); here is a shell"
	exec busybox sh
fi
busybox mount --move /dev /newroot/dev
busybox umount /proc /sys
exec busybox switch_root /newroot /sbin/init
`

// buildInitramfs writes a gzipped newc cpio: the root's BusyBox and musl
// loader, the modules bootModules need in load order, and /init.
func buildInitramfs(root, version, out string) error {
	modDir := filepath.Join("/lib/modules", version)
	order, err := moduleOrder(filepath.Join(modDir, "modules.dep"), bootModules)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	w := &cpioWriter{w: zw}
	for _, d := range []string{"bin", "dev", "lib", "modules", "newroot", "proc", "sys"} {
		w.dir(d)
	}
	w.file("init", 0o755, []byte(initScript))
	for _, p := range []struct{ src, dst string }{
		{"bin/busybox", "bin/busybox"},
		{"lib/ld-musl-x86_64.so.1", "lib/ld-musl-x86_64.so.1"},
	} {
		data, err := os.ReadFile(filepath.Join(root, p.src))
		if err != nil {
			f.Close()
			return err
		}
		w.file(p.dst, 0o755, data)
	}
	w.symlink("lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1")
	var names []string
	for _, rel := range order {
		data, err := os.ReadFile(filepath.Join(modDir, rel))
		if err != nil {
			f.Close()
			return err
		}
		name := filepath.Base(rel)
		w.file("modules/"+name, 0o644, data)
		names = append(names, name)
	}
	w.file("modules/order", 0o644, []byte(strings.Join(names, "\n")+"\n"))
	w.trailer()
	if w.err != nil {
		f.Close()
		return w.err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// moduleOrder reads modules.dep ("path: dep dep ...", each module's
// dependencies listed so that the last must be loaded first) and returns
// the paths of wanted and everything they need, each after its
// dependencies. Names match with '-' and '_' alike, as modprobe does.
func moduleOrder(depFile string, wanted []string) ([]string, error) {
	f, err := os.Open(depFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	deps := map[string][]string{}
	byName := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		path, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		deps[path] = strings.Fields(rest)
		byName[moduleName(path)] = path
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var order []string
	seen := map[string]bool{}
	var visit func(path string)
	visit = func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		d := deps[path]
		for i := len(d) - 1; i >= 0; i-- {
			visit(d[i])
		}
		order = append(order, path)
	}
	for _, w := range wanted {
		path, ok := byName[strings.ReplaceAll(w, "-", "_")]
		if !ok {
			return nil, fmt.Errorf("kernel module %s is not in %s (is it built in? then leave it out)", w, depFile)
		}
		visit(path)
	}
	return order, nil
}

// moduleName is the module a modules.dep path holds: its base name
// without .ko and compression suffix, with '_' for '-'.
func moduleName(path string) string {
	base := filepath.Base(path)
	if i := strings.Index(base, ".ko"); i >= 0 {
		base = base[:i]
	}
	return strings.ReplaceAll(base, "-", "_")
}

// cpioWriter writes the "newc" cpio format the kernel unpacks.
type cpioWriter struct {
	w   io.Writer
	ino int
	n   int64
	err error
}

func (c *cpioWriter) dir(name string)                            { c.entry(name, 0o040755, nil) }
func (c *cpioWriter) file(name string, mode uint32, data []byte) { c.entry(name, 0o100000|mode, data) }
func (c *cpioWriter) symlink(name, target string)                { c.entry(name, 0o120777, []byte(target)) }
func (c *cpioWriter) trailer()                                   { c.entry("TRAILER!!!", 0, nil) }

func (c *cpioWriter) entry(name string, mode uint32, data []byte) {
	if c.err != nil {
		return
	}
	c.ino++
	nlink := 1
	if mode&0o170000 == 0o040000 {
		nlink = 2
	}
	hdr := fmt.Sprintf("070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		c.ino, mode, 0, 0, nlink, 0, len(data), 0, 0, 0, 0, len(name)+1, 0)
	c.write([]byte(hdr + name + "\x00"))
	c.pad()
	c.write(data)
	c.pad()
}

func (c *cpioWriter) write(b []byte) {
	if c.err != nil {
		return
	}
	n, err := c.w.Write(b)
	c.n += int64(n)
	c.err = err
}

func (c *cpioWriter) pad() {
	if r := c.n % 4; r != 0 {
		c.write(make([]byte, 4-r))
	}
}
