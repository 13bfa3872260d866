package fleet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// Writes into a host root must never follow a symlink: Alpine's /bin and
// /sbin are full of absolute links to /bin/busybox, which from the
// controller's side resolve to the controller's own files.

// isNotExist reports a missing file, for idempotent removals.
func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// dirIn makes rel (a path inside root) an existing directory, creating
// missing components with mode 0755, and refuses symlinked components.
func dirIn(root, rel string) (string, error) {
	cur := root
	for _, part := range strings.Split(strings.Trim(path.Clean("/"+rel), "/"), "/") {
		if part == "" {
			continue
		}
		cur = filepath.Join(cur, part)
		fi, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Mkdir(cur, 0o755); err != nil {
				return "", fmt.Errorf("create %s: %w", cur, err)
			}
		case err != nil:
			return "", fmt.Errorf("inspect %s: %w", cur, err)
		case fi.Mode()&fs.ModeSymlink != 0:
			return "", fmt.Errorf("%s is a symlink; refusing to write through it", cur)
		case !fi.IsDir():
			return "", fmt.Errorf("%s is not a directory", cur)
		}
	}
	return cur, nil
}

// clearIn removes whatever non-directory sits at rel inside root (a
// symlink is removed, not followed) and returns the path to create.
func clearIn(root, rel string) (string, error) {
	parent, err := dirIn(root, path.Dir(path.Clean("/"+rel)))
	if err != nil {
		return "", err
	}
	dst := filepath.Join(parent, path.Base(rel))
	fi, err := os.Lstat(dst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return dst, nil
	case err != nil:
		return "", fmt.Errorf("inspect %s: %w", dst, err)
	case fi.IsDir():
		return "", fmt.Errorf("%s is a directory", dst)
	}
	if err := os.Remove(dst); err != nil {
		return "", fmt.Errorf("replace %s: %w", dst, err)
	}
	return dst, nil
}

// writeFileIn writes data to rel inside root with mode perm.
func writeFileIn(root, rel string, data []byte, perm fs.FileMode) error {
	dst, err := clearIn(root, rel)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW, perm)
	if err != nil {
		return fmt.Errorf("create %s: %w", dst, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", dst, err)
	}
	// The umask may have narrowed perm.
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return fmt.Errorf("chmod %s: %w", dst, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	return nil
}

// symlinkIn creates rel inside root as a symlink to target.
func symlinkIn(root, rel, target string) error {
	dst, err := clearIn(root, rel)
	if err != nil {
		return err
	}
	if err := os.Symlink(target, dst); err != nil {
		return fmt.Errorf("symlink %s: %w", dst, err)
	}
	return nil
}

// copyIn copies the controller's file src to the same path inside root:
// a symlink stays a symlink, a regular file keeps its permission bits.
// With follow, a symlink is copied as the file it points to (shared
// libraries are installed under their soname link).
func copyIn(root, src string, follow bool) error {
	lfi, err := os.Lstat(src)
	if err != nil {
		return fmt.Errorf("inspect %s: %w", src, err)
	}
	fi, statErr := os.Stat(src)
	if statErr == nil && fi.IsDir() {
		// The controller's /bin, /lib and /sbin are links into /usr; the
		// root keeps its own real directories.
		_, err := dirIn(root, src)
		return err
	}
	if lfi.Mode()&fs.ModeSymlink != 0 && !follow {
		target, err := os.Readlink(src)
		if err != nil {
			return fmt.Errorf("read link %s: %w", src, err)
		}
		return symlinkIn(root, src, target)
	}
	if statErr != nil {
		return fmt.Errorf("inspect %s: %w", src, statErr)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	return writeFileIn(root, src, data, fi.Mode().Perm())
}
