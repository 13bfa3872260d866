package inventory

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The loaders of every format fill one model; resolve then applies the
// same rules to all of them: membership through child groups, the
// implicit all and ungrouped groups, and variable precedence.

type hostDef struct {
	name string
	decl hcl.Range
	inv  []level // from inventory files, in the order read
	file []level // from host_vars/
	deps []ref   // hosts that must have converged before this one starts
}

type groupDef struct {
	name     string
	decl     hcl.Range
	members  []ref
	children []ref
	inv      []level // from inventory files, in the order read
	file     []level // from group_vars/
	priority int     // ansible_group_priority
}

// ref is a host or group named somewhere, with where it was named.
type ref struct {
	name string
	rng  hcl.Range
	// strict makes an unknown host an error: HCL declares hosts in host
	// blocks, while Ansible files declare a host by listing it.
	strict bool
}

type model struct {
	hosts       []*hostDef
	hostByName  map[string]*hostDef
	groups      []*groupDef
	groupByName map[string]*groupDef
}

func newModel() *model {
	m := &model{hostByName: map[string]*hostDef{}, groupByName: map[string]*groupDef{}}
	m.group("all", hcl.Range{})
	m.group("ungrouped", hcl.Range{})
	return m
}

// host returns the host called name, declaring it at decl if it is new.
func (m *model) host(name string, decl hcl.Range) *hostDef {
	if h := m.hostByName[name]; h != nil {
		return h
	}
	h := &hostDef{name: name, decl: decl}
	m.hosts = append(m.hosts, h)
	m.hostByName[name] = h
	return h
}

// group returns the group called name, declaring it at decl if it is new.
func (m *model) group(name string, decl hcl.Range) *groupDef {
	if g := m.groupByName[name]; g != nil {
		return g
	}
	g := &groupDef{name: name, decl: decl, priority: 1}
	m.groups = append(m.groups, g)
	m.groupByName[name] = g
	return g
}

type edge struct {
	child *groupDef
	ref   ref
}

// resolve turns the model into an inventory. Variables and connection
// settings are applied from lowest to highest precedence, as Ansible
// documents it ("How variables are merged" and "Variable precedence"):
//
//  1. inventory-file group vars: all, then parent groups before child
//     groups (by depth below all); groups of the same depth by
//     ansible_group_priority, then by name, so that b_group overrides
//     a_group;
//  2. group_vars/ files, in the same order (group_vars/all first);
//  3. inventory-file host vars;
//  4. host_vars/ files.
//
// An HCL defaults block is the all group's level.
func (m *model) resolve(path string) (*Inventory, hcl.Diagnostics) {
	var diags hcl.Diagnostics

	direct := map[*hostDef][]*groupDef{}
	for _, g := range m.groups {
		for _, r := range g.members {
			h := m.hostByName[r.name]
			if h == nil {
				if r.strict {
					diags = append(diags, errorAt(r.rng, "Unknown host in group",
						fmt.Sprintf("Group %q lists %q, but no host block declares it. Add host %q { address = \"...\" } or fix the name.", g.name, r.name, r.name)))
				}
				continue
			}
			if !slices.Contains(direct[h], g) {
				direct[h] = append(direct[h], g)
			}
		}
	}

	all := m.groupByName["all"]
	edges := map[*groupDef][]edge{}
	for _, g := range m.groups {
		for _, r := range g.children {
			c := m.groupByName[r.name]
			switch {
			case c == nil:
				diags = append(diags, errorAt(r.rng, "Unknown group in children",
					fmt.Sprintf("Group %q lists %q as a child, but no group of that name is declared. Declare the group or fix the name.", g.name, r.name)))
			case c == all:
				diags = append(diags, errorAt(r.rng, "Group cycle",
					fmt.Sprintf("Group %q lists \"all\" as a child, but \"all\" is the parent of every group.", g.name)))
			case !slices.ContainsFunc(edges[g], func(e edge) bool { return e.child == c }):
				edges[g] = append(edges[g], edge{c, r})
			}
		}
	}
	diags = append(diags, breakCycles(m.groups, edges)...)

	parents := map[*groupDef][]*groupDef{}
	for _, g := range m.groups {
		for _, e := range edges[g] {
			parents[e.child] = append(parents[e.child], g)
		}
	}
	depth := map[*groupDef]int{all: 0}
	var depthOf func(g *groupDef) int
	depthOf = func(g *groupDef) int {
		if d, ok := depth[g]; ok {
			return d
		}
		d := 1 // a group without parents is a child of all
		for _, p := range parents[g] {
			d = max(d, depthOf(p)+1)
		}
		depth[g] = d
		return d
	}
	if diags.HasErrors() {
		return nil, diags
	}

	ungrouped := m.groupByName["ungrouped"]
	inv := &Inventory{Path: path}
	memberOf := map[*groupDef][]string{}
	for _, hd := range m.hosts {
		groups := map[*groupDef]bool{all: true}
		var climb func(g *groupDef)
		climb = func(g *groupDef) {
			if groups[g] {
				return
			}
			groups[g] = true
			for _, p := range parents[g] {
				climb(p)
			}
		}
		for _, g := range direct[hd] {
			climb(g)
		}
		// ungrouped holds exactly the hosts that have no group but all.
		delete(groups, ungrouped)
		if len(groups) == 1 {
			groups[ungrouped] = true
		}
		order := make([]*groupDef, 0, len(groups))
		for g := range groups {
			order = append(order, g)
		}
		slices.SortFunc(order, func(a, b *groupDef) int {
			return cmp.Or(cmp.Compare(depthOf(a), depthOf(b)), cmp.Compare(a.priority, b.priority), strings.Compare(a.name, b.name))
		})

		var levels []level
		for _, g := range order {
			levels = append(levels, g.inv...)
		}
		for _, g := range order {
			levels = append(levels, g.file...)
		}
		levels = append(levels, hd.inv...)
		levels = append(levels, hd.file...)
		h := buildHost(hd.name, levels)
		for _, g := range order {
			memberOf[g] = append(memberOf[g], hd.name)
			if g != all && g != ungrouped {
				h.Groups = append(h.Groups, g.name)
			}
		}
		slices.Sort(h.Groups)
		for _, d := range hd.deps {
			h.DependsOn = append(h.DependsOn, d.name)
		}
		inv.Hosts = append(inv.Hosts, h)
	}
	diags = append(diags, m.checkDependencies()...)

	for _, g := range m.groups {
		out := &Group{Name: g.name, Hosts: memberOf[g], Vars: map[string]cty.Value{}}
		if g == ungrouped {
			out.Members = memberOf[g]
		}
		listed := map[string]bool{}
		for _, r := range g.members {
			if m.hostByName[r.name] != nil && !listed[r.name] && g != ungrouped {
				listed[r.name] = true
				out.Members = append(out.Members, r.name)
			}
		}
		for _, e := range edges[g] {
			out.Children = append(out.Children, e.child.name)
		}
		if g == all {
			// Every group without a parent is a child of all.
			for _, c := range m.groups {
				if c != all && len(parents[c]) == 0 {
					out.Children = append(out.Children, c.name)
				}
			}
		}
		for _, l := range append(slices.Clip(g.inv), g.file...) {
			for k, v := range l.vars {
				out.Vars[k] = v
			}
		}
		inv.Groups = append(inv.Groups, out)
	}
	return inv, diags
}

