package transport

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"os"

	"golang.org/x/crypto/ssh"
)

// authMethods lists the keys to offer e, as OpenSSH would: a key's
// certificate before the key itself, then the agent's keys (only those
// matching the identity files under IdentitiesOnly), then the default
// key files when nothing names one.
func (s *SSH) authMethods(e endpoint) ([]ssh.AuthMethod, error) {
	var signers, own []ssh.Signer
	for _, f := range e.identities {
		keys, err := s.loadIdentity(f, e.requireIDs)
		if err != nil {
			return nil, err
		}
		own = append(own, keys...)
	}
	var certs []*ssh.Certificate
	for _, f := range e.certificates {
		c, err := readCertificate(f, true)
		if err != nil {
			return nil, err
		}
		certs = append(certs, c)
	}
	for _, f := range e.identities {
		if c, err := readCertificate(f+"-cert.pub", false); err != nil {
			return nil, err
		} else if c != nil {
			certs = append(certs, c)
		}
	}

	var agentSigners []ssh.Signer
	if s.agent != nil {
		all, err := s.agent.Signers()
		if err != nil {
			return nil, fmt.Errorf("listing ssh-agent keys: %w", err)
		}
		for _, a := range all {
			if !e.identitiesOnly || s.namedKey(e.identities, a.PublicKey()) {
				agentSigners = append(agentSigners, a)
			}
		}
	}
	// Certificates go with whichever signer holds their key, a file's or
	// the agent's.
	for _, c := range certs {
		for _, k := range append(own, agentSigners...) {
			if bytes.Equal(k.PublicKey().Marshal(), c.Key.Marshal()) {
				cs, err := ssh.NewCertSigner(c, k)
				if err != nil {
					return nil, fmt.Errorf("certificate %s: %w", c.KeyId, err)
				}
				signers = append(signers, cs)
				break
			}
		}
	}
	signers = append(signers, own...)
	signers = append(signers, agentSigners...)
	if len(e.identities) == 0 {
		for _, f := range s.opts.DefaultIdentities {
			keys, _ := s.loadIdentity(f, false)
			signers = append(signers, keys...)
			if c, _ := readCertificate(f+"-cert.pub", false); c != nil && len(keys) > 0 {
				if cs, err := ssh.NewCertSigner(c, keys[0]); err == nil {
					signers = append([]ssh.Signer{cs}, signers...)
				}
			}
		}
	}
	if len(signers) == 0 {
		for _, f := range append(e.identities, s.opts.DefaultIdentities...) {
			if s.isLocked(f) {
				return nil, fmt.Errorf("no SSH key to log in with: %s is protected by a passphrase, and no one can type it here: load it into ssh-agent (ssh-add %s), or give the passphrase with --key-passphrase-file FILE or SWITCHBACK_KEY_PASSPHRASE", f, f)
			}
		}
		return nil, errors.New("no SSH key to log in with: set identity_file in the inventory or IdentityFile in ssh_config, or load a key into ssh-agent")
	}
	return []ssh.AuthMethod{ssh.PublicKeys(signers...)}, nil
}

// namedKey reports whether key is the public half of one of files.
func (s *SSH) namedKey(files []string, key ssh.PublicKey) bool {
	for _, f := range files {
		if pub := publicKeyOf(f); pub != nil && bytes.Equal(pub.Marshal(), key.Marshal()) {
			return true
		}
	}
	return false
}

// publicKeyOf reads FILE.pub, or nil.
func publicKeyOf(keyFile string) ssh.PublicKey {
	b, err := os.ReadFile(keyFile + ".pub")
	if err != nil {
		return nil
	}
	pub, _, _, _, err := ssh.ParseAuthorizedKey(b)
	if err != nil {
		return nil
	}
	return pub
}

// readCertificate reads an OpenSSH user certificate (id_ed25519-cert.pub).
// A missing file is an error only when required (CertificateFile).
func readCertificate(path string, required bool) (*ssh.Certificate, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if !required {
			return nil, nil
		}
		return nil, fmt.Errorf("reading certificate: %w", err)
	}
	pub, _, _, _, err := ssh.ParseAuthorizedKey(b)
	if err != nil {
		return nil, fmt.Errorf("certificate %s: %w", path, err)
	}
	cert, ok := pub.(*ssh.Certificate)
	if !ok || cert.CertType != ssh.UserCert {
		return nil, fmt.Errorf("%s is not an OpenSSH user certificate", path)
	}
	return cert, nil
}

// loadIdentity reads a private key file once per run. An encrypted key
// is skipped when the agent holds it, and otherwise decrypted with the
// passphrase the operator gives (asked once per file).
func (s *SSH) loadIdentity(path string, required bool) ([]ssh.Signer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if signers, ok := s.signers[path]; ok {
		return signers, nil
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		if !required {
			s.signers[path] = nil
			return nil, nil
		}
		return nil, fmt.Errorf("reading identity file: %w", err)
	}
	signer, err := ssh.ParsePrivateKey(pem)
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) {
		if s.agentHolds(missing.PublicKey) {
			s.signers[path] = nil
			return nil, nil
		}
		signer, err = s.decrypt(path, pem, required)
		if signer == nil && err == nil {
			s.signers[path] = nil
			return nil, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("identity file %s: %w", path, err)
	}
	s.signers[path] = []ssh.Signer{signer}
	return s.signers[path], nil
}

// decrypt opens an encrypted key with the operator's passphrase. Without
// a way to ask, a required key is an error and a default one is skipped.
func (s *SSH) decrypt(path string, pem []byte, required bool) (ssh.Signer, error) {
	if s.opts.Passphrase == nil {
		if !required {
			s.locked[path] = true
			return nil, nil
		}
		return nil, fmt.Errorf("protected by a passphrase, and no one can type it here: load it into ssh-agent (ssh-add %s), or give the passphrase with --key-passphrase-file FILE or SWITCHBACK_KEY_PASSPHRASE", path)
	}
	pass, err := s.opts.Passphrase(path)
	if err != nil {
		return nil, fmt.Errorf("reading its passphrase: %w", err)
	}
	signer, err := ssh.ParsePrivateKeyWithPassphrase(pem, pass)
	if err != nil {
		if errors.Is(err, x509.IncorrectPasswordError) {
			return nil, errors.New("the passphrase is wrong")
		}
		return nil, err
	}
	return signer, nil
}

// isLocked reports whether path is an encrypted key that was skipped
// for want of a passphrase.
func (s *SSH) isLocked(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.locked[path]
}

// agentHolds reports whether the agent has key; callers hold s.mu.
func (s *SSH) agentHolds(key ssh.PublicKey) bool {
	if s.agent == nil || key == nil {
		return false
	}
	keys, err := s.agent.List()
	if err != nil {
		return false
	}
	for _, k := range keys {
		if bytes.Equal(k.Marshal(), key.Marshal()) {
			return true
		}
	}
	return false
}
