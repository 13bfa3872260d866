package main

import "fmt"

type validateCmd struct {
	playbookArgs
	Inventory string `short:"i" help:"Also check this inventory file."`
}

func (c *validateCmd) Run(env *Env) error {
	var ta *targetArgs
	if c.Inventory != "" {
		ta = &targetArgs{Inventory: c.Inventory}
	}
	l, err := load(env, c.playbookArgs, ta)
	if err != nil {
		return err
	}
	pb := l.playbook
	fmt.Fprintf(env.Stdout, "%s: playbook %q is valid: %d phase(s), %d step(s)\n", c.Playbook, pb.Name, len(pb.Phases), pb.StepCount())
	if ta != nil {
		fmt.Fprintf(env.Stdout, "%s: inventory is valid: the playbook targets %d host(s)\n", c.Inventory, len(l.hosts))
	}
	return nil
}
