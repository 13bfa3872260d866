package playbooks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/internal/hcldepth"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// Loader reads playbooks. The parser is shared with the caller so that
// diagnostics can be printed with the source lines they point at.
type Loader struct {
	Parser   *hclparse.Parser
	Registry *modules.Registry
	// Snapshots are the snapshot providers a snapshot block may name.
	Snapshots snapshot.Types

	// hidden are where the values of sensitive variables are written, by
	// file (see ForDisplay).
	hidden map[string][]span
}

// Load parses and decodes the playbook at path. vals are the values given
// to its variables from outside (nil: defaults only). All diagnostics
// found are returned together; the playbook is nil when any of them is an
// error.
func (l *Loader) Load(path string, vals *Values) (*Playbook, hcl.Diagnostics) {
	if _, err := os.Stat(path); err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Playbook not found",
			Detail:   fmt.Sprintf("The playbook %q cannot be read: %v. Check the path (playbooks/examples/ holds examples).", path, errors.Unwrap(err)),
		}}
	}
	f, diags := hcldepth.ParseHCLFile(l.Parser, path)
	if diags.HasErrors() {
		return nil, diags
	}
	content, moreDiags := f.Body.Content(fileSchema)
	explainUnsupported(moreDiags, "A playbook file", blockTypes(fileSchema), nil, nil, `Steps go inside a phase "name" { } block.`)
	diags = append(diags, withoutOptionalLabels(moreDiags)...)

	pb := &Playbook{Path: path, Hosts: []string{"all"}}
	var playbookBlocks, phaseBlocks []*hcl.Block
	var variableBlocks, localsBlocks, rolloutBlocks, snapshotBlocks, handlerBlocks []*hcl.Block
	for _, b := range content.Blocks {
		switch b.Type {
		case "variable":
			variableBlocks = append(variableBlocks, b)
		case "locals":
			localsBlocks = append(localsBlocks, b)
		case "phase":
			phaseBlocks = append(phaseBlocks, b)
		case "snapshot":
			snapshotBlocks = append(snapshotBlocks, b)
		case "handler":
			handlerBlocks = append(handlerBlocks, b)
		}
	}

	// A rollout block may carry a name (a hybrid rollout) or not, and so
	// may the playbook block (playbook "name" { } names it); the schema
	// cannot say "zero or one label", so they are read here.
	var namedBlocks []*hcl.Block
	if sb, ok := f.Body.(*hclsyntax.Body); ok {
		for _, b := range sb.Blocks {
			if b.Type == "playbook" {
				playbookBlocks = append(playbookBlocks, b.AsHCLBlock())
				continue
			}
			if b.Type != "rollout" {
				continue
			}
			switch hb := b.AsHCLBlock(); len(hb.Labels) {
			case 0:
				rolloutBlocks = append(rolloutBlocks, hb)
			case 1:
				namedBlocks = append(namedBlocks, hb)
			default:
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError, Summary: "Too many labels on rollout",
					Detail:  `Write rollout { ... } for the route map of every host, or rollout "name" { groups = [...] ... } for some groups.`,
					Subject: hb.LabelRanges[1].Ptr(),
				})
			}
		}
	}

	// Phase one: variables and locals, which everything else may refer to.
	baseDir := filepath.Dir(path)
	pb.Variables, moreDiags = l.decodeVariables(variableBlocks, vals, baseDir)
	diags = append(diags, moreDiags...)
	varsFailed := moreDiags.HasErrors()
	pb.Locals, moreDiags = decodeLocals(localsBlocks, pb.Variables, baseDir)
	diags = append(diags, moreDiags...)
	varsFailed = varsFailed || moreDiags.HasErrors()
	pb.sensitive = collectSensitive(pb.Variables, pb.Locals)
	ctx := evalContext(pb.Variables, pb.Locals, baseDir)
	pb.scope = ctx

	// Phase two: the playbook header and the phases, with var.* and local.*
	// in scope; steps also see host values, unknown until a host runs
	// them. Then the phases are put in depends_on order.
	diags = append(diags, decodeHeader(pb, playbookBlocks, f.Body, ctx)...)
	pb.registered = registerNames(f.Body, ctx)
	stepCtx := validationScope(ctx, pb.registered)
	pb.Rollout, pb.Gate, moreDiags = l.decodeRollout(rolloutBlocks, stepCtx)
	diags = append(diags, moreDiags...)
	pb.Rollouts, moreDiags = l.decodeNamedRollouts(namedBlocks, stepCtx)
	diags = append(diags, moreDiags...)
	seen := map[string]*hcl.Block{}
	phaseDeps := map[string][]phaseRef{}
	for _, b := range phaseBlocks {
		name := b.Labels[0]
		if prev, dup := seen[name]; dup {
			diags = append(diags, diag.Duplicate("Duplicate phase", fmt.Sprintf("A phase named %q", name),
				prev.DefRange, b.LabelRanges[0], "Give each phase its own name."))
			continue
		}
		seen[name] = b
		phase, moreDiags := l.decodePhase(b, stepCtx)
		diags = append(diags, dropCascades(moreDiags, varsFailed)...)
		pb.Phases = append(pb.Phases, phase)
		phaseDeps[name], moreDiags = decodeDependsOn(b)
		diags = append(diags, moreDiags...)
	}
	pb.Phases, moreDiags = orderPhases(pb.Phases, phaseDeps)
	diags = append(diags, moreDiags...)
	pb.Handlers, moreDiags = l.decodeHandlers(handlerBlocks, stepCtx)
	diags = append(diags, dropCascades(moreDiags, varsFailed)...)
	pb.Snapshot, moreDiags = l.decodeSnapshot(snapshotBlocks, ctx, pb.Writes())
	diags = append(diags, moreDiags...)
	diags = append(diags, pb.checkSteps()...)
	pb.markSensitiveSteps()
	if len(phaseBlocks) == 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No phases",
			Detail:   `A playbook needs at least one phase "name" { ... } block holding its steps.`,
			Subject:  f.Body.MissingItemRange().Ptr(),
		})
	}
	explainReferences(diags, pb.scopeNames(variableBlocks))
	if diags.HasErrors() {
		return nil, diags
	}
	return pb, diags
}

