package inventory

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The loaders of every format fill one model, with the operations
// Ansible's inventory data offers its plugins (add a group, add a host to
// a group, add a child, set a variable), in the order the files make
// them, so that order-dependent outcomes (a group's host order, which
// of a host and a group of one name a variable lands on) come out as
// Ansible's do. resolve then applies the same rules to every format:
// the implicit all and ungrouped groups, and variable precedence.

type hostDef struct {
	name string
	decl hcl.Range
	inv  []level     // from inventory files, in the order set
	file []fileLevel // from host_vars/
	deps []ref       // hosts that must have converged before this one starts
}

type groupDef struct {
	name     string
	decl     hcl.Range
	hosts    []*hostDef  // direct members, in the order added
	children []*groupDef // in the order added
	parents  []*groupDef
	inv      []level     // from inventory files, in the order set
	file     []fileLevel // from group_vars/
	priority int         // ansible_group_priority

	// HCL names members and children before they may be declared; these
	// are linked when the model is resolved.
	memberRefs, childRefs []ref
}

// fileLevel is a variables file, with the index of the inventory source
// beside which it was found: Ansible applies the files of each source in
// turn, so a later -i's group_vars override an earlier one's.
type fileLevel struct {
	src int
	level
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
	all         *groupDef
	ungrouped   *groupDef
	// srcs is the number of inventory sources whose group_vars/ and
	// host_vars/ were read.
	srcs int
	// ansible says an Ansible file was read: host patterns then give
	// hosts in Ansible's order rather than in the order declared.
	ansible bool
}

func newModel() *model {
	m := &model{hostByName: map[string]*hostDef{}, groupByName: map[string]*groupDef{}}
	m.all = m.group("all", hcl.Range{})
	m.ungrouped = m.group("ungrouped", hcl.Range{})
	_ = m.link(m.all, m.ungrouped)
	return m
}

