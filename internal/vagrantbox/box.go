// Package vagrantbox builds a Vagrant box for the libvirt provider from
// what is already on the machine, with no download: the Alpine
// minirootfs, Debian's OpenRC, OpenSSH and sudo layered into it as the
// test fleet layers them, and a Debian kernel booted by SYSLINUX through
// a small initramfs that loads the virtio drivers.
//
// The disk (box.img, qcow2) holds an MBR with two partitions: a FAT
// partition with SYSLINUX, the kernel and the initramfs, and the ext4
// root labelled alpine-root. Nothing is mounted to build it: the FAT
// side is written with mtools, the root with mke2fs -d.
package vagrantbox

import (
	"archive/tar"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Name is the name the box is added under ('vagrant box add --name').
const Name = "switchback/alpine320"

// Options say what to build the box from and where to put it.
type Options struct {
	// Rootfs is the minirootfs tarball (empty: the fleet's usual search).
	Rootfs string
	// Kernel is the kernel image (empty: the newest /boot/vmlinuz-*); its
	// modules are read from /lib/modules/<version>.
	Kernel string
	// Out is the .box file to write.
	Out string
	// Work is a scratch directory (empty: a temporary one, removed after).
	Work string
	// DiskGiB is the disk's virtual size in GiB (default 2).
	DiskGiB int
	// Log receives one line per stage.
	Log io.Writer
}

// Build writes the box to o.Out.
func Build(ctx context.Context, o Options) error {
	if o.Out == "" {
		return errors.New("no output file given")
	}
	if o.DiskGiB == 0 {
		o.DiskGiB = 2
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if missing := MissingPrereqs(); len(missing) > 0 {
		return fmt.Errorf("missing on this machine: %s; install them with: apt-get install -y %s",
			strings.Join(missing, ", "), strings.Join(missingPackages(missing), " "))
	}
	kernel, version, err := findKernel(o.Kernel)
	if err != nil {
		return err
	}
	work := o.Work
	if work == "" {
		if work, err = os.MkdirTemp("", "switchback-box-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	root := filepath.Join(work, "root")
	fmt.Fprintf(o.Log, "root: Alpine minirootfs with OpenRC, OpenSSH, sudo and the vagrant user in %s\n", root)
	if err := buildRoot(ctx, o.Rootfs, root); err != nil {
		return fmt.Errorf("build the root: %w", err)
	}
	initrd := filepath.Join(work, "initramfs")
	fmt.Fprintf(o.Log, "initramfs: BusyBox and the virtio and ext4 modules of %s\n", version)
	if err := buildInitramfs(root, version, initrd); err != nil {
		return fmt.Errorf("build the initramfs: %w", err)
	}
	img := filepath.Join(work, "box.img")
	fmt.Fprintf(o.Log, "disk: %d GiB qcow2, SYSLINUX + %s on FAT, the root on ext4\n", o.DiskGiB, filepath.Base(kernel))
	if err := buildDisk(ctx, work, root, kernel, initrd, int64(o.DiskGiB)<<30, img); err != nil {
		return fmt.Errorf("build the disk: %w", err)
	}
	fmt.Fprintf(o.Log, "box: %s\n", o.Out)
	if err := writeBox(o.Out, img, o.DiskGiB); err != nil {
		return fmt.Errorf("write the box: %w", err)
	}
	return nil
}

// findKernel returns the kernel to boot and its version (the part of its
// name after "vmlinuz-", which names its modules directory).
func findKernel(kernel string) (path, version string, err error) {
	if kernel == "" {
		found, _ := filepath.Glob("/boot/vmlinuz-*")
		if len(found) == 0 {
			return "", "", errors.New("no kernel in /boot: install one (apt-get install -y linux-image-amd64) or give -kernel")
		}
		sort.Strings(found)
		kernel = found[len(found)-1]
	}
	version, ok := strings.CutPrefix(filepath.Base(kernel), "vmlinuz-")
	if !ok {
		return "", "", fmt.Errorf("kernel %s: expected a file named vmlinuz-VERSION", kernel)
	}
	if _, err := os.Stat(kernel); err != nil {
		return "", "", fmt.Errorf("kernel: %w", err)
	}
	if _, err := os.Stat(filepath.Join("/lib/modules", version, "modules.dep")); err != nil {
		return "", "", fmt.Errorf("modules of kernel %s: %w", version, err)
	}
	return kernel, version, nil
}

// boxVagrantfile is merged by Vagrant under the project's Vagrantfile:
// the box has no bash, and its disk and network are virtio.
const boxVagrantfile = `# Box defaults: switchback's Alpine 3.20 box for libvirt, built locally.
Vagrant.configure("2") do |config|
  config.ssh.shell = "/bin/sh -l"
  config.vm.synced_folder ".", "/vagrant", disabled: true
  config.vm.provider :libvirt do |lv|
    lv.disk_bus = "virtio"
    lv.nic_model_type = "virtio"
  end
end
`

// writeBox packs metadata.json, the box's Vagrantfile and the disk into
// an uncompressed tar, which 'vagrant box add' takes as it is.
func writeBox(out, img string, sizeGiB int) error {
	meta, err := json.Marshal(map[string]any{"provider": "libvirt", "format": "qcow2", "virtual_size": sizeGiB})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	tw := tar.NewWriter(f)
	for _, e := range []struct {
		name string
		data []byte
	}{{"metadata.json", append(meta, '\n')}, {"Vagrantfile", []byte(boxVagrantfile)}} {
		if err := tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.data)), Typeflag: tar.TypeReg}); err != nil {
			f.Close()
			return err
		}
		if _, err := tw.Write(e.data); err != nil {
			f.Close()
			return err
		}
	}
	disk, err := os.Open(img)
	if err != nil {
		f.Close()
		return err
	}
	defer disk.Close()
	st, err := disk.Stat()
	if err != nil {
		f.Close()
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: "box.img", Mode: 0o644, Size: st.Size(), Typeflag: tar.TypeReg}); err != nil {
		f.Close()
		return err
	}
	if _, err := io.Copy(tw, disk); err != nil {
		f.Close()
		return err
	}
	if err := tw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
