package fleet

import (
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
)

// LimitDisk puts a tmpfs of size bytes over dir inside the host, for
// disk-full faults: the host is stopped, the tmpfs mounted over dir in
// its root (created if missing; what was there is hidden while it is
// mounted) and the host started again, so that its mount namespace, made
// at start, holds the same tmpfs as the controller's view of the root.
// Tests read and write it through Host.Path as any other directory; Down
// unmounts it with the fleet.
func (f *Fleet) LimitDisk(name, dir string, size int64) error {
	h, err := f.host(name)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(dir, "/") || strings.Contains(dir, "..") {
		return fmt.Errorf("%s: %q is not an absolute path inside the host", name, dir)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.stop(); err != nil {
		return err
	}
	target := h.Path(dir)
	if err := os.MkdirAll(target, 0o755); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	opts := fmt.Sprintf("size=%d,mode=0755", size)
	if err := syscall.Mount("tmpfs", target, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, opts); err != nil {
		return fmt.Errorf("%s: mounting a %d-byte tmpfs on %s: %w", name, size, dir, err)
	}
	return h.start(context.Background(), f.repo, f.dieWithUs)
}
