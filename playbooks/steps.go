package playbooks

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/modules"
)

// StepMeta holds the attributes every step accepts besides its module's
// own: when it runs, how often, and what it does with its result.
type StepMeta struct {
	// When, if set, is a bool expression; false skips the step on a host.
	When hcl.Expression
	// ForEach, if set, makes one instance of the step per element of a map
	// or set, with each.key and each.value in scope.
	ForEach hcl.Expression
	Tags    []string
	// Notify names handlers to run once at the end of the host's run (or
	// of the phase, with flush_handlers) when this step changed something.
	Notify       []string
	IgnoreErrors bool
	// Timeout bounds the step's commands; 0 uses the run's --command-timeout.
	Timeout time.Duration
	// Retries is how many more times a failed step is tried, Delay apart.
	Retries int
	Delay   time.Duration
	// Become overrides the host's become setting for this step.
	Become *bool
	// Register names the step's result for later steps (registered.NAME).
	Register string
}

var stepMetaSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "when"}, {Name: "for_each"}, {Name: "tags"}, {Name: "notify"},
		{Name: "ignore_errors"}, {Name: "timeout"}, {Name: "retries"}, {Name: "delay"},
		{Name: "become"}, {Name: "register"},
	},
}

// metaSchema is the settings every step takes, less those the step type
// reads itself (wait_for's timeout is how long to wait).
func (l *Loader) metaSchema(typ string) *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, a := range stepMetaSchema.Attributes {
		if !l.Registry.Owns(typ, a.Name) {
			s.Attributes = append(s.Attributes, a)
		}
	}
	return s
}

// The roots of expressions whose value is only known on a host. A step
// that refers to one of them is decoded again for every host.
var hostRoots = []string{"host", "facts", "each", "registered"}

// Fact names, gathered from a host in one round trip when a playbook
// refers to facts.*.
var FactNames = []string{"os_id", "os_version", "arch", "init", "pkg_manager"}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// decodeStep splits a step block into its meta attributes and its
// module's body and decodes what can be decoded now. ctx is the load-time
// scope in which host values are unknown.
func (l *Loader) decodeStep(b *hcl.Block, ctx *hcl.EvalContext) (*Step, hcl.Diagnostics) {
	st := &Step{Type: b.Type, Name: b.Labels[0], DeclRange: b.DefRange, registry: l.Registry}
	content, body, diags := b.Body.PartialContent(l.metaSchema(b.Type))
	body = l.labelDefault(b, body)
	st.body = body
	diags = append(diags, decodeMeta(&st.Meta, content.Attributes, ctx)...)

	exprs := hostExpressions(body)
	scope := ctx
	if st.Meta.ForEach != nil {
		v, d := st.Meta.ForEach.Value(ctx)
		diags = append(diags, d...)
		if !d.HasErrors() && v.IsKnown() && !v.IsNull() && !v.Type().IsCollectionType() && !v.Type().IsObjectType() && !v.Type().IsTupleType() {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Invalid for_each",
				Detail:  "for_each takes a map or a set of strings; here it is " + describe(v) + ".",
				Subject: st.Meta.ForEach.Range().Ptr(),
			})
		}
		scope = withEach(ctx, cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal}))
	}
	if st.Meta.When != nil {
		v, d := st.Meta.When.Value(scope)
		diags = append(diags, d...)
		if _, err := convert.Convert(v, cty.Bool); !d.HasErrors() && err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Invalid when",
				Detail:  "when must be true or false; here it is " + describe(v) + ".",
				Subject: st.Meta.When.Range().Ptr(),
			})
		}
	}
	if len(exprs) == 0 && st.Meta.ForEach == nil {
		m, d := l.Registry.Decode(st.Type, body, scope)
		l.explainStep(b, body, scope, d)
		st.Module = m
		return st, append(diags, d...)
	}
	// Decoded per host; check now what can be checked without one: the
	// attributes, their static values, and every expression's references.
	for _, e := range exprs {
		_, d := e.Value(scope)
		diags = append(diags, d...)
	}
	_, d := l.Registry.Decode(st.Type, body, scope)
	l.explainStep(b, body, scope, d)
	for _, dg := range d {
		if dg.Subject == nil || !withinAny(exprs, *dg.Subject) {
			diags = append(diags, dg)
		}
	}
	return st, diags
}