// scopeNames are the names the playbook declares, for messages about
// names it does not.
func (pb *Playbook) scopeNames(variableBlocks []*hcl.Block) scopeNames {
	var n scopeNames
	for _, b := range variableBlocks {
		n.vars = append(n.vars, b.Labels[0])
	}
	for _, lv := range pb.Locals {
		n.locals = append(n.locals, lv.Name)
	}
	n.registered = pb.registered
	return n
}

func decodeHeader(pb *Playbook, blocks []*hcl.Block, fileBody hcl.Body, ctx *hcl.EvalContext) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if len(blocks) == 0 {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Missing playbook block",
			Detail:   `Start the file with a playbook "name" { } block that names the playbook.`,
			Subject:  fileBody.MissingItemRange().Ptr(),
		}}
	}
	for _, extra := range blocks[1:] {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate playbook block",
			Detail:   fmt.Sprintf("A file holds one playbook; the first playbook block is at %s.", blocks[0].DefRange),
			Subject:  extra.DefRange.Ptr(),
		})
	}
	b := blocks[0]
	schema := playbookSchema
	if len(b.Labels) > 0 {
		schema = labelledPlaybookSchema
		pb.Name = b.Labels[0]
	}
	if len(b.Labels) > 1 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Too many labels on playbook",
			Detail:   `Name the playbook with one label, playbook "name" { ... }, or with name = "..." inside the block.`,
			Subject:  b.LabelRanges[1].Ptr(),
		})
	}
	content, moreDiags := b.Body.Content(schema)
	explainUnsupported(moreDiags, "The playbook block", nil, attrNames(schema), nil, "")
	diags = append(diags, moreDiags...)
	if a, ok := content.Attributes["name"]; ok {
		var name string
		d := gohcl.DecodeExpression(a.Expr, ctx, &name)
		diags = append(diags, d...)
		switch {
		case d.HasErrors():
		case len(b.Labels) > 0 && name != pb.Name:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Playbook named twice",
				Detail:   fmt.Sprintf("The label names the playbook %q and name = %q; keep one of them.", pb.Name, name),
				Subject:  a.Expr.Range().Ptr(),
				Context:  hcl.RangeBetween(b.DefRange, a.Range).Ptr(),
			})
		default:
			pb.Name = name
		}
	}
	if a, ok := content.Attributes["description"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &pb.Description)...)
	}
	if a, ok := content.Attributes["hosts"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &pb.Hosts)...)
	}
	return diags
}

