package main

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/runner"
)

// inventoryFlags name the inventory of every command that reads one, as
// Ansible's -i, --vault-password-file and --vault-id do.
type inventoryFlags struct {
	Inventory         []string `short:"i" sep:"none" placeholder:"SOURCE" help:"Inventory: an .hcl file, an Ansible INI, YAML or TOML file, a directory of them, vagrant:[DIR], or host1,host2, (repeat -i to merge several, as Ansible does)."`
	VaultPasswordFile []string `name:"vault-password-file" sep:"none" placeholder:"FILE" help:"Ansible Vault password, to decrypt !vault values and encrypted group_vars/host_vars files: the file's content, or what it prints when executable (repeatable; default $$ANSIBLE_VAULT_PASSWORD_FILE)."`
	VaultID           []string `name:"vault-id" sep:"none" placeholder:"[LABEL@]FILE" help:"Ansible Vault password with its vault ID, as ansible --vault-id (repeatable)."`
}

// vault reads the passwords the flags give (or, without flags,
// ANSIBLE_VAULT_PASSWORD_FILE, as Ansible reads it); nil when there are
// none.
func (f inventoryFlags) vault(getenv func(string) string) (*inventory.Vault, error) {
	if len(f.VaultPasswordFile) == 0 && len(f.VaultID) == 0 {
		if file := getenv("ANSIBLE_VAULT_PASSWORD_FILE"); file != "" {
			f.VaultPasswordFile = []string{file}
		} else {
			return nil, nil
		}
	}
	v := &inventory.Vault{}
	for _, file := range f.VaultPasswordFile {
		if err := v.AddPasswordFile("", file); err != nil {
			return nil, fmt.Errorf("--vault-password-file: %w", err)
		}
	}
	for _, id := range f.VaultID {
		label, file, ok := strings.Cut(id, "@")
		if !ok {
			label, file = "", id
		}
		if file == "prompt" {
			return nil, fmt.Errorf("--vault-id %s: switchback does not prompt for passwords; give a file", id)
		}
		if err := v.AddPasswordFile(label, file); err != nil {
			return nil, fmt.Errorf("--vault-id: %w", err)
		}
	}
	return v, nil
}

// read loads the inventory with parser, returning its diagnostics.
func (f inventoryFlags) read(parser *hclparse.Parser, getenv func(string) string) (*inventory.Inventory, hcl.Diagnostics, error) {
	if len(f.Inventory) == 0 {
		return nil, nil, fmt.Errorf("give the inventory with -i (an .hcl file, an Ansible INI or YAML file, or a directory)")
	}
	vault, err := f.vault(getenv)
	if err != nil {
		return nil, nil, err
	}
	inv, diags := inventory.LoadAll(parser, f.Inventory, inventory.Options{Vault: vault})
	return inv, diags, nil
}

// load reads the inventory alone, printing every diagnostic; any error
// means exit code 1.
func (f inventoryFlags) load(env *Env) (*inventory.Inventory, error) {
	parser := hclparse.NewParser()
	inv, diags, err := f.read(parser, env.Getenv)
	if err != nil {
		return nil, err
	}
	if err := diag.Write(env.Stderr, parser.Files(), diags, env.StderrTerminal); err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, exitError{runner.ExitUsage}
	}
	return inv, nil
}

// sources names the inventory in messages.
func (f inventoryFlags) sources() string {
	return strings.Join(f.Inventory, ", ")
}

// warnPatterns prints the warnings of host patterns (a pattern that
// matched nothing), as Ansible does, and goes on.
func warnPatterns(env *Env, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(env.Stderr, "warning: %s\n", w)
	}
}

// limitedHosts is every host of inv, kept to --limit patterns when there
// are some, with a warning for each pattern that matched nothing.
func limitedHosts(env *Env, inv *inventory.Inventory, limit []string) ([]*inventory.Host, error) {
	hosts, warnings, err := inv.Select([]string{"all"})
	if err == nil && len(limit) > 0 {
		var more []string
		hosts, more, err = inv.Limit(hosts, limit)
		warnings = append(warnings, more...)
	}
	warnPatterns(env, warnings)
	return hosts, err
}

// checkSupported refuses hosts the inventory describes in a way
// switchback cannot honour (a local connection, a become user other than
// root, a Jinja template for an address), naming each and the variable.
func checkSupported(hosts []*inventory.Host) error {
	var bad []string
	for _, h := range hosts {
		if h.Unsupported != "" {
			bad = append(bad, fmt.Sprintf("  %s: %s", h.Name, h.Unsupported))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("%d host(s) cannot be run as the inventory describes them:\n%s\nLeave them out with --limit '!NAME', or change the inventory", len(bad), strings.Join(bad, "\n"))
}