// snapshot records the model's state, and returns what puts it back:
// Ansible tries one reader after another on a file, and a reader that
// fails must leave nothing behind (Ansible keeps what a failed reader
// added; switchback does not).
func (m *model) snapshot() (restore func()) {
	type groupState struct {
		hosts, children, parents, inv, memberRefs, childRefs, priority int
	}
	nHosts, nGroups, ansible := len(m.hosts), len(m.groups), m.ansible
	groups := make([]groupState, nGroups)
	for i, g := range m.groups {
		groups[i] = groupState{len(g.hosts), len(g.children), len(g.parents), len(g.inv), len(g.memberRefs), len(g.childRefs), g.priority}
	}
	hosts := make([]int, nHosts)
	for i, h := range m.hosts {
		hosts[i] = len(h.inv)
	}
	return func() {
		for _, h := range m.hosts[nHosts:] {
			delete(m.hostByName, h.name)
		}
		for _, g := range m.groups[nGroups:] {
			delete(m.groupByName, g.name)
		}
		m.hosts, m.groups, m.ansible = m.hosts[:nHosts], m.groups[:nGroups], ansible
		for i, g := range m.groups {
			st := groups[i]
			g.hosts, g.children, g.parents, g.inv = g.hosts[:st.hosts], g.children[:st.children], g.parents[:st.parents], g.inv[:st.inv]
			g.memberRefs, g.childRefs, g.priority = g.memberRefs[:st.memberRefs], g.childRefs[:st.childRefs], st.priority
		}
		for i, h := range m.hosts {
			h.inv = h.inv[:hosts[i]]
		}
	}
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

// addMember makes h a direct member of g, once.
func (m *model) addMember(g *groupDef, h *hostDef) {
	if !slices.Contains(g.hosts, h) {
		g.hosts = append(g.hosts, h)
	}
}

// removeMember takes h out of g's direct members.
func (m *model) removeMember(g *groupDef, h *hostDef) {
	g.hosts = slices.DeleteFunc(g.hosts, func(x *hostDef) bool { return x == h })
}

// link makes child a child group of parent, once. It refuses a link that
// would make a group its own ancestor.
func (m *model) link(parent, child *groupDef) error {
	if parent == child {
		return fmt.Errorf("group %q cannot be a child of itself", parent.name)
	}
	if slices.Contains(parent.children, child) {
		return nil
	}
	if ancestors(parent)[child] {
		return fmt.Errorf("%w: adding group %q as a child of %q makes a loop, as %q already contains %q", errGroupCycle, child.name, parent.name, child.name, parent.name)
	}
	parent.children = append(parent.children, child)
	if !slices.Contains(child.parents, parent) {
		child.parents = append(child.parents, parent)
	}
	return nil
}

// errGroupCycle says a child link would make a group its own ancestor.
var errGroupCycle = errors.New("group cycle")

// ancestors returns every group above g.
func ancestors(g *groupDef) map[*groupDef]bool {
	seen := map[*groupDef]bool{}
	var climb func(*groupDef)
	climb = func(g *groupDef) {
		for _, p := range g.parents {
			if !seen[p] {
				seen[p] = true
				climb(p)
			}
		}
	}
	climb(g)
	return seen
}

// addChild adds the group or, failing that, the host called name to g, as
// Ansible's add_child does: a group of that name wins over a host.
func (m *model) addChild(g *groupDef, name string) error {
	if c := m.groupByName[name]; c != nil {
		return m.link(g, c)
	}
	if h := m.hostByName[name]; h != nil {
		m.addMember(g, h)
		return nil
	}
	return fmt.Errorf("%q is neither a known host nor a known group", name)
}

// setVars adds a level of variables to the group or, failing that, the
// host called name: Ansible looks a name up among groups first, so a
// host's variables land on a group of the same name when there is one.
func (m *model) setVars(name string, l level) {
	if g := m.groupByName[name]; g != nil {
		g.inv = append(g.inv, l)
	} else if h := m.hostByName[name]; h != nil {
		h.inv = append(h.inv, l)
	}
}

// linkRefs links what HCL groups name, reporting unknown names and
// cycles.
func (m *model) linkRefs() hcl.Diagnostics {
	var diags hcl.Diagnostics
	edges := map[*groupDef][]edge{}
	for _, g := range m.groups {
		for _, r := range g.memberRefs {
			if h := m.hostByName[r.name]; h != nil {
				m.addMember(g, h)
			} else if r.strict {
				diags = append(diags, errorAt(r.rng, "Unknown host in group",
					fmt.Sprintf("Group %q lists %q, but no host block declares it. Add host %q { address = \"...\" } or fix the name.", g.name, r.name, r.name)))
			}
		}
		for _, r := range g.childRefs {
			c := m.groupByName[r.name]
			switch {
			case c == nil:
				diags = append(diags, errorAt(r.rng, "Unknown group in children",
					fmt.Sprintf("Group %q lists %q as a child, but no group of that name is declared. Declare the group or fix the name.", g.name, r.name)))
			case c == m.all:
				diags = append(diags, errorAt(r.rng, "Group cycle",
					fmt.Sprintf("Group %q lists \"all\" as a child, but \"all\" is the parent of every group.", g.name)))
			case !slices.ContainsFunc(edges[g], func(e edge) bool { return e.child == c }):
				edges[g] = append(edges[g], edge{c, r})
			}
		}
	}
	diags = append(diags, breakCycles(m.groups, edges)...)
	for _, g := range m.groups {
		for _, e := range edges[g] {
			if err := m.link(g, e.child); err != nil {
				diags = append(diags, errorAt(e.ref.rng, "Group cycle", capitalize(err)))
			}
		}
	}
	return diags
}

type edge struct {
	child *groupDef
	ref   ref
}

// reconcile applies Ansible's rules once every source is read: a group
// without a parent is a child of all; a host in no group but all is in
// ungrouped, and a host in another group is not. Like Ansible, it adds
// a group to ungrouped when a host in no group has that group's name.
func (m *model) reconcile() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, g := range m.groups {
		if g != m.all && len(g.parents) == 0 {
			_ = m.link(m.all, g)
		}
	}
	direct := m.directGroups()
	for _, h := range m.hosts {
		groups := map[*groupDef]bool{}
		for _, g := range direct[h] {
			groups[g] = true
			for a := range ancestors(g) {
				groups[a] = true
			}
		}
		if groups[m.ungrouped] {
			delete(groups, m.all)
			delete(groups, m.ungrouped)
			if len(groups) > 0 {
				m.removeMember(m.ungrouped, h)
			}
			continue
		}
		delete(groups, m.all)
		if len(groups) == 0 {
			if err := m.addChild(m.ungrouped, h.name); err != nil {
				diags = append(diags, errorAt(h.decl, "Group cycle", capitalize(err)))
			}
		}
	}
	return diags
}