// labelDefault gives a step whose type manages one named thing the
// step's label as that name when the block leaves it out: service
// "chronyd" { enabled = true }. The value points at the label, so a
// message about it points there too.
func (l *Loader) labelDefault(b *hcl.Block, body hcl.Body) hcl.Body {
	attr := l.Registry.Label(b.Type)
	sb, ok := body.(*hclsyntax.Body)
	if attr == "" || !ok || len(b.Labels) == 0 {
		return body
	}
	if _, given := sb.Attributes[attr]; given {
		return body
	}
	rng := b.LabelRanges[0]
	withName := *sb
	withName.Attributes = make(hclsyntax.Attributes, len(sb.Attributes)+1)
	for k, v := range sb.Attributes {
		withName.Attributes[k] = v
	}
	withName.Attributes[attr] = &hclsyntax.Attribute{Name: attr, SrcRange: rng, NameRange: rng, EqualsRange: rng,
		Expr: &hclsyntax.LiteralValueExpr{Val: cty.StringVal(b.Labels[0]), SrcRange: rng}}
	return &withName
}

// explainStep completes complaints about arguments or blocks a step type
// does not take with the closest one it does, or the list of them: the
// step is decoded again through a body that records what its type asked
// for (decoding has no side effects). A complaint about the value the
// label stood for says so.
func (l *Loader) explainStep(b *hcl.Block, body hcl.Body, ctx *hcl.EvalContext, diags hcl.Diagnostics) {
	if attr := l.Registry.Label(b.Type); attr != "" && len(b.LabelRanges) > 0 {
		for _, d := range diags {
			if d.Subject != nil && *d.Subject == b.LabelRanges[0] && d.Summary != "Duplicate step name" {
				d.Detail += fmt.Sprintf(" (The label stands for %s, which the block does not set.)", attr)
			}
		}
	}
	needed := false
	for _, d := range diags {
		if d.Summary == "Unsupported argument" || d.Summary == "Unsupported block type" {
			needed = true
		}
	}
	if !needed {
		return
	}
	rec := &schemaRecorder{Body: body}
	_, _ = l.Registry.Decode(b.Type, rec, ctx)
	var meta []string
	for _, a := range l.metaSchema(b.Type).Attributes {
		if !slices.Contains(rec.attrs, a.Name) {
			meta = append(meta, a.Name)
		}
	}
	explainUnsupported(diags, fmt.Sprintf("A %s step", b.Type), rec.blocks, rec.attrs, meta, "")
}

func decodeMeta(m *StepMeta, attrs hcl.Attributes, ctx *hcl.EvalContext) hcl.Diagnostics {
	var diags hcl.Diagnostics
	invalid := func(a *hcl.Attribute, summary, detail string) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: a.Expr.Range().Ptr()})
	}
	if a, ok := attrs["when"]; ok {
		m.When = a.Expr
	}
	if a, ok := attrs["for_each"]; ok {
		m.ForEach = a.Expr
	}
	if a, ok := attrs["tags"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &m.Tags)...)
	}
	if a, ok := attrs["notify"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &m.Notify)...)
	}
	if a, ok := attrs["ignore_errors"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &m.IgnoreErrors)...)
	}
	if a, ok := attrs["become"]; ok {
		var b bool
		d := gohcl.DecodeExpression(a.Expr, ctx, &b)
		diags = append(diags, d...)
		if !d.HasErrors() {
			m.Become = &b
		}
	}
	if a, ok := attrs["retries"]; ok {
		d := gohcl.DecodeExpression(a.Expr, ctx, &m.Retries)
		diags = append(diags, d...)
		if !d.HasErrors() && m.Retries < 0 {
			invalid(a, "Invalid retries", fmt.Sprintf("retries is %d; give how many more times to try a failed step (0 or more).", m.Retries))
		}
	}
	for name, dst := range map[string]*time.Duration{"timeout": &m.Timeout, "delay": &m.Delay} {
		a, ok := attrs[name]
		if !ok {
			continue
		}
		var text string
		if d := gohcl.DecodeExpression(a.Expr, ctx, &text); d.HasErrors() {
			diags = append(diags, d...)
			continue
		}
		v, err := time.ParseDuration(text)
		if err != nil || v <= 0 {
			invalid(a, "Invalid "+name, fmt.Sprintf("%s is %q; give a positive duration such as \"30s\" or \"5m\".", name, text))
			continue
		}
		*dst = v
	}
	if a, ok := attrs["register"]; ok {
		d := gohcl.DecodeExpression(a.Expr, ctx, &m.Register)
		diags = append(diags, d...)
		if !d.HasErrors() && !identifier.MatchString(m.Register) {
			invalid(a, "Invalid register name", fmt.Sprintf("register is %q; use a name of letters, digits and underscores (it is read as registered.NAME).", m.Register))
		}
	}
	return diags
}

