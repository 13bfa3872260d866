package fleet

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// inventoryHCL renders the fleet in the product's inventory language.
func inventoryHCL(name, identityFile string, hosts []*Host) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Local Alpine test fleet %q (written by switchback-fleet).\n", name)
	b.WriteString("defaults {\n")
	fmt.Fprintf(&b, "  user          = %q\n", LoginUser)
	fmt.Fprintf(&b, "  port          = %d\n", HostPort)
	fmt.Fprintf(&b, "  identity_file = %q\n", identityFile)
	b.WriteString("}\n")
	names := make([]string, len(hosts))
	for i, h := range hosts {
		fmt.Fprintf(&b, "\nhost %q {\n  address = %q\n}\n", h.Name, h.Address)
		names[i] = strconv.Quote(h.Name)
	}
	fmt.Fprintf(&b, "\ngroup \"fleet\" {\n  hosts = [%s]\n}\n", strings.Join(names, ", "))
	return b.String()
}

// knownHostsLine is the known_hosts entry OpenSSH writes for a non-default port.
func knownHostsLine(h *Host, key string) string {
	return fmt.Sprintf("[%s]:%d %s", h.Address, h.Port, key)
}

// writeClientFiles writes the inventory and known_hosts for the hosts' current keys.
func (f *Fleet) writeClientFiles() error {
	var kh strings.Builder
	for _, h := range f.Hosts {
		key, err := readPublicKey(h.hostKeyPath())
		if err != nil {
			return fmt.Errorf("%s: %w", h.Name, err)
		}
		kh.WriteString(knownHostsLine(h, key) + "\n")
	}
	if err := writeFileAtomic(f.KnownHosts, []byte(kh.String()), 0o644); err != nil {
		return err
	}
	return writeFileAtomic(f.Inventory, []byte(inventoryHCL(filepath.Base(f.Dir), f.IdentityFile, f.Hosts)), 0o644)
}
