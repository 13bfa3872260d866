package fleet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// BecomeUser is a second login every host accepts: an ordinary user, so
// that runs with become = true really cross from it to root, through
// Debian's OpenDoas layered into the host with a 'permit nopass' rule,
// or Debian's sudo with a NOPASSWD rule.
const BecomeUser = "sbfleet-op"

// doasBinary is OpenDoas on the controller (Debian's opendoas package).
const doasBinary = "/usr/bin/doas"

// sudoBinary is sudo on the controller (Debian's sudo package); it loads
// its policy plugin, sudoers.so, from sudoPlugins at run time.
const (
	sudoBinary  = "/usr/bin/sudo"
	sudoPlugins = "/usr/libexec/sudo"
)

// SudoersRule is the host's /etc/sudoers: Alpine's sudo package's
// defaults (secure_path, so that root's commands in /sbin are found),
// and the login user may run anything as root without a password. Tests
// that need sudo to refuse rewrite it.
const SudoersRule = "Defaults secure_path=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\n" +
	"Defaults !lecture\n" + BecomeUser + " ALL=(ALL:ALL) NOPASSWD: ALL\n"

// pamDoas lets doas (and sudo) through PAM inside the host root, which
// has no PAM configuration of its own; the doas.conf (or sudoers) rule
// is what authorizes.
const pamDoas = "auth sufficient pam_permit.so\naccount sufficient pam_permit.so\nsession sufficient pam_permit.so\n"

// layerDoas copies doas (setuid root), the libraries it loads and the PAM
// module it needs into root.
func layerDoas(root string) error {
	if err := copyIn(root, doasBinary, false); err != nil {
		return fmt.Errorf("layer doas: %w", err)
	}
	if err := os.Chmod(filepath.Join(root, doasBinary), 0o755|os.ModeSetuid); err != nil {
		return fmt.Errorf("layer doas: %w", err)
	}
	libs, err := sharedLibraries([]string{doasBinary})
	if err != nil {
		return fmt.Errorf("layer doas: %w", err)
	}
	for _, dir := range []string{"/lib/x86_64-linux-gnu/security", "/usr/lib/x86_64-linux-gnu/security"} {
		if p := filepath.Join(dir, "pam_permit.so"); isELF(p) {
			libs = append(libs, p)
			break
		}
	}
	for _, l := range libs {
		if err := copyIn(root, l, true); err != nil {
			return fmt.Errorf("layer doas: %w", err)
		}
	}
	return writeFileIn(root, "etc/pam.d/doas", []byte(pamDoas), 0o644)
}

// layerSudo copies sudo (setuid root), its plugin directory, the
// libraries both load and a PAM stack of pam_permit (sudo runs its
// account and session checks through PAM even without a password; the
// sudoers rule is what authorizes) into root.
func layerSudo(root string) error {
	if err := copyIn(root, sudoBinary, false); err != nil {
		return fmt.Errorf("layer sudo: %w", err)
	}
	if err := os.Chmod(filepath.Join(root, sudoBinary), 0o755|os.ModeSetuid); err != nil {
		return fmt.Errorf("layer sudo: %w", err)
	}
	entries, err := os.ReadDir(sudoPlugins)
	if err != nil {
		return fmt.Errorf("layer sudo: %w", err)
	}
	bins := []string{sudoBinary}
	for _, e := range entries {
		p := filepath.Join(sudoPlugins, e.Name())
		if err := copyIn(root, p, false); err != nil {
			return fmt.Errorf("layer sudo: %w", err)
		}
		if strings.HasSuffix(e.Name(), ".so") && isELF(p) {
			bins = append(bins, p)
		}
	}
	libs, err := sharedLibraries(bins)
	if err != nil {
		return fmt.Errorf("layer sudo: %w", err)
	}
	for _, l := range libs {
		if err := copyIn(root, l, true); err != nil {
			return fmt.Errorf("layer sudo: %w", err)
		}
	}
	return writeFileIn(root, "etc/pam.d/sudo", []byte(pamDoas), 0o644)
}

// ensureBecomeUser creates the ordinary login user on the controller (sshd
// looks users up there). Call with the registry locked.
func ensureBecomeUser() error {
	f, err := passwdFields(BecomeUser)
	if err != nil || f != nil {
		return err
	}
	if _, err := run("useradd", "-M", "-U", "-d", "/home/"+BecomeUser, "-s", "/bin/sh", BecomeUser); err != nil {
		return fmt.Errorf("create login user %s: %w", BecomeUser, err)
	}
	if _, err := run("usermod", "-p", "*", BecomeUser); err != nil {
		return fmt.Errorf("unlock login user %s: %w", BecomeUser, err)
	}
	return nil
}

// removeBecomeUser deletes the ordinary login user and its group.
func removeBecomeUser() error {
	if f, err := passwdFields(BecomeUser); err != nil || f == nil {
		return err
	}
	if _, err := run("userdel", BecomeUser); err != nil {
		return fmt.Errorf("remove login user %s: %w", BecomeUser, err)
	}
	return nil
}

// provisionBecomeUser gives a host root the ordinary user, with the same
// ids as on the controller, a home, and a doas rule to become root.
func provisionBecomeUser(root string) error {
	f, err := passwdFields(BecomeUser)
	if err != nil {
		return err
	}
	if f == nil {
		return fmt.Errorf("login user %s is missing on the controller", BecomeUser)
	}
	uid, gid := f[2], f[3]
	for file, line := range map[string]string{
		"etc/passwd": fmt.Sprintf("%s:x:%s:%s::/home/%s:/bin/sh\n", BecomeUser, uid, gid, BecomeUser),
		"etc/group":  fmt.Sprintf("%s:x:%s:\n", BecomeUser, gid),
		"etc/shadow": BecomeUser + ":*:19000:0:99999:7:::\n",
	} {
		p := filepath.Join(root, file)
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("add %s to %s: %w", BecomeUser, file, err)
		}
		if strings.Contains(string(b), "\n"+BecomeUser+":") {
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, append(b, line...), fi.Mode().Perm()); err != nil {
			return fmt.Errorf("add %s to %s: %w", BecomeUser, file, err)
		}
	}
	home, err := dirIn(root, "home/"+BecomeUser)
	if err != nil {
		return err
	}
	if _, err := run("chown", uid+":"+gid, home); err != nil {
		return err
	}
	if err := writeFileIn(root, "etc/sudoers", []byte(SudoersRule), 0o440); err != nil {
		return err
	}
	return writeFileIn(root, "etc/doas.conf", []byte("permit nopass "+BecomeUser+" as root\n"), 0o400)
}