// hostExpressions lists the expressions of body, nested blocks included,
// that refer to host, facts, each or registered.
func hostExpressions(body hcl.Body) []hcl.Expression {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	var out []hcl.Expression
	var walk func(b *hclsyntax.Body, top bool)
	walk = func(b *hclsyntax.Body, top bool) {
		for name, a := range b.Attributes {
			if top && isMeta(name) {
				continue // when, for_each...: not the module's
			}
			if refersTo(a.Expr, hostRoots) {
				out = append(out, a.Expr)
			}
		}
		for _, blk := range b.Blocks {
			walk(blk.Body, false)
		}
	}
	walk(sb, true)
	return out
}

func isMeta(name string) bool {
	for _, a := range stepMetaSchema.Attributes {
		if a.Name == name {
			return true
		}
	}
	return false
}

func refersTo(e hcl.Expression, roots []string) bool {
	for _, t := range e.Variables() {
		if slices.Contains(roots, t.RootName()) {
			return true
		}
	}
	return false
}

func withinAny(exprs []hcl.Expression, r hcl.Range) bool {
	for _, e := range exprs {
		er := e.Range()
		if er.Filename == r.Filename && er.ContainsOffset(r.Start.Byte) {
			return true
		}
	}
	return false
}

// registerNames finds every register = "NAME" of the file before steps
// are decoded, so that any step may refer to registered.NAME and a
// misspelt name is an error at load.
func registerNames(file hcl.Body, ctx *hcl.EvalContext) []string {
	sb, ok := file.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	var names []string
	var walk func(b *hclsyntax.Body, depth int)
	walk = func(b *hclsyntax.Body, depth int) {
		if a, ok := b.Attributes["register"]; ok && depth > 0 {
			if v, d := a.Expr.Value(ctx); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() &&
				identifier.MatchString(v.AsString()) && !slices.Contains(names, v.AsString()) {
				names = append(names, v.AsString())
			}
		}
		for _, blk := range b.Blocks {
			walk(blk.Body, depth+1)
		}
	}
	walk(sb, 0)
	return names
}

// allSteps lists every step of the playbook: phases, gates, handlers.
func (p *Playbook) allSteps() []*Step {
	var out []*Step
	for _, ph := range p.Phases {
		out = append(out, ph.Steps...)
		out = append(out, ph.OnRollback...)
	}
	if p.Gate != nil {
		out = append(out, p.Gate.Steps...)
	}
	for _, r := range p.Rollouts {
		if r.Gate != nil {
			out = append(out, r.Gate.Steps...)
		}
	}
	for _, h := range p.Handlers {
		out = append(out, h.Steps...)
	}
	return out
}

// checkSteps checks what involves several steps: register names used
// twice and notify naming no handler. It also notes whether any step
// refers to facts.
func (p *Playbook) checkSteps() hcl.Diagnostics {
	var diags hcl.Diagnostics
	first := map[string]*Step{}
	handlers := map[string]bool{}
	var names []string
	for _, h := range p.Handlers {
		handlers[h.Name] = true
		names = append(names, strconv.Quote(h.Name))
	}
	for _, st := range p.allSteps() {
		if reg := st.Meta.Register; reg != "" {
			if prev, dup := first[reg]; dup {
				diags = append(diags, diag.Duplicate("Duplicate register name", fmt.Sprintf("register = %q", reg),
					prev.DeclRange, st.DeclRange, "Each step registers its result under its own name."))
			} else {
				first[reg] = st
			}
		}
		for _, n := range st.Meta.Notify {
			if handlers[n] {
				continue
			}
			known := "The playbook declares no handler; add handler \"" + n + "\" { ... }."
			if len(names) > 0 {
				known = "Declared handlers: " + strings.Join(names, ", ") + "."
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Unknown handler",
				Detail:  fmt.Sprintf("Step %q notifies %q, but there is no handler of that name. %s", st.Name, n, known),
				Subject: st.notifyRange(),
			})
		}
		if st.refersTo("facts") {
			p.usesFacts = true
		}
	}
	return diags
}

