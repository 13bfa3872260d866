// Package inventory describes the hosts a playbook runs against: their
// connection settings and the groups they belong to.
package inventory

import (
	"fmt"
	"slices"
	"strconv"
)

// Inventory is a resolved inventory: every host with its settings filled
// in from defaults, in the order the file declares them.
type Inventory struct {
	Path   string
	Hosts  []*Host
	Groups []*Group
}

// Host is one machine to run on.
type Host struct {
	Name         string
	Address      string
	Port         int
	User         string
	IdentityFile string
	Groups       []string
}

// Group names a set of hosts.
type Group struct {
	Name  string
	Hosts []string
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

func (inv *Inventory) group(name string) *Group {
	for _, g := range inv.Groups {
		if g.Name == name {
			return g
		}
	}
	return nil
}

// Select returns the hosts named by patterns, each a host name, a group
// name or "all", in inventory order and without repeats.
func (inv *Inventory) Select(patterns []string) ([]*Host, error) {
	chosen := map[string]bool{}
	for _, p := range patterns {
		switch {
		case p == "all":
			for _, h := range inv.Hosts {
				chosen[h.Name] = true
			}
		case inv.group(p) != nil:
			for _, name := range inv.group(p).Hosts {
				chosen[name] = true
			}
		case inv.Host(p) != nil:
			chosen[p] = true
		default:
			return nil, fmt.Errorf("%s has no host or group named %q", inv.Path, p)
		}
	}
	var hosts []*Host
	for _, h := range inv.Hosts {
		if chosen[h.Name] {
			hosts = append(hosts, h)
		}
	}
	return hosts, nil
}

// Limit keeps the hosts that also match patterns (as --limit does).
func (inv *Inventory) Limit(hosts []*Host, patterns []string) ([]*Host, error) {
	allowed, err := inv.Select(patterns)
	if err != nil {
		return nil, err
	}
	var kept []*Host
	for _, h := range hosts {
		if slices.Contains(allowed, h) {
			kept = append(kept, h)
		}
	}
	return kept, nil
}
