package fleet

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Btrfs gives a running host a btrfs filesystem of sizeMB megabytes
// mounted at dir (a path inside the host), and Debian's btrfs command
// (with the shared libraries it loads) in its root, for tests of btrfs
// snapshots. The filesystem is a loop-mounted image file. It is mounted
// twice, on the same loop device: on the controller, so that tests read
// it through Host.Path, and inside the host's mount namespace, which was
// made private when the host started and does not see later controller
// mounts. The controller's mount goes when the test ends; the host's
// with its namespace.
func (f *Fleet) Btrfs(t testing.TB, h *Host, dir string, sizeMB int) {
	t.Helper()
	if err := ensureBtrfsProgs(); err != nil {
		unavailableHere(t, err)
	}
	if err := layerBtrfs(h.Root); err != nil {
		t.Fatalf("fleet: %s: %v", h.Name, err)
	}
	image := filepath.Join(h.dir, "btrfs-"+strings.ReplaceAll(strings.Trim(dir, "/"), "/", "-")+".img")
	mountPoint := h.Path(dir)
	steps := [][]string{
		{"truncate", "-s", strconv.Itoa(sizeMB) + "M", image},
		{"mkfs.btrfs", "-q", image},
		{"mkdir", "-p", mountPoint},
		{"mount", "-o", "loop", image, mountPoint},
	}
	for _, s := range steps {
		if _, err := run(s[0], s[1:]...); err != nil {
			t.Fatalf("fleet: %s: btrfs at %s: %v", h.Name, dir, err)
		}
	}
	t.Cleanup(func() {
		if _, err := run("umount", mountPoint); err != nil {
			t.Errorf("fleet: %s: %v", h.Name, err)
		}
	})
	device, err := run("findmnt", "-n", "-o", "SOURCE", "--mountpoint", mountPoint)
	if err != nil {
		t.Fatalf("fleet: %s: %v", h.Name, err)
	}
	init, err := h.initPid()
	if err != nil {
		t.Fatalf("fleet: %v", err)
	}
	if _, err := run("nsenter", "--target", strconv.Itoa(init), "--mount", "--", "mount", strings.TrimSpace(device), mountPoint); err != nil {
		t.Fatalf("fleet: %s: mount inside the host: %v", h.Name, err)
	}
}

// ensureBtrfsProgs installs Debian's btrfs-progs as root when missing.
func ensureBtrfsProgs() error {
	if _, err := exec.LookPath("mkfs.btrfs"); err == nil {
		return nil
	}
	if os.Geteuid() != 0 {
		return unavailable("btrfs tests need Debian's btrfs-progs (as root: apt-get install -y btrfs-progs)")
	}
	if err := aptInstall([]string{"btrfs-progs"}); err != nil {
		return unavailable("installing btrfs-progs: %v", err)
	}
	return nil
}

// layerBtrfs copies the controller's btrfs command and its shared
// libraries into root, as Alpine's btrfs-progs would install it.
func layerBtrfs(root string) error {
	bin, err := exec.LookPath("btrfs")
	if err != nil {
		return fmt.Errorf("btrfs command: %w", err)
	}
	if bin, err = filepath.EvalSymlinks(bin); err != nil {
		return fmt.Errorf("btrfs command: %w", err)
	}
	b, err := os.ReadFile(bin)
	if err != nil {
		return fmt.Errorf("btrfs command: %w", err)
	}
	if err := writeFileIn(root, "usr/sbin/btrfs", b, 0o755); err != nil {
		return err
	}
	libs, err := sharedLibraries([]string{bin})
	if err != nil {
		return err
	}
	for _, lib := range libs {
		if err := copyIn(root, lib, true); err != nil {
			return fmt.Errorf("layer library: %w", err)
		}
	}
	return nil
}