func (st *Step) notifyRange() *hcl.Range {
	if sb, ok := st.body.(*hclsyntax.Body); ok {
		// The meta attributes are hidden from the module's body but still
		// listed in it.
		if a, ok := sb.Attributes["notify"]; ok {
			return a.Expr.Range().Ptr()
		}
	}
	return st.DeclRange.Ptr()
}

func (st *Step) refersTo(root string) bool {
	exprs := hostExpressions(st.body)
	if st.Meta.When != nil {
		exprs = append(exprs, st.Meta.When)
	}
	if st.Meta.ForEach != nil {
		exprs = append(exprs, st.Meta.ForEach)
	}
	for _, e := range exprs {
		if refersTo(e, []string{root}) {
			return true
		}
	}
	return false
}

// Scope is what a host contributes to the expressions of its steps.
type Scope struct {
	Name    string
	Address string
	Groups  []string
	Vars    map[string]cty.Value
	// Facts are the gathered facts; nil when the playbook uses none.
	Facts map[string]string
	// Registered holds the results of the steps run so far on the host,
	// by register name.
	Registered map[string]cty.Value
}

// Result is what a step registers: its last command's output and how it
// ended.
type Result struct {
	Stdout, Stderr           string
	ExitCode                 int
	Changed, Failed, Skipped bool
}

// Value is the result as an HCL object.
func (r Result) Value() cty.Value {
	return cty.ObjectVal(map[string]cty.Value{
		"stdout":    cty.StringVal(r.Stdout),
		"stderr":    cty.StringVal(r.Stderr),
		"exit_code": cty.NumberIntVal(int64(r.ExitCode)),
		"changed":   cty.BoolVal(r.Changed),
		"failed":    cty.BoolVal(r.Failed),
		"skipped":   cty.BoolVal(r.Skipped),
	})
}

var resultType = Result{}.Value().Type()

var hostType = cty.Object(map[string]cty.Type{
	"name": cty.String, "address": cty.String, "groups": cty.List(cty.String), "vars": cty.DynamicPseudoType,
})

func factsType() cty.Type {
	attrs := map[string]cty.Type{}
	for _, n := range FactNames {
		attrs[n] = cty.String
	}
	return cty.Object(attrs)
}

// validationScope is the load-time scope: host values exist with their
// types but unknown values, so that a misspelt host.nmae or
// registered.typo is found before any connection.
func validationScope(base *hcl.EvalContext, registered []string) *hcl.EvalContext {
	reg := map[string]cty.Value{}
	for _, n := range registered {
		reg[n] = cty.UnknownVal(resultType)
	}
	ctx := base.NewChild()
	ctx.Variables = map[string]cty.Value{
		"host":       cty.UnknownVal(hostType),
		"facts":      cty.UnknownVal(factsType()),
		"registered": cty.ObjectVal(reg),
	}
	return ctx
}

func withEach(ctx *hcl.EvalContext, each cty.Value) *hcl.EvalContext {
	child := ctx.NewChild()
	child.Variables = map[string]cty.Value{"each": each}
	return child
}

// hostScope is the scope of one host's steps.
func (p *Playbook) hostScope(s *Scope) *hcl.EvalContext {
	groups := make([]cty.Value, len(s.Groups))
	for i, g := range s.Groups {
		groups[i] = cty.StringVal(g)
	}
	groupList := cty.ListValEmpty(cty.String)
	if len(groups) > 0 {
		groupList = cty.ListVal(groups)
	}
	vars := cty.EmptyObjectVal
	if len(s.Vars) > 0 {
		vars = cty.ObjectVal(s.Vars)
	}
	facts := map[string]cty.Value{}
	for _, n := range FactNames {
		facts[n] = cty.StringVal(s.Facts[n])
	}
	reg := map[string]cty.Value{}
	for _, n := range p.registered {
		reg[n] = Result{Skipped: true}.Value() // not run (yet) on this host
		if v, ok := s.Registered[n]; ok {
			reg[n] = v
		}
	}
	ctx := p.scope.NewChild()
	ctx.Variables = map[string]cty.Value{
		"host": cty.ObjectVal(map[string]cty.Value{
			"name": cty.StringVal(s.Name), "address": cty.StringVal(s.Address), "groups": groupList, "vars": vars,
		}),
		"facts":      cty.ObjectVal(facts),
		"registered": cty.ObjectVal(reg),
	}
	return ctx
}

