package vagrantbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// VagrantUID is the vagrant user's uid and gid in the box.
const VagrantUID = 1000

// buildRoot makes root the box's filesystem: a copy of the fleet's
// prepared base (minirootfs, OpenRC, doas, libc-utils, the signed local
// apk repository now kept inside at /mnt/repo), then OpenSSH's server,
// sudo, the vagrant user and the services that boot it.
func buildRoot(ctx context.Context, rootfs, root string) error {
	base, repo, err := fleet.PreparedBase(ctx, rootfs)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(root); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(root), 0o755); err != nil {
		return err
	}
	if _, err := run(ctx, "cp", "-a", base, root); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(root, fleet.RepoMount)); err != nil {
		return fmt.Errorf("make room for the repository: %w", err)
	}
	if _, err := run(ctx, "cp", "-a", repo, filepath.Join(root, fleet.RepoMount)); err != nil {
		return err
	}
	// The base's /run holds the state of an OpenRC that is already up;
	// a booting one builds it on a fresh tmpfs.
	if err := emptyDir(filepath.Join(root, "run")); err != nil {
		return err
	}
	if err := layer(root, "openssh", []string{"/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/usr/bin/scp"}, nil); err != nil {
		return err
	}
	if err := layerSudo(root); err != nil {
		return err
	}
	if err := addVagrantUser(root); err != nil {
		return err
	}
	for rel, f := range bootFiles {
		if err := fleet.WriteFileIn(root, rel, []byte(f.body), f.mode); err != nil {
			return err
		}
	}
	for level, services := range runlevels {
		for _, s := range services {
			if err := fleet.SymlinkIn(root, "etc/runlevels/"+level+"/"+s, "/etc/init.d/"+s); err != nil {
				return err
			}
		}
	}
	return nil
}

// layer copies bins and the shared libraries they (and extra, such as
// plugins loaded at run time) need into root.
func layer(root, what string, bins, extra []string) error {
	for _, b := range append(append([]string{}, bins...), extra...) {
		if err := fleet.CopyIn(root, b, false); err != nil {
			return fmt.Errorf("layer %s: %w", what, err)
		}
	}
	libs, err := fleet.SharedLibraries(append(append([]string{}, bins...), extra...))
	if err != nil {
		return fmt.Errorf("layer %s: %w", what, err)
	}
	for _, l := range libs {
		if err := fleet.CopyIn(root, l, true); err != nil {
			return fmt.Errorf("layer %s: %w", what, err)
		}
	}
	return nil
}

// layerSudo copies Debian's sudo with its plugins, lets PAM through
// (the box has no PAM configuration of its own; sudoers is what
// authorizes), and lets the vagrant user become root without a
// password, as every Vagrant box does.
func layerSudo(root string) error {
	plugins, err := filepath.Glob("/usr/libexec/sudo/*")
	if err != nil {
		return err
	}
	var sos []string
	for _, p := range plugins {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && strings.Contains(filepath.Base(p), ".so") {
			sos = append(sos, p)
		} else if err := fleet.CopyIn(root, p, false); err != nil {
			return fmt.Errorf("layer sudo: %w", err)
		}
	}
	for _, dir := range []string{"/lib/x86_64-linux-gnu/security", "/usr/lib/x86_64-linux-gnu/security"} {
		if p := filepath.Join(dir, "pam_permit.so"); fileExists(p) {
			sos = append(sos, p)
			break
		}
	}
	if err := layer(root, "sudo", []string{"/usr/bin/sudo"}, sos); err != nil {
		return err
	}
	if err := os.Chmod(filepath.Join(root, "usr/bin/sudo"), 0o755|os.ModeSetuid); err != nil {
		return fmt.Errorf("layer sudo: %w", err)
	}
	if err := fleet.WriteFileIn(root, "etc/pam.d/sudo", []byte(pamPermit), 0o644); err != nil {
		return err
	}
	if err := fleet.WriteFileIn(root, "etc/sudo.conf", []byte("Set disable_coredump false\n"), 0o644); err != nil {
		return err
	}
	return fleet.WriteFileIn(root, "etc/sudoers", []byte(sudoers), 0o440)
}

const pamPermit = "auth sufficient pam_permit.so\naccount sufficient pam_permit.so\nsession sufficient pam_permit.so\n"

const sudoers = `Defaults env_reset
Defaults !requiretty
root ALL=(ALL:ALL) ALL
vagrant ALL=(ALL:ALL) NOPASSWD: ALL
`

// addVagrantUser adds the vagrant user and group (uid and gid 1000,
// shell /bin/sh) and authorizes Vagrant's insecure key, which Vagrant
// replaces with a key of the machine's own on the first 'vagrant up'.
func addVagrantUser(root string) error {
	key, err := insecureKey()
	if err != nil {
		return err
	}
	id := fmt.Sprint(VagrantUID)
	for _, e := range []struct{ file, line string }{
		{"etc/passwd", "vagrant:x:" + id + ":" + id + ":Vagrant:/home/vagrant:/bin/sh"},
		{"etc/group", "vagrant:x:" + id + ":"},
		// "*": no password to log in with, but not locked ("!"), which
		// sshd would refuse even for a key.
		{"etc/shadow", "vagrant:*:19972:0:::::"},
	} {
		if err := appendLine(filepath.Join(root, e.file), e.line); err != nil {
			return err
		}
	}
	if err := fleet.WriteFileIn(root, "home/vagrant/.ssh/authorized_keys", key, 0o600); err != nil {
		return err
	}
	for _, p := range []string{"home/vagrant", "home/vagrant/.ssh", "home/vagrant/.ssh/authorized_keys"} {
		if err := os.Lchown(filepath.Join(root, p), VagrantUID, VagrantUID); err != nil {
			return err
		}
	}
	return os.Chmod(filepath.Join(root, "home/vagrant/.ssh"), 0o700)
}

// insecureKey reads Vagrant's public insecure key from its installation
// (Debian's package, or HashiCorp's under /opt/vagrant).
func insecureKey() ([]byte, error) {
	for _, pattern := range []string{
		"/usr/share/rubygems-integration/all/gems/vagrant-*/keys/vagrant.pub",
		"/opt/vagrant/embedded/gems/gems/vagrant-*/keys/vagrant.pub",
		"/opt/vagrant/embedded/gems/*/gems/vagrant-*/keys/vagrant.pub",
	} {
		found, _ := filepath.Glob(pattern)
		if len(found) > 0 {
			return os.ReadFile(found[len(found)-1])
		}
	}
	return nil, errors.New("cannot find Vagrant's insecure public key (keys/vagrant.pub of the vagrant gem): is Vagrant installed?")
}

func appendLine(path, line string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, line+"\n"...), fi.Mode().Perm())
}

func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
