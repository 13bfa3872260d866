package main

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/runner"
)

type validateCmd struct {
	playbookArgs
	inventoryFlags
	Format string `enum:"text,json" default:"text" help:"Output: text, or json (an array of diagnostics with file, line and column, for editors and CI)."`
}

func (c *validateCmd) Run(env *Env) error {
	var ta *targetArgs
	if len(c.Inventory) > 0 {
		ta = &targetArgs{inventoryFlags: c.inventoryFlags}
	}
	if c.Format == "json" {
		return c.runJSON(env, ta)
	}
	l, err := load(env, c.playbookArgs, ta)
	if err != nil {
		return err
	}
	pb := l.playbook
	fmt.Fprintf(env.Stdout, "%s: playbook %q is valid: %d phase(s), %d step(s)\n", c.Playbook, pb.Name, len(pb.Phases), pb.StepCount())
	if ta != nil {
		fmt.Fprintf(env.Stdout, "%s: inventory is valid: the playbook targets %d host(s)\n", c.sources(), len(l.hosts))
	}
	return nil
}

// runJSON prints every diagnostic, problems outside any file included,
// as one JSON array on stdout; the exit code says whether any is an error.
func (c *validateCmd) runJSON(env *Env, ta *targetArgs) error {
	l, diags, err := readAll(env, c.playbookArgs, ta)
	if err == nil && !diags.HasErrors() {
		err = l.selectHosts(ta)
	}
	if err != nil {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: err.Error()})
	}
	if err := diag.WriteJSON(env.Stdout, diags); err != nil {
		return err
	}
	if diags.HasErrors() {
		return exitError{runner.ExitUsage}
	}
	return nil
}