func (l *Loader) decodePhase(b *hcl.Block, ctx *hcl.EvalContext) (*Phase, hcl.Diagnostics) {
	phase := &Phase{Name: b.Labels[0], DeclRange: b.DefRange}
	schema := phaseSchema(l.Registry.Names())
	schema.Attributes = append(schema.Attributes, hcl.AttributeSchema{Name: "flush_handlers"})
	schema.Blocks = append(schema.Blocks, hcl.BlockHeaderSchema{Type: "on_rollback"})
	content, diags := b.Body.Content(schema)
	explainUnsupported(diags, "A phase", blockTypes(schema), attrNames(schema), nil, "")
	if a, ok := content.Attributes["flush_handlers"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &phase.FlushHandlers)...)
	}
	var steps, undo hcl.Blocks
	for _, sb := range content.Blocks {
		if sb.Type == "on_rollback" {
			undo = append(undo, sb)
		} else {
			steps = append(steps, sb)
		}
	}
	var moreDiags hcl.Diagnostics
	phase.Steps, moreDiags = l.decodeSteps(fmt.Sprintf("phase %q", phase.Name), b.DefRange, steps, ctx, !diags.HasErrors())
	diags = append(diags, moreDiags...)
	for i, ub := range undo {
		if i > 0 {
			diags = append(diags, diag.Duplicate("Duplicate on_rollback block", "An on_rollback block", undo[0].DefRange, ub.DefRange, "Put every rollback step of the phase in one block."))
			continue
		}
		uc, moreDiags := ub.Body.Content(phaseSchema(l.Registry.Names()))
		diags = append(diags, moreDiags...)
		phase.OnRollback, moreDiags = l.decodeSteps(fmt.Sprintf("on_rollback of phase %q", phase.Name), ub.DefRange, uc.Blocks, ctx, !moreDiags.HasErrors())
		diags = append(diags, moreDiags...)
	}
	return phase, diags
}

// decodeHandlers reads handler "name" { <steps> } blocks.
func (l *Loader) decodeHandlers(blocks []*hcl.Block, ctx *hcl.EvalContext) ([]*Handler, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var out []*Handler
	seen := map[string]*hcl.Block{}
	for _, b := range blocks {
		name := b.Labels[0]
		if prev, dup := seen[name]; dup {
			diags = append(diags, diag.Duplicate("Duplicate handler", fmt.Sprintf("A handler named %q", name),
				prev.DefRange, b.LabelRanges[0], "Give each handler its own name."))
			continue
		}
		seen[name] = b
		content, moreDiags := b.Body.Content(phaseSchema(l.Registry.Names()))
		explainUnsupported(moreDiags, "A handler", l.Registry.Names(), nil, nil, "")
		diags = append(diags, moreDiags...)
		h := &Handler{Name: name, DeclRange: b.DefRange}
		h.Steps, moreDiags = l.decodeSteps(fmt.Sprintf("handler %q", name), b.DefRange, content.Blocks, ctx, !moreDiags.HasErrors())
		diags = append(diags, moreDiags...)
		out = append(out, h)
	}
	return out, diags
}

