package inventory_test

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/inventory"
)

// The files under testdata/inventories/vault were encrypted by
// ansible-vault 2.14: a !vault value in format 1.1 (password file
// vault-pass), one in format 1.2 with the vault ID prod (prod-pass), and a
// group_vars file encrypted whole. ansible-inventory reads them to the
// same listing as switchback (checked when they were made; the
// differential test checks generated ones).
const vaultDir = "../testdata/inventories/vault"

func vaultWith(t *testing.T, ids ...[2]string) *inventory.Vault {
	t.Helper()
	v := &inventory.Vault{}
	for _, id := range ids {
		if err := v.AddPasswordFile(id[0], filepath.Join(vaultDir, id[1])); err != nil {
			t.Fatal(err)
		}
	}
	return v
}

func loadVault(t *testing.T, v *inventory.Vault) (*inventory.Inventory, hcl.Diagnostics) {
	t.Helper()
	return inventory.LoadAll(hclparse.NewParser(), []string{filepath.Join(vaultDir, "hosts.yml")}, inventory.Options{Vault: v})
}

func TestVaultDecrypts(t *testing.T) {
	inv, diags := loadVault(t, vaultWith(t, [2]string{"", "vault-pass"}, [2]string{"prod", "prod-pass"}))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	web01 := inv.Host("web01")
	checkVars(t, "web01", web01.Vars, map[string]cty.Value{
		"db_password":         cty.StringVal("s3cret-db-password"),
		"api_token":           cty.StringVal("prod-api-token"),
		"ansible_become_pass": cty.StringVal("from-an-encrypted-file"),
		"region":              cty.StringVal("eu-west-1"),
	})
	if !web01.Sealed("db_password") || !web01.Sealed("api_token") || web01.Sealed("region") {
		t.Error("the !vault values are sealed, the values of an encrypted file are not (ansible-inventory prints them)")
	}
	for _, s := range []string{"s3cret-db-password", "prod-api-token", "from-an-encrypted-file", "eu-west-1"} {
		if !slices.Contains(inv.Secrets, s) {
			t.Errorf("Secrets lacks %q: %q", s, inv.Secrets)
		}
	}
	var out strings.Builder
	if err := inv.WriteAnsibleJSON(&out, false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "s3cret") || !strings.Contains(out.String(), `"__ansible_vault": "$ANSIBLE_VAULT;1.2;AES256;prod\n`) {
		t.Errorf("the listing shows the ciphertext, as ansible-inventory does:\n%s", out.String())
	}
}

// Without a password, each encrypted variable is refused by name.
func TestVaultRefusesWithoutPassword(t *testing.T) {
	inv, diags := loadVault(t, nil)
	if inv != nil {
		t.Fatal("an inventory came back with encrypted values and no password")
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary+": "+d.Detail)
	}
	for _, want := range []string{
		"Encrypted variable: db_password is encrypted with Ansible Vault (!vault); give its password with --vault-password-file",
		"Encrypted variable: api_token is encrypted",
	} {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("no diagnostic %q in:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

// A group_vars file encrypted whole is refused without its password.
func TestVaultFileRefusedWithoutPassword(t *testing.T) {
	encrypted, err := os.ReadFile(filepath.Join(vaultDir, "group_vars", "prod.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"hosts": "[prod]\nweb01\n", "group_vars/prod.yml": string(encrypted)})
	_, diags := inventory.Load(hclparse.NewParser(), filepath.Join(dir, "hosts"))
	if len(diags) != 1 || diags[0].Summary != "Encrypted variables file" || !strings.Contains(diags[0].Detail, "--vault-password-file") ||
		diags[0].Subject.Start.Line != 1 {
		t.Errorf("diagnostics: %v", diags)
	}
}

// A password that does not decrypt, or ciphertext changed by a single
// digit, fails the HMAC: the value is refused, never used as it is.
func TestVaultWrongPasswordOrTampered(t *testing.T) {
	_, diags := loadVault(t, vaultWith(t, [2]string{"", "prod-pass"}))
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "db_password is encrypted with Ansible Vault (!vault) and cannot be decrypted: none of the vault passwords given") {
		t.Errorf("wrong password: %v", diags)
	}

	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(vaultDir, "hosts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	// The last hex digit of the 1.1 value's body.
	i := strings.Index(string(src), "31653836")
	src[i] = '2'
	if err := os.WriteFile(filepath.Join(dir, "hosts.yml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags = inventory.LoadAll(hclparse.NewParser(), []string{filepath.Join(dir, "hosts.yml")},
		inventory.Options{Vault: vaultWith(t, [2]string{"", "vault-pass"}, [2]string{"prod", "prod-pass"})})
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "db_password") {
		t.Errorf("tampered: %v", diags)
	}
}

// An executable password file is run, and what it prints is the password,
// as ansible --vault-password-file does; a vault ID goes to it as
// --vault-id.
func TestVaultPasswordScript(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "pass.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\n[ \"$2\" = prod ] && echo prod-secret && exit\necho switchback\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	v := &inventory.Vault{}
	for _, label := range []string{"", "prod"} {
		if err := v.AddPasswordFile(label, script); err != nil {
			t.Fatal(err)
		}
	}
	inv, diags := loadVault(t, v)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if got := inv.Host("web01").Vars["api_token"]; !got.RawEquals(cty.StringVal("prod-api-token")) {
		t.Errorf("api_token = %#v", got)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := v.AddPasswordFile("", empty); err == nil || !strings.Contains(err.Error(), "empty password") {
		t.Errorf("empty password file: %v", err)
	}
}

// A changed byte of ciphertext fails the HMAC, whatever the padding says.
func TestVaultHMAC(t *testing.T) {
	v := vaultWith(t, [2]string{"", "vault-pass"})
	src, err := os.ReadFile(filepath.Join(vaultDir, "group_vars", "prod.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Decrypt(src); err != nil {
		t.Fatal(err)
	}
	header, body, _ := strings.Cut(string(src), "\n")
	inner, err := hex.DecodeString(strings.ReplaceAll(body, "\n", ""))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(inner), "\n", 3)
	ct, _ := hex.DecodeString(parts[2])
	ct[0] ^= 1 // the first block: the padding at the end is untouched
	parts[2] = hex.EncodeToString(ct)
	tampered := header + "\n" + hex.EncodeToString([]byte(strings.Join(parts, "\n")))
	if plain, err := v.Decrypt([]byte(tampered)); err == nil {
		t.Errorf("tampered vault data decrypted to %q", plain)
	}
}
