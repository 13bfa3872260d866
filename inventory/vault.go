package inventory

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// Ansible Vault, formats 1.1 and 1.2, as Ansible documents them: a header
// line "$ANSIBLE_VAULT;1.1;AES256" (1.2 adds ";LABEL", the vault ID),
// then lines of hex that decode to three lines: the hex of a 32-byte
// salt, the hex of an HMAC-SHA256, and the hex of the ciphertext. PBKDF2
// with HMAC-SHA256, 10,000 iterations and the salt turns the password
// into 80 bytes: an AES-256 key, an HMAC key and a 16-byte counter. The
// HMAC covers the ciphertext; AES-256 in counter mode decrypts it to the
// plaintext, padded as PKCS#7 says.

const vaultHeader = "$ANSIBLE_VAULT;"

// Vault decrypts Ansible Vault data with the passwords it was given. A
// nil *Vault has none: encrypted data is then refused with its name.
type Vault struct {
	secrets []vaultSecret
}

type vaultSecret struct {
	label    string // the vault ID, or "default"
	source   string // where the password came from, for messages
	password []byte
}

// AddPassword gives the vault a password, under a vault ID label
// ("default" when empty).
func (v *Vault) AddPassword(label, source string, password []byte) {
	if label == "" {
		label = "default"
	}
	v.secrets = append(v.secrets, vaultSecret{label, source, password})
}

// AddPasswordFile reads a password as Ansible's --vault-password-file
// does: the file's content without surrounding white space or, when the
// file is executable, what the program prints. label is the vault ID
// ("default" when empty), as in --vault-id label@file.
func (v *Vault) AddPasswordFile(label, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("vault password file: %w", err)
	}
	var pw []byte
	if st.Mode().IsRegular() && st.Mode().Perm()&0o111 != 0 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, path)
		if label != "" && label != "default" {
			cmd.Args = append(cmd.Args, "--vault-id", label)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("vault password script %s: %v: %s", path, err, strings.TrimSpace(stderr.String()))
		}
		pw = bytes.Trim(out, "\r\n")
	} else {
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("vault password file: %w", err)
		}
		pw = bytes.TrimSpace(b)
	}
	if len(pw) == 0 {
		return fmt.Errorf("vault password file %s gives an empty password", path)
	}
	v.AddPassword(label, path, pw)
	return nil
}

// Len is the number of passwords the vault holds.
func (v *Vault) Len() int {
	if v == nil {
		return 0
	}
	return len(v.secrets)
}

// errNoVaultPassword says a vault has no password to try.
var errNoVaultPassword = errors.New("no vault password was given")

// isVaultText says whether data is Ansible Vault data.
func isVaultText(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(vaultHeader))
}

// Decrypt decrypts vault data. Passwords whose vault ID matches the
// data's are tried first, then the others, as Ansible does.
func (v *Vault) Decrypt(data []byte) ([]byte, error) {
	label, salt, mac, ciphertext, err := parseVault(data)
	if err != nil {
		return nil, err
	}
	if v.Len() == 0 {
		return nil, errNoVaultPassword
	}
	var order []vaultSecret
	for _, s := range v.secrets {
		if s.label == label {
			order = append(order, s)
		}
	}
	for _, s := range v.secrets {
		if s.label != label {
			order = append(order, s)
		}
	}
	for _, s := range order {
		if plain, ok := vaultOpen(s.password, salt, mac, ciphertext); ok {
			return plain, nil
		}
	}
	var sources []string
	for _, s := range order {
		sources = append(sources, s.source)
	}
	return nil, fmt.Errorf("none of the vault passwords given (%s) decrypts it", strings.Join(sources, ", "))
}

