package playbooks

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// AlwaysTag marks a step that runs whatever --tags says, unless
// --skip-tags names it.
const AlwaysTag = "always"

// Selection chooses part of a playbook for one run.
type Selection struct {
	Tags     []string // run only steps with one of these tags (and "always" ones)
	SkipTags []string // never run steps with one of these tags
	// StartAt skips the phases before this one.
	StartAt string
}

// Select returns the playbook with only the selected steps and phases.
// Gates and handlers are kept whole: a gate guards the rollout and a
// handler runs only when a selected step notifies it. Tags that no step
// carries and an unknown phase are errors, since they usually mean a typo
// and a run that silently does nothing.
func (p *Playbook) Select(sel Selection) (*Playbook, error) {
	if len(sel.Tags) == 0 && len(sel.SkipTags) == 0 && sel.StartAt == "" {
		return p, nil
	}
	known := map[string]bool{AlwaysTag: true}
	for _, ph := range p.Phases {
		for _, st := range ph.Steps {
			for _, t := range st.Meta.Tags {
				known[t] = true
			}
		}
	}
	for _, t := range append(slices.Clone(sel.Tags), sel.SkipTags...) {
		if !known[t] {
			return nil, fmt.Errorf("no step has the tag %q; the playbook's tags are: %s", t, tagList(known))
		}
	}
	phases := p.Phases
	if sel.StartAt != "" {
		i := slices.IndexFunc(phases, func(ph *Phase) bool { return ph.Name == sel.StartAt })
		if i < 0 {
			var names []string
			for _, ph := range phases {
				names = append(names, fmt.Sprintf("%q", ph.Name))
			}
			return nil, fmt.Errorf("--start-at-phase %q: there is no such phase; the playbook's phases are %s", sel.StartAt, strings.Join(names, ", "))
		}
		phases = phases[i:]
	}
	out := *p
	out.Phases = nil
	for _, ph := range phases {
		kept := *ph
		kept.Steps = nil
		for _, st := range ph.Steps {
			if sel.keeps(st.Meta.Tags) {
				kept.Steps = append(kept.Steps, st)
			}
		}
		out.Phases = append(out.Phases, &kept)
	}
	return &out, nil
}

func (sel Selection) keeps(tags []string) bool {
	for _, t := range tags {
		if slices.Contains(sel.SkipTags, t) {
			return false
		}
	}
	if len(sel.Tags) == 0 || slices.Contains(tags, AlwaysTag) {
		return true
	}
	for _, t := range tags {
		if slices.Contains(sel.Tags, t) {
			return true
		}
	}
	return false
}

func tagList(known map[string]bool) string {
	var tags []string
	for t := range known {
		tags = append(tags, fmt.Sprintf("%q", t))
	}
	sort.Strings(tags)
	return strings.Join(tags, ", ")
}
