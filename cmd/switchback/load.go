package main

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner"
)

// playbookArgs are the arguments of every command that reads a playbook.
type playbookArgs struct {
	Playbook string   `arg:"" help:"Playbook file (.hcl)."`
	Vars     []string `name:"var" placeholder:"NAME=VALUE" help:"Set a playbook variable (repeatable)."`
}

// targetArgs choose the hosts of a plan or run.
type targetArgs struct {
	Inventory string   `short:"i" required:"" help:"Inventory: an .hcl file, an Ansible INI or YAML file, or a directory of them."`
	Limit     []string `placeholder:"PATTERN" sep:"," help:"Only hosts matching these patterns: names, groups, web*, ~regex, @file; a:b (or), a:&b (and), a:!b (not)."`
	Shard     string   `placeholder:"I/N" help:"Only slice I of N of the hosts in scope (sorted by name, near-equal slices), so N jobs cover every host once. Failure thresholds then apply to each slice on its own."`
}

// loaded is a playbook and, when asked for, an inventory and the hosts
// selected from it.
type loaded struct {
	playbook *playbooks.Playbook
	hosts    []*inventory.Host
}

// load reads the playbook and inventory, printing every diagnostic of
// both at once. Any error means exit code 1 and nothing touched.
func load(env *Env, pa playbookArgs, ta *targetArgs) (*loaded, error) {
	parser := hclparse.NewParser()
	var diags hcl.Diagnostics
	vars, err := playbooks.ParseVarFlags(pa.Vars)
	if err != nil {
		return nil, err
	}
	l := &playbooks.Loader{Parser: parser, Registry: modules.Builtin()}
	pb, moreDiags := l.Load(pa.Playbook, vars)
	diags = append(diags, moreDiags...)

	var inv *inventory.Inventory
	if ta != nil {
		inv, moreDiags = inventory.Load(parser, ta.Inventory)
		diags = append(diags, moreDiags...)
	}
	if err := diag.Write(env.Stderr, parser.Files(), diags, env.StderrTerminal); err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, exitError{runner.ExitUsage}
	}
	out := &loaded{playbook: pb}
	if ta == nil {
		return out, nil
	}
	if out.hosts, err = inv.Select(pb.Hosts); err != nil {
		return nil, err
	}
	if len(ta.Limit) > 0 {
		if out.hosts, err = inv.Limit(out.hosts, ta.Limit); err != nil {
			return nil, err
		}
	}
	if ta.Shard != "" {
		s, err := parseShard(ta.Shard)
		if err != nil {
			return nil, err
		}
		out.hosts = s.hosts(out.hosts)
	}
	return out, nil
}

// loadInventory reads an inventory alone, for commands that act on hosts
// without a playbook; its diagnostics are printed like any other.
func loadInventory(env *Env, source string) (*inventory.Inventory, error) {
	parser := hclparse.NewParser()
	inv, diags := inventory.Load(parser, source)
	if err := diag.Write(env.Stderr, parser.Files(), diags, env.StderrTerminal); err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, exitError{runner.ExitUsage}
	}
	return inv, nil
}