// parseVault reads the envelope and body of vault data.
func parseVault(data []byte) (label string, salt, mac, ciphertext []byte, err error) {
	text := strings.TrimSpace(string(data))
	header, body, _ := strings.Cut(text, "\n")
	fields := strings.Split(strings.TrimSpace(header), ";")
	if len(fields) < 3 || fields[0] != "$ANSIBLE_VAULT" {
		return "", nil, nil, nil, errors.New("not Ansible Vault data: the first line is not $ANSIBLE_VAULT;VERSION;CIPHER")
	}
	version, cipherName := strings.TrimSpace(fields[1]), strings.TrimSpace(fields[2])
	if version != "1.1" && version != "1.2" {
		return "", nil, nil, nil, fmt.Errorf("vault format %s is not supported (1.1 and 1.2 are)", version)
	}
	if cipherName != "AES256" {
		return "", nil, nil, nil, fmt.Errorf("vault cipher %s is not supported (AES256 is)", cipherName)
	}
	label = "default"
	if len(fields) >= 4 {
		label = strings.TrimSpace(fields[3])
	}
	hexBody := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, body)
	inner, err := hex.DecodeString(hexBody)
	if err != nil {
		return "", nil, nil, nil, fmt.Errorf("the vault data is not hexadecimal: %v", err)
	}
	parts := bytes.SplitN(inner, []byte("\n"), 3)
	if len(parts) != 3 {
		return "", nil, nil, nil, errors.New("the vault data does not hold a salt, an HMAC and a ciphertext")
	}
	if salt, err = hex.DecodeString(string(parts[0])); err == nil {
		if mac, err = hex.DecodeString(string(parts[1])); err == nil {
			ciphertext, err = hex.DecodeString(string(parts[2]))
		}
	}
	if err != nil {
		return "", nil, nil, nil, fmt.Errorf("the vault data is damaged: %v", err)
	}
	return label, salt, mac, ciphertext, nil
}

// vaultOpen checks the HMAC with one password and decrypts.
func vaultOpen(password, salt, mac, ciphertext []byte) ([]byte, bool) {
	key, err := pbkdf2.Key(sha256.New, string(password), salt, 10000, 2*32+aes.BlockSize)
	if err != nil {
		return nil, false
	}
	h := hmac.New(sha256.New, key[32:64])
	h.Write(ciphertext)
	if !hmac.Equal(h.Sum(nil), mac) {
		return nil, false
	}
	block, err := aes.NewCipher(key[:32])
	if err != nil {
		return nil, false
	}
	plain := make([]byte, len(ciphertext))
	cipher.NewCTR(block, key[64:]).XORKeyStream(plain, ciphertext)
	// PKCS#7 padding to AES's block size.
	if len(plain) == 0 {
		return nil, false
	}
	n := int(plain[len(plain)-1])
	if n < 1 || n > aes.BlockSize || n > len(plain) || !bytes.Equal(plain[len(plain)-n:], bytes.Repeat([]byte{byte(n)}, n)) {
		return nil, false
	}
	return plain[:len(plain)-n], true
}

// vaultMark marks a value decrypted from a !vault scalar with the text it
// was decrypted from, so that listings can show the ciphertext, as
// ansible-inventory does, rather than the secret.
type vaultMark struct{ ciphertext string }

// vaultValue decrypts a !vault scalar, or reports why it cannot.
func (c *yamlConv) vaultValue(n *yaml.Node) cty.Value {
	name := c.varName
	if name == "" {
		name = "this value"
	}
	plain, err := c.ctx.vault.Decrypt([]byte(n.Value))
	if err == nil && !utf8.Valid(plain) {
		err = errors.New("it does not decrypt to text")
	}
	switch {
	case errors.Is(err, errNoVaultPassword):
		c.diags = append(c.diags, errorAt(c.rng(n), "Encrypted variable",
			fmt.Sprintf("%s is encrypted with Ansible Vault (!vault); give its password with --vault-password-file FILE (or ANSIBLE_VAULT_PASSWORD_FILE) to decrypt it.", name)))
		return cty.NullVal(cty.DynamicPseudoType)
	case err != nil:
		c.diags = append(c.diags, errorAt(c.rng(n), "Encrypted variable",
			fmt.Sprintf("%s is encrypted with Ansible Vault (!vault) and cannot be decrypted: %v.", name, err)))
		return cty.NullVal(cty.DynamicPseudoType)
	}
	c.ctx.secret(string(plain))
	return cty.StringVal(string(plain)).Mark(vaultMark{strings.TrimSpace(n.Value) + "\n"})
}
