// Package playbooks loads HCL playbooks in two phases, as Packer does:
// the file is parsed against a schema, variables are resolved first, and
// only then are the phases and their steps decoded with those variables
// in scope. Every problem is an hcl.Diagnostic with a source range.
package playbooks

import (
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// Playbook is a loaded, fully decoded playbook.
type Playbook struct {
	Name        string
	Description string
	Path        string
	// Hosts are the inventory patterns the playbook targets ("all" by default).
	Hosts     []string
	Variables []*Variable
	Locals    []*Local
	Phases    []*Phase
	// Rollout is the route map as written; fields left out are unset, to
	// be filled from flags and then defaults (rollout.Route.Resolve).
	Rollout rollout.Route
	// Rollouts are the named route maps of a hybrid rollout, in the order
	// they run (after first); hosts in none of them follow Rollout.
	Rollouts []*NamedRollout
	// Gate holds the checks each host must pass after it converged; nil
	// without a gate block.
	Gate *Gate
	// Snapshot saves a host before its first change, as the snapshot
	// block says; nil when the playbook has no snapshot block.
	Snapshot snapshot.Provider
	// Handlers run when notified, in the order they are declared.
	Handlers []*Handler

	// scope is the load-time scope (var.*, local.*, functions) that host
	// scopes extend; registered lists every register name, in file order.
	scope      *hcl.EvalContext
	registered []string
	usesFacts  bool
	sensitive  []string
}

// Variable is a declared input with its resolved value.
type Variable struct {
	Name        string
	Description string
	Type        cty.Type
	// Value has no marks, so any code may read it.
	Value cty.Value
	// Sensitive values are never printed (see Playbook.SensitiveValues).
	Sensitive bool
	DeclRange hcl.Range
}

// Phase is a named, ordered group of steps.
type Phase struct {
	Name      string
	Steps     []*Step
	DependsOn []string // phases that run before this one
	// FlushHandlers runs the handlers notified so far at the end of the
	// phase rather than at the end of the host's run.
	FlushHandlers bool
	// OnRollback are steps for what no snapshot holds (leaving a load
	// balancer, undoing a migration): when a host is rolled back, those
	// of the phases it entered run in reverse phase order, before its
	// snapshot is restored.
	OnRollback []*Step
	DeclRange  hcl.Range
}

// NamedRollout gives the hosts of some groups their own route map.
type NamedRollout struct {
	Name      string
	Groups    []string
	After     []string
	Route     rollout.Route
	Gate      *Gate
	DeclRange hcl.Range

	afterRange hcl.Range
}

// Gate is the health check of a rollout: after a host converged and
// Soak has passed, its steps run on the host, and a failing one fails the
// host like any step would.
type Gate struct {
	Soak  time.Duration
	Steps []*Step
}

// Step is one block inside a phase, gate or handler.
type Step struct {
	Type string
	Name string
	Meta StepMeta
	// Module is the step decoded at load time. It is nil for a step that
	// refers to host values (host, facts, each, registered) or has a
	// for_each: such a step is decoded for each host (Instances).
	Module    modules.Module
	DeclRange hcl.Range
	// Sensitive says the step refers to a sensitive value (a variable, a
	// local computed from one, a result registered by such a step): its
	// diffs are never shown.
	Sensitive bool

	body     hcl.Body
	registry *modules.Registry
}

// Handler is a named list of steps that runs on a host once, after the
// host's phases (or at the end of a phase that flushes handlers), if a
// step that changed something notified it.
type Handler struct {
	Name      string
	Steps     []*Step
	DeclRange hcl.Range
}

// StepCount counts the steps of every phase.
func (p *Playbook) StepCount() int {
	n := 0
	for _, ph := range p.Phases {
		n += len(ph.Steps)
	}
	return n
}

// Writes lists the paths the playbook's steps say they write, so that
// snapshots hold them without the playbook naming them again. A step
// decoded per host says what it writes only on the host; such paths are
// listed in the snapshot block.
func (pb *Playbook) Writes() []string {
	var paths []string
	steps := []*Step{}
	for _, ph := range pb.Phases {
		steps = append(steps, ph.Steps...)
	}
	for _, h := range pb.Handlers {
		steps = append(steps, h.Steps...)
	}
	for _, st := range steps {
		if w, ok := st.Module.(modules.Writer); ok {
			paths = append(paths, w.Writes()...)
		}
	}
	return paths
}
