// Package inventory describes the hosts a playbook runs against: their
// connection settings, variables and the groups they belong to. It reads
// HCL inventories and Ansible's INI and YAML inventories as they are,
// group_vars/ and host_vars/ included.
package inventory

import (
	"net"
	"strconv"

	"github.com/zclconf/go-cty/cty"
)

// Inventory is a resolved inventory: every host with its settings and
// variables filled in, in the order the files declare them.
type Inventory struct {
	Path  string
	Hosts []*Host
	// Groups starts with the implicit groups "all" and "ungrouped", then
	// every declared group in the order the files declare them.
	Groups []*Group
	// Secrets are the values decrypted from Ansible Vault, which output
	// should mask.
	Secrets []string

	// declaredOrder keeps selected hosts in the order declared, as HCL
	// inventories promise, rather than in Ansible's order.
	declaredOrder bool
}

// Host is one machine to run on.
type Host struct {
	Name         string
	Address      string
	Port         int
	User         string
	IdentityFile string
	// PortGiven and UserGiven say the inventory set Port and User; when
	// it did not, they hold defaults that ssh_config may override.
	PortGiven, UserGiven bool
	// Groups are the groups the host belongs to, directly or through a
	// child group, sorted; the implicit "all" and "ungrouped" are left out.
	Groups []string

	// Become runs steps with root privileges through BecomeMethod
	// (BecomeDoas or BecomeSudo; doas unless the inventory says otherwise).
	Become       bool
	BecomeMethod string
	// Jump is a host to connect through, as [user@]host[:port]; several,
	// separated by commas, are passed through in order.
	Jump string
	// Vars are the host's variables after precedence is applied.
	Vars map[string]cty.Value
	// DependsOn names hosts that must have converged in the same run
	// before this one starts.
	DependsOn []string
	// Unsupported, when set, says why switchback cannot run on the host
	// as the inventory describes it (an ansible_connection other than
	// SSH, a become user other than root, a Jinja template where an
	// address belongs), naming the variable; runs refuse such a host.
	Unsupported string

	// own are the variables the host sets itself (inventory-file host
	// vars, then host_vars/), as ansible-inventory --export shows them;
	// own and raw (Vars as merged) keep the marks of values decrypted
	// from Ansible Vault.
	own, raw map[string]cty.Value
}

// Group names a set of hosts.
type Group struct {
	Name string
	// Hosts are every host of the group, its child groups' included, in
	// inventory order.
	Hosts []string
	// Members are the hosts listed in the group itself.
	Members []string
	// Children are the group's child groups.
	Children []string
	// Vars are the group's own variables (inventory file, then group_vars).
	Vars map[string]cty.Value
	// Priority is ansible_group_priority (1 unless set): among groups of
	// the same depth, a higher priority's variables win.
	Priority int

	raw map[string]cty.Value // Vars with Ansible Vault's marks
}

// Endpoint is the user@address:port form used in plans and messages.
func (h *Host) Endpoint() string {
	return h.User + "@" + net.JoinHostPort(h.Address, strconv.Itoa(h.Port))
}

// Host finds a host by name.
func (inv *Inventory) Host(name string) *Host {
	for _, h := range inv.Hosts {
		if h.Name == name {
			return h
		}
	}
	return nil
}

// Group finds a group by name, "all" and "ungrouped" included.
func (inv *Inventory) Group(name string) *Group {
	for _, g := range inv.Groups {
		if g.Name == name {
			return g
		}
	}
	return nil
}

// Sealed says whether a variable's value, or part of it, was decrypted
// from an Ansible Vault !vault value: listings show it as sealed.
func (h *Host) Sealed(name string) bool {
	v, ok := h.raw[name]
	if !ok || !v.ContainsMarked() {
		return false
	}
	_, paths := v.UnmarkDeepWithPaths()
	for _, p := range paths {
		for m := range p.Marks {
			if _, ok := m.(vaultMark); ok {
				return true
			}
		}
	}
	return false
}
