package fleet

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	rootfsFile   = "alpine-minirootfs-3.20.3-x86_64.tar.gz"
	rootfsURL    = "https://dl-cdn.alpinelinux.org/alpine/v3.20/releases/x86_64/" + rootfsFile
	rootfsSHA256 = "d4e6fd67dcf75e40c451560ac7265166c2b72a0f38ddc9aae756a7de3d1efa0c"
	// RootfsEnv names the minirootfs tarball to use instead of the default search.
	RootfsEnv = "SWITCHBACK_ALPINE_ROOTFS"
	// baseFormat changes whenever the prepared base or its packages change,
	// so a cached base from an older harness is never reused.
	baseFormat = "6"
)

// base is a prepared root and its apk repository, shared read-only by fleets.
type base struct {
	root string // copied for every host
	repo string // bind-mounted read-only at /mnt/repo in every host
}

// findRootfs returns a minirootfs tarball whose sha256 matches the pinned
// one: explicit (if set), else $SWITCHBACK_ALPINE_ROOTFS, else the copy
// shared next to the repository, else an earlier download, else a fresh
// download.
func findRootfs(ctx context.Context, explicit string) (string, error) {
	if explicit == "" {
		explicit = os.Getenv(RootfsEnv)
	}
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", unavailable("minirootfs %s: %v", explicit, err)
		}
		return explicit, verifyRootfs(explicit)
	}
	if repo, err := repoRoot(); err == nil {
		p := filepath.Join(repo, "..", "shared", "alpine", rootfsFile)
		if _, err := os.Stat(p); err == nil {
			return p, verifyRootfs(p)
		}
	}
	p := filepath.Join(cacheDir(), rootfsFile)
	if _, err := os.Stat(p); err == nil {
		return p, verifyRootfs(p)
	}
	if err := download(ctx, rootfsURL, p); err != nil {
		return "", unavailable("no Alpine minirootfs (set %s) and download failed: %v", RootfsEnv, err)
	}
	return p, nil
}

// repoRoot walks up from the working directory to the directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

func fileSHA256(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func verifyRootfs(p string) error {
	sum, err := fileSHA256(p)
	if err != nil {
		return fmt.Errorf("hash minirootfs: %w", err)
	}
	if sum != rootfsSHA256 {
		return fmt.Errorf("minirootfs %s has sha256 %s, want %s", p, sum, rootfsSHA256)
	}
	return nil
}

// download fetches url to dst, keeping it only if its sha256 is the pinned one.
func download(ctx context.Context, url, dst string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".download-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(tmp, h), resp.Body)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("GET %s: %w", url, err)
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != rootfsSHA256 {
		return fmt.Errorf("GET %s: sha256 %s, want %s", url, sum, rootfsSHA256)
	}
	return os.Rename(tmp.Name(), dst)
}

// ensureBase returns the prepared base for the verified tarball, building
// it once. A flock per cache key makes concurrent test processes wait for
// one build instead of racing; the build happens in a scratch directory
// renamed into place, so a crash never leaves a half-built base behind.
func ensureBase(tarball string) (base, error) {
	rc, err := openrcVersion()
	if err != nil {
		return base{}, err
	}
	// findRootfs only returns a tarball with the pinned sha256.
	key := sha256.Sum256([]byte(strings.Join([]string{rootfsSHA256, baseFormat, rc}, "\n")))
	dir := filepath.Join(cacheDir(), "base-"+hex.EncodeToString(key[:8]))
	b := base{root: filepath.Join(dir, "root"), repo: filepath.Join(dir, "repo")}
	if _, err := os.Stat(dir); err == nil {
		return b, nil
	}
	unlock, err := lockFile(dir + ".lock")
	if err != nil {
		return base{}, err
	}
	defer unlock()
	if _, err := os.Stat(dir); err == nil {
		return b, nil // built while we waited
	}
	tmp := dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return base{}, fmt.Errorf("remove stale base build: %w", err)
	}
	if err := prepareBase(tarball, tmp); err != nil {
		return base{}, fmt.Errorf("prepare base root: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return base{}, fmt.Errorf("install base root: %w", err)
	}
	return b, nil
}

// prepareBase builds dir/root (minirootfs + OpenRC + libc-utils, apk
// pointed at /mnt/repo) and dir/repo (the signed repository).
func prepareBase(tarball, dir string) error {
	root := filepath.Join(dir, "root")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	if _, err := run("tar", "-xzf", tarball, "-C", root, "--numeric-owner"); err != nil {
		return fmt.Errorf("extract minirootfs: %w", err)
	}
	// sshd's ChrootDirectory wants a root-owned directory nobody else can write.
	if err := os.Chmod(root, 0o755); err != nil {
		return err
	}
	if err := layerOpenRC(root); err != nil {
		return err
	}
	if err := layerDoas(root); err != nil {
		return err
	}
	if err := layerSudo(root); err != nil {
		return err
	}
	if err := buildRepo(root); err != nil {
		return err
	}
	if err := writeFileIn(root, "etc/apk/repositories", []byte(repoMount+"\n"), 0o644); err != nil {
		return err
	}
	out, err := chroot(root, "/sbin/apk", "add", "--no-progress", "libc-utils")
	if err != nil {
		return fmt.Errorf("install libc-utils: %w", err)
	}
	if strings.Contains(out, "ERROR") || strings.Contains(out, "WARNING") {
		return fmt.Errorf("install libc-utils: %s", tail(out, 600))
	}
	// The repository lives beside the root and is bind-mounted into each host.
	if err := os.Rename(filepath.Join(root, repoMount), filepath.Join(dir, "repo")); err != nil {
		return fmt.Errorf("move repository: %w", err)
	}
	if _, err := dirIn(root, repoMount); err != nil {
		return err
	}
	return nil
}
