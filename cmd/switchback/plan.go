package main

import (
	"fmt"
	"text/tabwriter"
)

type planCmd struct {
	playbookArgs
	targetArgs
}

// Run prints the plan of a run without connecting anywhere: which hosts,
// in which order, and the steps each host will go through.
func (c *planCmd) Run(env *Env) error {
	l, err := load(env, c.playbookArgs, &c.targetArgs)
	if err != nil {
		return err
	}
	pb := l.playbook
	w := env.Stdout
	fmt.Fprintf(w, "Playbook %q (%s)\n", pb.Name, pb.Path)
	if pb.Description != "" {
		fmt.Fprintf(w, "  %s\n", pb.Description)
	}
	fmt.Fprintf(w, "\nHosts: %d, serially, in this order\n", len(l.hosts))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, h := range l.hosts {
		fmt.Fprintf(tw, "  %3d.\t%s\t%s\n", i+1, h.Name, h.Endpoint())
	}
	tw.Flush()

	fmt.Fprintf(w, "\nSteps on each host: %d phase(s), %d step(s)\n", len(pb.Phases), pb.StepCount())
	n := 0
	for _, ph := range pb.Phases {
		fmt.Fprintf(w, "  phase %q\n", ph.Name)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, st := range ph.Steps {
			n++
			fmt.Fprintf(tw, "  %3d.\t%s %q\t%s\n", n, st.Type, st.Name, st.Module.Summary())
		}
		tw.Flush()
	}
	if len(l.hosts) == 0 {
		fmt.Fprintln(w, "\nNo host matches: a run would do nothing.")
	}
	fmt.Fprintln(w, "\nNo host was contacted. 'switchback run' with the same arguments applies this plan.")
	return nil
}
