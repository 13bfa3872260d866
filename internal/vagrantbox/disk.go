package vagrantbox

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

const (
	sector     = 512
	bootStart  = 2048              // 1 MiB, the usual alignment
	bootSize   = 48 << 20 / sector // FAT: SYSLINUX, the kernel, the initramfs
	rootStart  = bootStart + bootSize
	mbrCodeLen = 440
)

// syslinuxCfg boots the kernel with the console on the serial port too
// (last, so that it is /dev/console: a libvirt serial log shows the boot).
const syslinuxCfg = `DEFAULT alpine
PROMPT 0
TIMEOUT 0
LABEL alpine
  LINUX /vmlinuz
  INITRD /initramfs
  APPEND root=LABEL=alpine-root console=tty0 console=ttyS0,115200 quiet
`

// buildDisk writes the qcow2 disk img of size bytes: MBR (SYSLINUX's boot
// code), a bootable FAT partition and the ext4 root made from root.
func buildDisk(ctx context.Context, work, root, kernel, initrd string, size int64, img string) error {
	raw := filepath.Join(work, "disk.raw")
	_ = os.Remove(raw)
	f, err := os.Create(raw)
	if err != nil {
		return err
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		return err
	}
	if err := writeMBR(f, size/sector); err != nil {
		f.Close()
		return err
	}
	fat := filepath.Join(work, "boot.fat")
	if err := buildFAT(ctx, work, fat, kernel, initrd); err != nil {
		f.Close()
		return err
	}
	if err := copyAt(f, fat, bootStart*sector); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	rootKiB := (size - rootStart*sector) >> 10
	if _, err := run(ctx, "mke2fs", "-F", "-q", "-t", "ext4", "-L", "alpine-root", "-d", root,
		"-E", fmt.Sprintf("offset=%d", rootStart*sector), raw, fmt.Sprintf("%dk", rootKiB)); err != nil {
		return err
	}
	_ = os.Remove(img)
	if _, err := run(ctx, "qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw, img); err != nil {
		return err
	}
	return os.Remove(raw)
}

// writeMBR writes SYSLINUX's MBR boot code and a partition table of two
// primary partitions: the bootable FAT16 one and the Linux root.
func writeMBR(f *os.File, sectors int64) error {
	code, err := os.ReadFile("/usr/lib/syslinux/mbr/mbr.bin")
	if err != nil {
		return err
	}
	if len(code) > mbrCodeLen {
		return fmt.Errorf("mbr.bin is %d bytes, more than the %d an MBR holds", len(code), mbrCodeLen)
	}
	mbr := make([]byte, sector)
	copy(mbr, code)
	binary.LittleEndian.PutUint32(mbr[440:], 0x53425858) // disk signature
	entry := func(i int, boot bool, typ byte, start, count int64) {
		e := mbr[446+16*i : 446+16*(i+1)]
		if boot {
			e[0] = 0x80
		}
		// CHS fields say "use the LBA ones", as for any disk past 8 GB.
		copy(e[1:4], []byte{0xfe, 0xff, 0xff})
		e[4] = typ
		copy(e[5:8], []byte{0xfe, 0xff, 0xff})
		binary.LittleEndian.PutUint32(e[8:], uint32(start))
		binary.LittleEndian.PutUint32(e[12:], uint32(count))
	}
	entry(0, true, 0x06, bootStart, bootSize) // FAT16
	entry(1, false, 0x83, rootStart, sectors-rootStart)
	mbr[510], mbr[511] = 0x55, 0xaa
	_, err = f.WriteAt(mbr, 0)
	return err
}

// buildFAT makes the boot partition's filesystem in its own file: FAT16
// whose hidden-sectors field says where the partition starts, the
// kernel, the initramfs, the SYSLINUX configuration, then SYSLINUX
// itself (its boot sector and ldlinux.sys).
func buildFAT(ctx context.Context, work, fat, kernel, initrd string) error {
	_ = os.Remove(fat)
	if _, err := run(ctx, "mkfs.fat", "-F", "16", "-n", "BOOT", "-h", fmt.Sprint(bootStart),
		"-C", fat, fmt.Sprint(bootSize*sector>>10)); err != nil {
		return err
	}
	cfg := filepath.Join(work, "syslinux.cfg")
	if err := os.WriteFile(cfg, []byte(syslinuxCfg), 0o644); err != nil {
		return err
	}
	for _, c := range [][2]string{{kernel, "::/vmlinuz"}, {initrd, "::/initramfs"}, {cfg, "::/syslinux.cfg"}} {
		if _, err := run(ctx, "mcopy", "-i", fat, c[0], c[1]); err != nil {
			return err
		}
	}
	_, err := run(ctx, "syslinux", "--install", fat)
	return err
}

// copyAt copies the file src into f at offset off.
func copyAt(f *os.File, src string, off int64) error {
	s, err := os.Open(src)
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = io.Copy(io.NewOffsetWriter(f, off), s)
	return err
}
