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
	"strings"
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

// hostKeys checks server keys against known_hosts files (plain, hashed
// and @cert-authority lines alike); first-seen keys go to the first file.
type hostKeys struct {
	file  string
	files []string
	mode  HostKeyMode
	// hash records first-seen hosts hashed, as OpenSSH does with
	// HashKnownHosts yes.
	hash  bool
	probe ssh.PublicKey

	mu       sync.Mutex
	check    ssh.HostKeyCallback // nil while the file does not exist
	accepted map[string]ssh.PublicKey
}

func newHostKeys(files []string, mode HostKeyMode) (*hostKeys, error) {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("making a probe key: %w", err)
	}
	probe, err := ssh.NewPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("making a probe key: %w", err)
	}
	hk := &hostKeys{file: files[0], files: files, mode: mode, probe: probe, accepted: map[string]ssh.PublicKey{}}
	if err := hk.load(); err != nil {
		return nil, err
	}
	return hk, nil
}

func (hk *hostKeys) load() error {
	var present []string
	for _, f := range hk.files {
		if _, err := os.Stat(f); err == nil || !errors.Is(err, fs.ErrNotExist) {
			present = append(present, f)
		}
	}
	var cb ssh.HostKeyCallback
	err := error(&fs.PathError{Op: "open", Path: hk.file, Err: fs.ErrNotExist})
	if len(present) > 0 {
		cb, err = knownhosts.New(present...)
	}
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
// it prefers. An unknown host is asked for a plain key, as OpenSSH does:
// a host certificate from a CA nobody trusts could not be checked, while
// a plain key can be shown to the operator or recorded by accept-new.
func (hk *hostKeys) algorithms(hostport string) []string {
	hk.mu.Lock()
	defer hk.mu.Unlock()
	if k, ok := hk.accepted[knownhosts.Normalize(hostport)]; ok {
		return algorithmsFor(k.Type())
	}
	if hk.check == nil {
		return plainAlgorithms()
	}
	addr := &net.TCPAddr{IP: net.IPv4zero}
	var keyErr *knownhosts.KeyError
	if err := hk.check(hostport, addr, hk.probe); !errors.As(err, &keyErr) || len(keyErr.Want) == 0 {
		return plainAlgorithms()
	}
	var algos []string
	seen := map[string]bool{}
	for _, known := range keyErr.Want {
		types := algorithmsFor(known.Key.Type())
		if authorityLine(known) {
			types = certAlgorithms // the CA's key type says nothing of the host's
		}
		for _, a := range types {
			if !seen[a] {
				seen[a] = true
				algos = append(algos, a)
			}
		}
	}
	return algos
}

// plainAlgorithms are the host key algorithms x/crypto supports, without
// certificates.
func plainAlgorithms() []string {
	var algos []string
	for _, a := range ssh.SupportedAlgorithms().HostKeys {
		if !strings.Contains(a, "-cert-") {
			algos = append(algos, a)
		}
	}
	return algos
}

// certAlgorithms are the host certificate types a @cert-authority line
// can vouch for.
var certAlgorithms = []string{
	ssh.CertAlgoED25519v01, ssh.CertAlgoECDSA256v01, ssh.CertAlgoECDSA384v01, ssh.CertAlgoECDSA521v01,
	ssh.CertAlgoRSASHA512v01, ssh.CertAlgoRSASHA256v01,
}

// authorityLine reports whether a known key comes from a @cert-authority
// line: knownhosts lists CA keys among the keys wanted for a host, but a
// host presenting a plain key is then unknown, not changed.
func authorityLine(k knownhosts.KnownKey) bool {
	b, err := os.ReadFile(k.Filename)
	if err != nil {
		return false
	}
	lines := strings.Split(string(b), "\n")
	return k.Line >= 1 && k.Line <= len(lines) && strings.HasPrefix(strings.TrimSpace(lines[k.Line-1]), "@cert-authority")
}

func plainKeys(want []knownhosts.KnownKey) []knownhosts.KnownKey {
	var plain []knownhosts.KnownKey
	for _, k := range want {
		if !authorityLine(k) {
			plain = append(plain, k)
		}
	}
	return plain
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
		case errors.As(err, &keyErr) && len(plainKeys(keyErr.Want)) > 0:
			return hk.changedError(name, hostport, key, plainKeys(keyErr.Want))
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
	host := knownhosts.Normalize(hostport)
	if hk.hash {
		host = knownhosts.HashHostname(host)
	}
	line := knownhosts.Line([]string{host}, key) + "\n"
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
