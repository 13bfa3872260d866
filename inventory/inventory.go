// Package inventory describes the hosts a playbook runs against: their
// connection settings, variables and the groups they belong to. It reads
// HCL inventories and Ansible's INI and YAML inventories as they are,
// group_vars/ and host_vars/ included.
package inventory

import (
	"errors"
	"os"
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
}

// Endpoint is the user@address:port form used in plans and messages.
func (h *Host) Endpoint() string {
	return h.User + "@" + h.Address + ":" + strconv.Itoa(h.Port)
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

// Select returns the hosts that patterns (a playbook's hosts) match, in
// inventory order and without repeats. Patterns are those of Limit.
func (inv *Inventory) Select(patterns []string) ([]*Host, error) {
	terms, err := parsePatterns(patterns, os.ReadFile)
	if err != nil {
		return nil, err
	}
	chosen, err := inv.evaluate(terms)
	if err != nil {
		return nil, err
	}
	var hosts []*Host
	for _, h := range inv.Hosts {
		if chosen[h] {
			hosts = append(hosts, h)
		}
	}
	return hosts, nil
}

// Limit keeps the hosts that also match patterns, as --limit does. A
// pattern is a host or group name, all (or *), a glob (web*), a regular
// expression (~web\d+), or @FILE (a host per line, as a failed run
// writes them); patterns are joined with , or : (union), and prefixed
// with & (intersection) or ! (exclusion). A pattern that matches no host
// or group of the inventory is an error.
func (inv *Inventory) Limit(hosts []*Host, patterns []string) ([]*Host, error) {
	terms, err := parsePatterns(patterns, os.ReadFile)
	if err != nil {
		return nil, &limitError{err}
	}
	if len(terms) == 0 {
		return nil, &limitError{errors.New("no pattern given: name hosts, groups or all")}
	}
	allowed, err := inv.evaluate(terms)
	if err != nil {
		return nil, &limitError{err}
	}
	var kept []*Host
	for _, h := range hosts {
		if allowed[h] {
			kept = append(kept, h)
		}
	}
	return kept, nil
}

type limitError struct{ err error }

func (e *limitError) Error() string { return "--limit: " + e.err.Error() }
func (e *limitError) Unwrap() error { return e.err }