// capitalize writes an error as a sentence of a diagnostic.
func capitalize(err error) string {
	s := strings.TrimPrefix(err.Error(), errGroupCycle.Error()+": ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// directGroups maps each host to the groups that list it.
func (m *model) directGroups() map[*hostDef][]*groupDef {
	direct := map[*hostDef][]*groupDef{}
	for _, g := range m.groups {
		for _, h := range g.hosts {
			direct[h] = append(direct[h], g)
		}
	}
	return direct
}

// descendants lists g, its children, then their children level by level,
// as Ansible walks a group to list its hosts. Ansible takes each level's
// groups from a set, in an order that varies from run to run; here they
// come in the order they were reached.
func descendants(g *groupDef) []*groupDef {
	ordered := append([]*groupDef{g}, g.children...)
	seen := map[*groupDef]bool{g: true}
	level := append([]*groupDef{g}, g.children...)
	for _, c := range g.children {
		seen[c] = true
	}
	for len(level) > 0 {
		var next []*groupDef
		for _, p := range level {
			for _, c := range p.children {
				if !seen[c] {
					seen[c] = true
					ordered = append(ordered, c)
					next = append(next, c)
				}
			}
		}
		level = next
	}
	return ordered
}

// groupHosts lists the hosts of g and its descendants, each once, in
// Ansible's order: g's own hosts as listed, then those of its children.
func groupHosts(g *groupDef) []*hostDef {
	var out []*hostDef
	seen := map[*hostDef]bool{}
	for _, d := range descendants(g) {
		for _, h := range d.hosts {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// resolve turns the model into an inventory. Variables
// and connection settings are applied from lowest to highest precedence,
// as Ansible's VariableManager does for a host:
//
//  1. inventory-file vars of all, then of the host's other groups sorted
//     by depth below all, then ansible_group_priority, then name (so
//     that b_group overrides a_group);
//  2. group_vars/all, source by source, then the other groups'
//     group_vars/ files, source by source, each in the order above;
//  3. inventory-file host vars;
//  4. host_vars/ files, source by source.
//
// An HCL defaults block is the all group's level.
func (m *model) resolve(path string) (*Inventory, hcl.Diagnostics) {
	srcs := m.srcs
	diags := m.linkRefs()
	if diags.HasErrors() {
		return nil, diags
	}
	diags = append(diags, m.reconcile()...)

	depth := map[*groupDef]int{m.all: 0}
	var depthOf func(g *groupDef) int
	depthOf = func(g *groupDef) int {
		if d, ok := depth[g]; ok {
			return d
		}
		d := 1 // a group without parents is a child of all
		for _, p := range g.parents {
			d = max(d, depthOf(p)+1)
		}
		depth[g] = d
		return d
	}

	inv := &Inventory{Path: path, declaredOrder: !m.ansible}
	direct := m.directGroups()
	conns := &connDiags{seen: map[string]bool{}}
	for _, hd := range m.hosts {
		groups := map[*groupDef]bool{m.all: true}
		for _, g := range direct[hd] {
			groups[g] = true
			for a := range ancestors(g) {
				groups[a] = true
			}
		}
		order := make([]*groupDef, 0, len(groups))
		for g := range groups {
			if g != m.all {
				order = append(order, g)
			}
		}
		slices.SortFunc(order, func(a, b *groupDef) int {
			return cmp.Or(cmp.Compare(depthOf(a), depthOf(b)), cmp.Compare(a.priority, b.priority), strings.Compare(a.name, b.name))
		})

		levels := slices.Clone(m.all.inv)
		for _, g := range order {
			levels = append(levels, g.inv...)
		}
		levels = append(levels, fileLevels(srcs, []*groupDef{m.all})...)
		levels = append(levels, fileLevels(srcs, order)...)
		levels = append(levels, hd.inv...)
		for src := range srcs {
			for _, l := range hd.file {
				if l.src == src {
					levels = append(levels, l.level)
				}
			}
		}
		h := buildHost(hd.name, levels, conns)
		for _, g := range order {
			if g != m.ungrouped {
				h.Groups = append(h.Groups, g.name)
			}
		}
		slices.Sort(h.Groups)
		for _, d := range hd.deps {
			h.DependsOn = append(h.DependsOn, d.name)
		}
		h.own = mergeLevels(hd.inv, hd.file, srcs)
		inv.Hosts = append(inv.Hosts, h)
	}
	diags = append(diags, conns.diags...)
	diags = append(diags, m.checkDependencies()...)

	for _, g := range m.groups {
		raw := mergeLevels(g.inv, g.file, srcs)
		out := &Group{Name: g.name, Vars: unmarked(raw), raw: raw, Priority: g.priority}
		for _, h := range g.hosts {
			out.Members = append(out.Members, h.name)
		}
		for _, h := range groupHosts(g) {
			out.Hosts = append(out.Hosts, h.name)
		}
		for _, c := range g.children {
			out.Children = append(out.Children, c.name)
		}
		inv.Groups = append(inv.Groups, out)
	}
	return inv, diags
}

// fileLevels lists the group_vars/ levels of groups, source by source.
func fileLevels(srcs int, groups []*groupDef) []level {
	var out []level
	for src := range srcs {
		for _, g := range groups {
			for _, l := range g.file {
				if l.src == src {
					out = append(out, l.level)
				}
			}
		}
	}
	return out
}

// mergeLevels is what a group or host sets itself: its inventory-file
// variables, then its variables files, source by source.
func mergeLevels(inv []level, file []fileLevel, srcs int) map[string]cty.Value {
	out := map[string]cty.Value{}
	for _, l := range inv {
		for k, v := range l.vars {
			out[k] = v
		}
	}
	for src := range srcs {
		for _, l := range file {
			if l.src == src {
				for k, v := range l.vars {
					out[k] = v
				}
			}
		}
	}
	return out
}

// unmarked returns vars without the marks of values decrypted from
// Ansible Vault, which stay inside this package.
func unmarked(vars map[string]cty.Value) map[string]cty.Value {
	out := make(map[string]cty.Value, len(vars))
	for k, v := range vars {
		out[k], _ = v.UnmarkDeep()
	}
	return out
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
// no level gives. HCL levels carry connection settings of their own;
// Ansible's connection variables are then read from the merged
// variables, whichever file set them.
func buildHost(name string, levels []level, conns *connDiags) *Host {
	var c conn
	h := &Host{Name: name, Address: name, Port: 22, Vars: map[string]cty.Value{}}
	origin := map[string]hcl.Range{}
	for _, l := range levels {
		c.overlay(l.conn)
		for k, v := range l.vars {
			h.Vars[k] = v
			origin[k] = l.rngs[k]
		}
	}
	h.raw = h.Vars
	h.Vars = unmarked(h.raw)
	c.overlay(conns.ansible(h, origin))
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
