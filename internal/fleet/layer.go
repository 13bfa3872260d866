package fleet

import (
	"context"
	"io/fs"
)

// What other builders of Alpine roots reuse (the Vagrant box builder):
// the prepared base every fleet host starts from, and the helpers that
// copy the controller's binaries into a root without following its
// symlinks.

// PreparedBase returns the prepared base root (minirootfs, Debian's
// OpenRC and doas layered in, libc-utils installed) and its signed apk
// repository, building them once into the cache. rootfs names the
// minirootfs tarball; empty means the usual search.
func PreparedBase(ctx context.Context, rootfs string) (root, repo string, err error) {
	tarball, err := findRootfs(ctx, rootfs)
	if err != nil {
		return "", "", err
	}
	b, err := ensureBase(tarball)
	if err != nil {
		return "", "", err
	}
	return b.root, b.repo, nil
}

// RepoMount is where the base expects its apk repository
// (/etc/apk/repositories names it).
const RepoMount = repoMount

// CopyIn copies the controller's file src to the same path inside root;
// with follow, a symlink is copied as the file it points to.
func CopyIn(root, src string, follow bool) error { return copyIn(root, src, follow) }

// SharedLibraries returns the ldd closure of bins plus the glibc loader.
func SharedLibraries(bins []string) ([]string, error) { return sharedLibraries(bins) }

// WriteFileIn writes data to rel inside root, never through a symlink.
func WriteFileIn(root, rel string, data []byte, perm fs.FileMode) error {
	return writeFileIn(root, rel, data, perm)
}

// SymlinkIn makes rel inside root a symlink to target.
func SymlinkIn(root, rel, target string) error { return symlinkIn(root, rel, target) }

// DirIn makes rel inside root a directory and returns its path.
func DirIn(root, rel string) (string, error) { return dirIn(root, rel) }
