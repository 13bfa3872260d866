package main

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// playbookArgs are the arguments of every command that reads a playbook.
type playbookArgs struct {
	Playbook string   `arg:"" help:"Playbook file (.hcl)."`
	Vars     []string `name:"var" sep:"none" placeholder:"NAME=VALUE" help:"Set a playbook variable (repeatable; wins over var files and SWITCHBACK_VAR_NAME)."`
	VarFiles []string `name:"var-file" sep:"none" placeholder:"FILE" help:"Read variables from an HCL file of NAME = VALUE lines (repeatable; later files win)."`
}

// targetArgs choose the hosts of a plan or run.
type targetArgs struct {
	inventoryFlags
	Limit []string `placeholder:"PATTERN" sep:"," help:"Only hosts matching these patterns: names, groups, web*, ~regex, @file; a:b (or), a:&b (and), a:!b (not); web[0], web[-1], web[1:3] pick from a group in its order."`
	Shard string   `placeholder:"I/N" help:"Only slice I of N of the hosts in scope (sorted by name, near-equal slices), so N jobs cover every host once. Failure thresholds then apply to each slice on its own."`
}

// selectArgs choose part of a playbook for a plan or run.
type selectArgs struct {
	Tags         []string `placeholder:"TAG" sep:"," help:"Only steps with one of these tags (and steps tagged always)."`
	SkipTags     []string `placeholder:"TAG" sep:"," help:"Leave out steps with one of these tags."`
	StartAtPhase string   `placeholder:"PHASE" help:"Start at this phase; earlier phases are left out."`
}

func (s selectArgs) apply(pb *playbooks.Playbook) (*playbooks.Playbook, error) {
	return pb.Select(playbooks.Selection{Tags: s.Tags, SkipTags: s.SkipTags, StartAt: s.StartAtPhase})
}

// loaded is a playbook and, when asked for, an inventory and the hosts
// selected from it.
type loaded struct {
	playbook *playbooks.Playbook
	inv      *inventory.Inventory
	hosts    []*inventory.Host
	// files are the parsed sources, which diagnostics quote.
	files  map[string]*hcl.File
	loader *playbooks.Loader
	// warnings are about the host patterns: one that matched nothing.
	warnings []string
}

// load reads the playbook and inventory, printing every diagnostic of
// both at once. Any error means exit code 1 and nothing touched.
func load(env *Env, pa playbookArgs, ta *targetArgs) (*loaded, error) {
	out, diags, err := readAll(env, pa, ta)
	if err != nil {
		return nil, err
	}
	// Lines that set sensitive values are shown with (sensitive) in place.
	files, shown := out.loader.ForDisplay(out.files, diags)
	if err := diag.Write(env.Stderr, files, shown, env.StderrTerminal); err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, exitError{runner.ExitUsage}
	}
	err = out.selectHosts(ta)
	warnPatterns(env, out.warnings)
	if err != nil {
		return nil, err
	}
	if ta != nil {
		if err := checkSupported(out.hosts); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readAll parses and decodes the playbook and the inventory, returning
// the diagnostics of both.
func readAll(env *Env, pa playbookArgs, ta *targetArgs) (*loaded, hcl.Diagnostics, error) {
	parser := hclparse.NewParser()
	var diags hcl.Diagnostics
	vars, err := playbooks.ParseVarFlags(pa.Vars)
	if err != nil {
		return nil, nil, err
	}
	l := &playbooks.Loader{Parser: parser, Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
	pb, moreDiags := l.Load(pa.Playbook, &playbooks.Values{Files: pa.VarFiles, Getenv: env.Getenv, Flags: vars})
	diags = append(diags, moreDiags...)

	out := &loaded{playbook: pb, files: parser.Files(), loader: l}
	if ta != nil {
		inv, moreDiags, err := ta.read(parser, env.Getenv)
		if err != nil {
			return nil, nil, err
		}
		out.inv = inv
		diags = append(diags, moreDiags...)
	}
	return out, diags, nil
}

// selectHosts picks the hosts of a loaded playbook and inventory.
func (out *loaded) selectHosts(ta *targetArgs) error {
	if ta == nil {
		return nil
	}
	var err error
	if out.hosts, out.warnings, err = out.inv.Select(out.playbook.Hosts); err != nil {
		return err
	}
	if len(ta.Limit) > 0 {
		var warnings []string
		out.hosts, warnings, err = out.inv.Limit(out.hosts, ta.Limit)
		out.warnings = append(out.warnings, warnings...)
		if err != nil {
			return err
		}
	}
	if ta.Shard != "" {
		s, err := parseShard(ta.Shard)
		if err != nil {
			return err
		}
		out.hosts = s.Hosts(out.hosts)
	}
	return nil
}
