package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
)

type planCmd struct {
	playbookArgs
	targetArgs
	selectArgs
	routeFlags
}

// Run prints the plan of a run without connecting anywhere: which hosts,
// in which order, and the steps each host will go through.
func (c *planCmd) Run(env *Env) error {
	l, err := load(env, c.playbookArgs, &c.targetArgs)
	if err != nil {
		return err
	}
	if l.playbook, err = c.selectArgs.apply(l.playbook); err != nil {
		return err
	}
	pb := l.playbook
	segs, err := runner.PlanSegments(pb, l.hosts, c.routeFlags.apply)
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "Playbook %q (%s)\n", pb.Name, pb.Path)
	if pb.Description != "" {
		fmt.Fprintf(w, "  %s\n", pb.Description)
	}
	i := 0
	for s, seg := range segs {
		printRoute(w, seg, len(segs))
		numbered := len(seg.Route.WaveSizes(len(seg.Hosts))) > 1 || len(segs) > 1
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for pw := range runner.Waves(segs) {
			if pw.Segment != s {
				continue
			}
			if numbered {
				fmt.Fprintf(tw, "  wave %d: %d host(s), tolerates %d failure(s)\n", pw.Index, len(pw.Hosts), seg.Route.MaxFail.Tolerance(len(pw.Hosts)))
			}
			for _, h := range pw.Hosts {
				i++
				fmt.Fprintf(tw, "  %3d.\t%s\t%s\n", i, h.Name, h.Endpoint())
			}
		}
		tw.Flush()
	}

	fmt.Fprintf(w, "\nSteps on each host: %d phase(s), %d step(s)\n", len(pb.Phases), pb.StepCount())
	n := 0
	for _, ph := range pb.Phases {
		fmt.Fprintf(w, "  phase %q\n", ph.Name)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, st := range ph.Steps {
			n++
			fmt.Fprintf(tw, "  %3d.\t%s %q\t%s%s\n", n, st.Type, st.Name, pb.MaskSensitive(st.Summary()), metaNote(st.Meta))
		}
		tw.Flush()
	}
	if len(l.hosts) == 0 {
		fmt.Fprintln(w, "\nNo host matches: a run would do nothing.")
	}
	fmt.Fprintln(w, "\nNo host was contacted. 'switchback run' with the same arguments applies this plan.")
	return nil
}

// metaNote adds what decides whether and how often a step runs.
func metaNote(m playbooks.StepMeta) string {
	var notes []string
	if m.When != nil {
		notes = append(notes, "when")
	}
	if m.ForEach != nil {
		notes = append(notes, "for_each")
	}
	if len(m.Tags) > 0 {
		notes = append(notes, "tags "+strings.Join(m.Tags, ","))
	}
	if len(m.Notify) > 0 {
		notes = append(notes, "notifies "+strings.Join(m.Notify, ", "))
	}
	if len(notes) == 0 {
		return ""
	}
	return " [" + strings.Join(notes, "; ") + "]"
}

// printRoute heads a segment's hosts with its route map.
func printRoute(w io.Writer, seg runner.Segment, segments int) {
	route := seg.Route
	sizes := route.WaveSizes(len(seg.Hosts))
	title := "Hosts"
	if seg.Name != "" {
		title = fmt.Sprintf("Rollout %q", seg.Name)
	} else if segments > 1 {
		title = "Other hosts"
	}
	if route.Strategy == rollout.Serial {
		fmt.Fprintf(w, "\n%s: %d, serially, in this order", title, len(seg.Hosts))
	} else {
		fmt.Fprintf(w, "\n%s: %d, in %d wave(s), %d at a time, by %s", title, len(seg.Hosts), len(sizes), route.Forks, route.Order)
	}
	var halts []string
	if route.MaxFail.Limited() {
		halts = append(halts, fmt.Sprintf("more than max_fail %s of a wave", route.MaxFail))
	}
	if route.MaxFailTotal.Limited() {
		halts = append(halts, fmt.Sprintf("more than max_fail_total %s of these hosts", route.MaxFailTotal))
	}
	if len(halts) > 0 {
		fmt.Fprintf(w, "; halt when %s fail", strings.Join(halts, " or "))
	}
	fmt.Fprintln(w)
}
