package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/zclconf/go-cty/cty"
)

// invCmd shows what switchback makes of an inventory, without connecting.
type invCmd struct {
	List  invListCmd  `cmd:"" help:"List the hosts with their address and groups."`
	Graph invGraphCmd `cmd:"" help:"Show the tree of groups and their hosts, like ansible-inventory --graph."`
	Host  invHostCmd  `cmd:"" help:"Show the connection settings and variables of one host, after precedence."`
}

type invSource struct {
	inventoryFlags
}

type invListCmd struct {
	invSource
	Limit  []string `placeholder:"PATTERN" sep:"," help:"Only hosts matching these patterns, as for plan and run."`
	Format string   `enum:"text,json" default:"text" help:"text: a table of hosts; json: ansible-inventory --list's shape (groups, their hosts and children, _meta.hostvars), to diff with Ansible's."`
	Export bool     `help:"With --format json, as ansible-inventory --list --export: each group's own variables, and each host's own rather than merged."`
}

func (c *invListCmd) Run(env *Env) error {
	inv, err := c.load(env)
	if err != nil {
		return err
	}
	if c.Format == "json" {
		if len(c.Limit) > 0 {
			return fmt.Errorf("--format json lists the whole inventory, as ansible-inventory --list does; leave out --limit")
		}
		return inv.WriteAnsibleJSON(env.Stdout, c.Export)
	}
	if c.Export {
		return fmt.Errorf("--export goes with --format json")
	}
	hosts, err := limitedHosts(env, inv, c.Limit)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "HOST\tADDRESS\tGROUPS")
	unsupported := 0
	for _, h := range hosts {
		endpoint := h.Endpoint()
		if h.Unsupported != "" {
			endpoint, unsupported = "(not supported)", unsupported+1
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", h.Name, endpoint, orDash(strings.Join(h.Groups, ", ")))
	}
	tw.Flush()
	fmt.Fprintf(env.Stdout, "\n%d host(s)\n", len(hosts))
	if unsupported > 0 {
		fmt.Fprintf(env.Stdout, "%d host(s) not supported as described: 'switchback inventory host NAME' says why; runs refuse them.\n", unsupported)
	}
	return nil
}

type invGraphCmd struct {
	Group string `arg:"" optional:"" default:"all" help:"The group to start from (default: all)."`
	invSource
}

// Run prints the group tree in ansible-inventory's --graph layout: child
// groups first, then the group's own hosts, each sorted by name.
func (c *invGraphCmd) Run(env *Env) error {
	inv, err := c.load(env)
	if err != nil {
		return err
	}
	if inv.Group(c.Group) == nil {
		return fmt.Errorf("%s has no group named %q", inv.Path, c.Group)
	}
	var walk func(name string, depth int)
	walk = func(name string, depth int) {
		g := inv.Group(name)
		graphLine(env.Stdout, "@"+name+":", depth)
		for _, child := range slices.Sorted(slices.Values(g.Children)) {
			if child == "ungrouped" && len(inv.Group(child).Hosts) == 0 {
				continue
			}
			walk(child, depth+1)
		}
		if name == "all" {
			return
		}
		for _, h := range slices.Sorted(slices.Values(g.Members)) {
			graphLine(env.Stdout, h, depth+1)
		}
	}
	walk(c.Group, 0)
	return nil
}

func graphLine(w io.Writer, text string, depth int) {
	if depth > 0 {
		text = strings.Repeat("  |", depth) + "--" + text
	}
	fmt.Fprintln(w, text)
}

type invHostCmd struct {
	Name string `arg:"" help:"The host's name in the inventory."`
	invSource
}

// sensitive names variables whose values are not printed: Ansible's
// ansible_ssh_pass and ansible_become_pass among them.
var sensitive = regexp.MustCompile(`(?i)pass|secret|token|key`)

func (c *invHostCmd) Run(env *Env) error {
	inv, err := c.load(env)
	if err != nil {
		return err
	}
	h := inv.Host(c.Name)
	if h == nil {
		return fmt.Errorf("%s has no host named %q", inv.Path, c.Name)
	}
	become := "no"
	if h.Become {
		become = "yes, with " + h.BecomeMethod
	}
	w := env.Stdout
	fmt.Fprintf(w, "Host %s\n", h.Name)
	if h.Unsupported != "" {
		fmt.Fprintf(w, "  not supported: %s\n", h.Unsupported)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, row := range [][2]string{
		{"address", h.Address},
		{"port", fmt.Sprint(h.Port)},
		{"user", h.User},
		{"identity_file", orDash(h.IdentityFile)},
		{"become", become},
		{"jump", orDash(h.Jump)},
		{"groups", orDash(strings.Join(h.Groups, ", "))},
	} {
		fmt.Fprintf(tw, "  %s\t%s\n", row[0], row[1])
	}
	tw.Flush()
	if len(h.Vars) == 0 {
		fmt.Fprintln(w, "\nNo variables.")
		return nil
	}
	fmt.Fprintf(w, "\nVariables (%d):\n", len(h.Vars))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, name := range slices.Sorted(maps.Keys(h.Vars)) {
		value := renderVar(name, h.Vars[name])
		if h.Sealed(name) {
			value = "(vault)"
		} else if strings.Contains(value, "{{") || strings.Contains(value, "{%") {
			value += "  (Jinja: not evaluated, passed on as text)"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, value)
	}
	tw.Flush()
	return nil
}

// renderVar writes a value the way HCL would, masking the values of
// sensitive names at any depth.
func renderVar(name string, v cty.Value) string {
	if sensitive.MatchString(name) {
		return "(sensitive)"
	}
	switch {
	case v.IsNull():
		return "null"
	case !v.IsKnown():
		return "(unknown)"
	}
	t := v.Type()
	switch {
	case t == cty.String:
		b, _ := json.Marshal(v.AsString())
		return string(b)
	case t == cty.Number:
		return v.AsBigFloat().Text('f', -1)
	case t == cty.Bool:
		return fmt.Sprint(v.True())
	case t.IsObjectType() || t.IsMapType():
		var parts []string
		m := v.AsValueMap()
		for _, k := range slices.Sorted(maps.Keys(m)) {
			parts = append(parts, hclKey(k)+" = "+renderVar(k, m[k]))
		}
		if len(parts) == 0 {
			return "{}"
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case t.IsTupleType() || t.IsListType() || t.IsSetType():
		var parts []string
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			parts = append(parts, renderVar("", e))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return v.GoString()
}

var hclIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func hclKey(k string) string {
	if hclIdent.MatchString(k) {
		return k
	}
	b, _ := json.Marshal(k)
	return string(b)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
