package transport

import (
	"bytes"
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
	hash bool

	mu       sync.Mutex
	db       *knownHosts // nil while no file exists
	accepted map[string]ssh.PublicKey
}

func newHostKeys(files []string, mode HostKeyMode) (*hostKeys, error) {
	hk := &hostKeys{file: files[0], files: files, mode: mode, accepted: map[string]ssh.PublicKey{}}
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
	if len(present) == 0 {
		if hk.mode == AcceptNew {
			return nil
		}
		return fmt.Errorf("known_hosts file %s does not exist: create it with the hosts' keys (ssh-keyscan), or use --host-key-check accept-new to record keys on first connection", hk.file)
	}
	db, err := readKnownHosts(present...)
	if err != nil {
		return fmt.Errorf("reading known_hosts %s: %w", hk.file, err)
	}
	hk.db = db
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
	var algos []string
	seen := map[string]bool{}
	for _, l := range hk.db.forHost(hostport) {
		var types []string
		switch l.marker {
		case "":
			types = algorithmsFor(l.key.Type())
		case markerCA:
			types = certAlgorithms // the CA's key type says nothing of the host's
		}
		for _, a := range types {
			if !seen[a] {
				seen[a] = true
				algos = append(algos, a)
			}
		}
	}
	if len(algos) == 0 {
		return plainAlgorithms()
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
		if hk.db != nil {
			err = hk.db.check(hostport, remote, key)
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

// record appends a first-seen key as OpenSSH does: by opening the file
// for appending, so that a known_hosts that is a link is written through
// (and stays a link), a device such as /dev/null takes the line and stays
// a device, and the file keeps its inode, owner and mode. The line goes in
// one write, so existing lines are never at risk.
func (hk *hostKeys) record(hostport string, key ssh.PublicKey) error {
	host := lookupName(hostport)
	if hk.hash {
		host = knownhosts.HashHostname(host)
	}
	line := knownhosts.Line([]string{host}, key) + "\n"
	dir := filepath.Dir(hk.file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	f, err := os.OpenFile(hk.file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	regular := st.Mode().IsRegular()
	if regular && st.Size() > 0 && !endsInNewline(hk.file, st.Size()) {
		line = "\n" + line
	}
	if _, err := f.Write([]byte(line)); err != nil {
		f.Close()
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	if regular {
		if err := f.Sync(); err != nil {
			f.Close()
			return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("adding a host key to %s: %w", hk.file, err)
	}
	return nil
}

// endsInNewline reads the last byte of a regular file of size bytes.
func endsInNewline(path string, size int64) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, size-1); err != nil {
		return true
	}
	return b[0] == '\n'
}
