package fleet

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"os"
	"strings"

	"golang.org/x/crypto/ssh"
)

// writeKeyPair writes a new ed25519 key in OpenSSH format to path (0600)
// and its public half to path.pub, and returns the public key in
// authorized_keys form without the trailing newline ("ssh-ed25519 AAAA...").
func writeKeyPair(path, comment string) (string, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", fmt.Errorf("generate key: %w", err)
	}
	block, err := ssh.MarshalPrivateKey(priv, comment)
	if err != nil {
		return "", fmt.Errorf("encode key: %w", err)
	}
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		return "", fmt.Errorf("encode public key: %w", err)
	}
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sshPub)))
	if err := writeFileAtomic(path, pem.EncodeToMemory(block), 0o600); err != nil {
		return "", err
	}
	if err := writeFileAtomic(path+".pub", []byte(line+" "+comment+"\n"), 0o644); err != nil {
		return "", err
	}
	return line, nil
}

// readPublicKey returns the key of path.pub without its comment.
func readPublicKey(path string) (string, error) {
	b, err := os.ReadFile(path + ".pub")
	if err != nil {
		return "", fmt.Errorf("read public key: %w", err)
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return "", fmt.Errorf("malformed public key %s.pub", path)
	}
	return f[0] + " " + f[1], nil
}

// writeFileAtomic replaces path through a rename, so readers (sshd, ssh)
// never see a half-written file.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp, perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