// decodeSteps decodes the step blocks of a phase, gate or handler; owner
// names it in messages. An empty list is an error unless the body already
// had one (a misspelt step type leaves it empty too).
func (l *Loader) decodeSteps(owner string, where hcl.Range, blocks hcl.Blocks, ctx *hcl.EvalContext, reportEmpty bool) ([]*Step, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var steps []*Step
	seen := map[string]*hcl.Block{}
	for _, sb := range blocks {
		name := sb.Labels[0]
		if prev, dup := seen[name]; dup {
			diags = append(diags, diag.Duplicate("Duplicate step name", fmt.Sprintf("A step named %q in %s", name, owner),
				prev.DefRange, sb.LabelRanges[0], "Step names identify results in reports, so each must be unique within its phase."))
			continue
		}
		seen[name] = sb
		st, moreDiags := l.decodeStep(sb, ctx)
		diags = append(diags, moreDiags...)
		steps = append(steps, st)
	}
	if len(blocks) == 0 && reportEmpty {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No steps",
			Detail:   fmt.Sprintf("The %s has no steps. Add a step block (one of: %s) or remove it.", owner, joinTypes(l.Registry.Names())),
			Subject:  where.Ptr(),
		})
	}
	return steps, diags
}

// evalContext is the scope every playbook expression is evaluated in:
// var.*, local.* and the functions. Values carry no marks there, because
// step decoding cannot take marked values; SensitiveValues keeps what
// must not be shown.
func evalContext(vars []*Variable, locals []*Local, baseDir string) *hcl.EvalContext {
	varValues := make(map[string]cty.Value, len(vars))
	for _, v := range vars {
		varValues[v.Name] = v.Value
	}
	localValues := make(map[string]cty.Value, len(locals))
	for _, lv := range locals {
		localValues[lv.Name] = lv.Value
	}
	return &hcl.EvalContext{
		Variables: map[string]cty.Value{
			"var":   cty.ObjectVal(varValues),
			"local": cty.ObjectVal(localValues),
		},
		Functions: Functions(baseDir),
	}
}

func joinTypes(types []string) string {
	s := ""
	for i, t := range types {
		if i > 0 {
			s += ", "
		}
		s += t
	}
	return s
}

// dropCascades removes errors that only repeat an earlier one. HCL adds
// "value must be known" after an expression failed inside (an unknown
// function, say), and every use of a variable whose own declaration is
// broken is unknown too; the first error is the one worth reading.
func dropCascades(diags hcl.Diagnostics, varsFailed bool) hcl.Diagnostics {
	var kept hcl.Diagnostics
	for _, d := range diags {
		if isUnknownValueError(d) {
			where := d.Subject
			if d.Context != nil {
				where = d.Context
			}
			if varsFailed || hasErrorWithin(diags, *where) {
				continue
			}
		}
		kept = append(kept, d)
	}
	return kept
}

func hasErrorWithin(diags hcl.Diagnostics, r hcl.Range) bool {
	for _, d := range diags {
		if d.Subject != nil && !isUnknownValueError(d) && d.Severity == hcl.DiagError &&
			d.Subject.Filename == r.Filename && r.ContainsOffset(d.Subject.Start.Byte) {
			return true
		}
	}
	return false
}

func isUnknownValueError(d *hcl.Diagnostic) bool {
	return d.Subject != nil && d.Summary == "Unsuitable value type" && strings.Contains(d.Detail, "value must be known")
}

// withoutOptionalLabels drops the schema's complaint about labelled
// rollout and playbook blocks, which Load reads itself.
func withoutOptionalLabels(diags hcl.Diagnostics) hcl.Diagnostics {
	var kept hcl.Diagnostics
	for _, d := range diags {
		if d.Summary != "Extraneous label for rollout" && d.Summary != "Extraneous label for playbook" {
			kept = append(kept, d)
		}
	}
	return kept
}
