package transport

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// HostKeyMode says what to do with a host whose key is not yet known.
// A key that differs from the known one is refused in every mode.
type HostKeyMode string

const (
	// Strict refuses hosts that are not in known_hosts.
	Strict HostKeyMode = "strict"
	// AcceptNew records the key of a host seen for the first time.
	AcceptNew HostKeyMode = "accept-new"
)

// ParseHostKeyMode reads a --host-key-check value.
func ParseHostKeyMode(s string) (HostKeyMode, error) {
	switch HostKeyMode(s) {
	case Strict, AcceptNew:
		return HostKeyMode(s), nil
	}
	return "", fmt.Errorf("host key mode %q: use %q or %q", s, Strict, AcceptNew)
}

// hostKeys checks server keys against one known_hosts file.
type hostKeys struct {
	file  string
	mode  HostKeyMode
	probe ssh.PublicKey

	mu       sync.Mutex
	check    ssh.HostKeyCallback // nil while the file does not exist
	accepted map[string]ssh.PublicKey
}

func newHostKeys(file string, mode HostKeyMode) (*hostKeys, error) {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("making a probe key: %w", err)
	}
	probe, err := ssh.NewPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("making a probe key: %w", err)
	}
	hk := &hostKeys{file: file, mode: mode, probe: probe, accepted: map[string]ssh.PublicKey{}}
	if err := hk.load(); err != nil {
		return nil, err
	}
	return hk, nil
}

func (hk *hostKeys) load() error {
	cb, err := knownhosts.New(hk.file)
	switch {
	case err == nil:
		hk.check = cb
	case errors.Is(err, fs.ErrNotExist) && hk.mode == AcceptNew:
		hk.check = nil
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("known_hosts file %s does not exist: create it with the hosts' keys (ssh-keyscan), or use --host-key-check accept-new to record keys on first connection", hk.file)
	default:
		return fmt.Errorf("reading known_hosts %s: %w", hk.file, err)
	}
	return nil
}

// algorithms lists the host key algorithms known for hostport, so that
// the server is asked for a key type we can verify instead of whichever
// it prefers. Nil means the host is unknown and any type will do.
func (hk *hostKeys) algorithms(hostport string) []string {
	hk.mu.Lock()
	defer hk.mu.Unlock()
	if k, ok := hk.accepted[knownhosts.Normalize(hostport)]; ok {
		return algorithmsFor(k.Type())
	}
	if hk.check == nil {
		return nil
	}
	addr := &net.TCPAddr{IP: net.IPv4zero}
	var keyErr *knownhosts.KeyError
	if err := hk.check(hostport, addr, hk.probe); !errors.As(err, &keyErr) {
		return nil
	}
	var algos []string
	seen := map[string]bool{}
	for _, known := range keyErr.Want {
		for _, a := range algorithmsFor(known.Key.Type()) {
			if !seen[a] {
				seen[a] = true
				algos = append(algos, a)
			}
		}
	}
	return algos
}

func algorithmsFor(keyType string) []string {
	switch keyType {
	case ssh.KeyAlgoRSA:
		return []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
	case ssh.CertAlgoRSAv01:
		return []string{ssh.CertAlgoRSASHA512v01, ssh.CertAlgoRSASHA256v01, ssh.CertAlgoRSAv01}
	default:
		return []string{keyType}
	}
}

// callback verifies the key a server presents for hostport.
func (hk *hostKeys) callback(name string) ssh.HostKeyCallback {
	return func(hostport string, remote net.Addr, key ssh.PublicKey) error {
		hk.mu.Lock()
		defer hk.mu.Unlock()
		norm := knownhosts.Normalize(hostport)
		if k, ok := hk.accepted[norm]; ok {
			if bytes.Equal(k.Marshal(), key.Marshal()) {
				return nil
			}
			return hk.changedError(name, hostport, key, nil)
		}
		var err error = &knownhosts.KeyError{}
		if hk.check != nil {
			err = hk.check(hostport, remote, key)
		}
		var keyErr *knownhosts.KeyError
		var revoked *knownhosts.RevokedError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &revoked):
			return fmt.Errorf("host key of %s (%s) is marked @revoked in %s; refusing to connect", name, hostport, hk.file)
		case errors.As(err, &keyErr) && len(keyErr.Want) > 0:
			return hk.changedError(name, hostport, key, keyErr.Want)
		case errors.As(err, &keyErr):
			if hk.mode != AcceptNew {
				return fmt.Errorf("host %s (%s) is not in %s: its %s key is %s; if that is right, add it (ssh-keyscan -p PORT ADDRESS >> %s) or run once with --host-key-check accept-new",
					name, hostport, hk.file, key.Type(), ssh.FingerprintSHA256(key), hk.file)
			}
			if err := hk.record(hostport, key); err != nil {
				return err
			}
			hk.accepted[norm] = key
			return nil
		default:
			return fmt.Errorf("checking the host key of %s: %w", name, err)
		}
	}
}

func (hk *hostKeys) changedError(name, hostport string, key ssh.PublicKey, want []knownhosts.KnownKey) error {
	where := hk.file
	if len(want) > 0 {
		where = fmt.Sprintf("%s:%d", want[0].Filename, want[0].Line)
	}
	return fmt.Errorf("HOST KEY CHANGED for %s (%s): it now presents %s %s, which does not match %s. "+
		"Someone may be intercepting the connection, or the host was reinstalled. "+
		"switchback never accepts a changed key; once you have verified the new key, remove the old one with: ssh-keygen -R %s -f %s",
		name, hostport, key.Type(), ssh.FingerprintSHA256(key), where, knownhosts.Normalize(hostport), hk.file)
}

// record appends a first-seen key. The file is rewritten through a
// temporary file and a rename, so a crash never leaves it half-written
// and existing lines are always kept.
func (hk *hostKeys) record(hostport string, key ssh.PublicKey) error {
	old, err := os.ReadFile(hk.file)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reading %s to add a host key: %w", hk.file, err)
	}
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		old = append(old, '\n')
	}
	line := knownhosts.Line([]string{knownhosts.Normalize(hostport)}, key) + "\n"
	dir := filepath.Dir(hk.file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".known_hosts-*")
	if err != nil {
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(old, line...)); err != nil {
		tmp.Close()
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	mode := fs.FileMode(0o600)
	if st, err := os.Stat(hk.file); err == nil {
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	if err := os.Rename(tmp.Name(), hk.file); err != nil {
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	return nil
}
