package fleet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// LoginUser is the account every host accepts. sshd looks it up on the
// controller, then runs its shell inside the host root, so it is a uid-0
// alias whose shell is /bin/sh (BusyBox ash in the root).
const LoginUser = "sbfleet"

// groupMarker records that useradd created a group for the user, so the
// group goes when the user does.
func groupMarker() string { return filepath.Join(BaseDir, ".user-group-created") }

// passwdFields returns the /etc/passwd fields of name, or nil.
func passwdFields(name string) ([]string, error) {
	b, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return nil, fmt.Errorf("read /etc/passwd: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Split(line, ":"); len(f) == 7 && f[0] == name {
			return f, nil
		}
	}
	return nil, nil
}

func isAlias(f []string) bool { return f[2] == "0" && f[3] == "0" && f[6] == "/bin/sh" }

func hasGroup(name string) bool {
	b, err := os.ReadFile("/etc/group")
	return err == nil && bytes.Contains(append([]byte("\n"), b...), []byte("\n"+name+":"))
}

// ensureUser creates the login user if absent. Call with the registry locked.
func ensureUser() error {
	f, err := passwdFields(LoginUser)
	if err != nil {
		return err
	}
	if f != nil {
		if !isAlias(f) {
			return fmt.Errorf("user %s exists but is not a uid-0 alias with shell /bin/sh (%s); refusing to use it", LoginUser, strings.Join(f, ":"))
		}
		return nil
	}
	hadGroup := hasGroup(LoginUser)
	if _, err := run("useradd", "-o", "-u", "0", "-g", "0", "-M", "-d", "/root", "-s", "/bin/sh", LoginUser); err != nil {
		return fmt.Errorf("create login user: %w", err)
	}
	// With UsePAM no, sshd treats a locked password ("!") as an invalid account.
	if _, err := run("usermod", "-p", "*", LoginUser); err != nil {
		return fmt.Errorf("unlock login user: %w", err)
	}
	if !hadGroup && hasGroup(LoginUser) {
		return os.WriteFile(groupMarker(), nil, 0o644)
	}
	return nil
}

// removeUser deletes the login user (userdel refuses a uid-0 alias) and
// the group useradd made for it, if any. Call with the registry locked.
func removeUser() error {
	f, err := passwdFields(LoginUser)
	if err != nil {
		return err
	}
	if f != nil && !isAlias(f) {
		return nil // not ours
	}
	files := []string{"/etc/passwd", "/etc/shadow"}
	_, err = os.Stat(groupMarker())
	groupToo := err == nil
	if groupToo {
		files = append(files, "/etc/group", "/etc/gshadow")
	}
	for _, p := range files {
		if err := deleteEntry(p, LoginUser); err != nil {
			return err
		}
	}
	if groupToo {
		return os.Remove(groupMarker())
	}
	return nil
}

// deleteEntry removes name's line from an account database, replacing the
// file atomically with the same mode and ownership.
func deleteEntry(path, name string) error {
	b, err := os.ReadFile(path)
	if isNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, name+":") {
			kept = append(kept, l)
		}
	}
	if len(kept) == len(lines) {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("stat %s: %w", path, err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("stat %s: no ownership information", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".sbfleet-*")
	if err != nil {
		return fmt.Errorf("rewrite %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if _, err := tmp.WriteString(strings.Join(kept, "")); err != nil {
		return fmt.Errorf("rewrite %s: %w", path, err)
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		return fmt.Errorf("rewrite %s: %w", path, err)
	}
	if err := tmp.Chown(int(st.Uid), int(st.Gid)); err != nil {
		return fmt.Errorf("rewrite %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("rewrite %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rewrite %s: %w", path, err)
	}
	return nil
}