// Instance is a step as it runs on one host: one per for_each element,
// or one for a plain step.
type Instance struct {
	Name   string // the step's name, with [key] for a for_each instance
	Module modules.Module
	// Skip says why the step does not run on this host (its when is
	// false); Module is nil then.
	Skip string
}

// Instances decodes a step for one host. A plain step whose body refers
// to nothing of the host is the module decoded at load.
func (p *Playbook) Instances(st *Step, s *Scope) ([]Instance, hcl.Diagnostics) {
	if st.Module != nil && st.Meta.When == nil && st.Meta.ForEach == nil {
		return []Instance{{Name: st.Name, Module: st.Module}}, nil
	}
	ctx := p.hostScope(s)
	if st.Meta.ForEach == nil {
		inst, diags := p.instance(st, st.Name, ctx)
		return []Instance{inst}, diags
	}
	each, diags := forEachElements(st.Meta.ForEach, ctx)
	if diags.HasErrors() {
		return nil, diags
	}
	var out []Instance
	for _, el := range each {
		inst, d := p.instance(st, fmt.Sprintf("%s[%s]", st.Name, el.key), withEach(ctx, cty.ObjectVal(map[string]cty.Value{
			"key": cty.StringVal(el.key), "value": el.value,
		})))
		diags = append(diags, d...)
		out = append(out, inst)
	}
	return out, diags
}

func (p *Playbook) instance(st *Step, name string, ctx *hcl.EvalContext) (Instance, hcl.Diagnostics) {
	inst := Instance{Name: name}
	if st.Meta.When != nil {
		v, diags := st.Meta.When.Value(ctx)
		if diags.HasErrors() {
			return inst, diags
		}
		b, err := convert.Convert(v, cty.Bool)
		if err != nil || b.IsNull() {
			return inst, hcl.Diagnostics{{
				Severity: hcl.DiagError, Summary: "Invalid when",
				Detail:  "when must be true or false on every host; here it is " + describe(v) + ".",
				Subject: st.Meta.When.Range().Ptr(),
			}}
		}
		if b.False() {
			inst.Skip = "when is false"
			return inst, nil
		}
	}
	if st.Module != nil {
		inst.Module = st.Module
		return inst, nil
	}
	m, diags := st.registry.Decode(st.Type, st.body, ctx)
	inst.Module = m
	return inst, diags
}

type element struct {
	key   string
	value cty.Value
}

// forEachElements reads a for_each value: a map or object (key, value),
// or a set or list of strings (each element both key and value).
func forEachElements(expr hcl.Expression, ctx *hcl.EvalContext) ([]element, hcl.Diagnostics) {
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return nil, diags
	}
	bad := func(why string) ([]element, hcl.Diagnostics) {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError, Summary: "Invalid for_each",
			Detail:  "for_each takes a map or a set of strings; " + why,
			Subject: expr.Range().Ptr(),
		}}
	}
	if v.IsNull() {
		return bad("here it is null.")
	}
	if !v.IsWhollyKnown() {
		return bad("its value must be known when the host's steps are decoded.")
	}
	var out []element
	t := v.Type()
	switch {
	case t.IsMapType() || t.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			out = append(out, element{key: k.AsString(), value: el})
		}
	case t.IsSetType() || t.IsListType() || t.IsTupleType():
		seen := map[string]bool{}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			s, err := convert.Convert(el, cty.String)
			if err != nil || s.IsNull() {
				return bad("an element here is " + describe(el) + ", not a string.")
			}
			key := s.AsString()
			if seen[key] {
				continue // a set: duplicates collapse, as toset() would
			}
			seen[key] = true
			out = append(out, element{key: key, value: s})
		}
		slices.SortFunc(out, func(a, b element) int {
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		})
	default:
		return bad("here it is " + describe(v) + ".")
	}
	return out, nil
}

func describe(v cty.Value) string {
	if v.IsNull() {
		return "null"
	}
	return v.Type().FriendlyName()
}

// UsesFacts says whether any step refers to facts.*, so that the engine
// gathers them only when needed.
func (p *Playbook) UsesFacts() bool { return p.usesFacts }

// Summary describes a step for plans made without a host.
func (st *Step) Summary() string {
	if st.Module != nil {
		return st.Module.Summary()
	}
	return "decided per host"
}