// breakCycles reports every child reference that closes a cycle and
// drops it, so that the rest of the inventory can still be checked.
func breakCycles(groups []*groupDef, edges map[*groupDef][]edge) hcl.Diagnostics {
	var diags hcl.Diagnostics
	const (
		unseen = iota
		onPath
		done
	)
	state := map[*groupDef]int{}
	var path []*groupDef
	var visit func(g *groupDef)
	visit = func(g *groupDef) {
		state[g] = onPath
		path = append(path, g)
		kept := edges[g][:0]
		for _, e := range edges[g] {
			switch state[e.child] {
			case onPath:
				var names []string
				for _, p := range path[slices.Index(path, e.child):] {
					names = append(names, p.name)
				}
				names = append(names, e.child.name)
				diags = append(diags, errorAt(e.ref.rng, "Group cycle",
					fmt.Sprintf("Group %q lists %q as a child, but %q already contains %q: %s. A group cannot contain itself.",
						g.name, e.child.name, e.child.name, g.name, strings.Join(names, " → "))))
				continue
			case unseen:
				visit(e.child)
			}
			kept = append(kept, e)
		}
		edges[g] = kept
		path = path[:len(path)-1]
		state[g] = done
	}
	for _, g := range groups {
		if state[g] == unseen {
			visit(g)
		}
	}
	return diags
}

// buildHost applies levels, lowest precedence first, and fills in what
// no level gives.
func buildHost(name string, levels []level) *Host {
	var c conn
	h := &Host{Name: name, Address: name, Port: 22, Vars: map[string]cty.Value{}}
	for _, l := range levels {
		c.overlay(l.conn)
		for k, v := range l.vars {
			h.Vars[k] = v
		}
	}
	if c.address != nil {
		h.Address = *c.address
	}
	if c.port != nil {
		h.Port, h.PortGiven = *c.port, true
	}
	if c.user != nil {
		h.User, h.UserGiven = *c.user, *c.user != ""
	}
	if h.User == "" {
		h.User = currentUser()
	}
	if c.identityFile != nil {
		h.IdentityFile = *c.identityFile
	}
	if c.become != nil {
		h.Become = *c.become
	}
	if c.becomeMethod != nil {
		h.BecomeMethod = *c.becomeMethod
	}
	if h.Become && h.BecomeMethod == "" {
		h.BecomeMethod = BecomeDoas
	}
	if c.jump != nil {
		h.Jump = *c.jump
	}
	return h
}

// checkDependencies reports depends_on entries that name no host, or
// that make hosts wait for each other in a circle.
func (m *model) checkDependencies() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, h := range m.hosts {
		for _, d := range h.deps {
			if m.hostByName[d.name] == nil {
				diags = append(diags, errorAt(d.rng, "Unknown host in depends_on",
					fmt.Sprintf("Host %q depends on %q, but no host of that name is declared.", h.name, d.name)))
			}
		}
	}
	if diags.HasErrors() {
		return diags
	}
	state := map[*hostDef]int{} // 0 new, 1 on the current path, 2 done
	var visit func(h *hostDef, path []string, via hcl.Range) bool
	visit = func(h *hostDef, path []string, via hcl.Range) bool {
		switch state[h] {
		case 1:
			diags = append(diags, errorAt(via, "Hosts wait for each other",
				fmt.Sprintf("depends_on forms a cycle: %s. Remove one of the dependencies.", strings.Join(append(path, h.name), " → "))))
			return false
		case 2:
			return true
		}
		state[h] = 1
		for _, d := range h.deps {
			if !visit(m.hostByName[d.name], append(path, h.name), d.rng) {
				return false
			}
		}
		state[h] = 2
		return true
	}
	for _, h := range m.hosts {
		if !visit(h, nil, h.decl) {
			break
		}
	}
	return diags
}
