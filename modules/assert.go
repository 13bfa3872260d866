package modules

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/zclconf/go-cty/cty"
)

// waitHost is a host name or an IPv4/IPv6 address.
var waitHost = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.:-]*$`)

// Assert fails the host's run when a condition is false. The conditions
// are evaluated when the step is decoded (per host, with its variables);
// the step itself never touches or changes the host.
type Assert struct {
	failed  []string // where each false condition was written
	unknown []string // conditions that could not be evaluated yet
	Message string
	count   int
}

var _ Module = (*Assert)(nil)

type assertConfig struct {
	That        hcl.Expression `hcl:"that"`
	FailMessage *string        `hcl:"fail_message,optional"`
}

// AssertType registers the assert step.
func AssertType() Type {
	return Type{Name: "assert", Decode: decodeAssert}
}

func decodeAssert(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg assertConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Assert{}
	if cfg.FailMessage != nil {
		m.Message = *cfg.FailMessage
	}
	// Each condition is evaluated on its own, so the report can say which
	// one is false.
	exprs := []hcl.Expression{cfg.That}
	if tuple, ok := cfg.That.(*hclsyntax.TupleConsExpr); ok {
		exprs = exprs[:0]
		for _, e := range tuple.Exprs {
			exprs = append(exprs, e)
		}
	}
	for _, e := range exprs {
		v, d := e.Value(ctx)
		if d.HasErrors() {
			diags = append(diags, d...)
			continue
		}
		where := e.Range().String()
		switch {
		case !v.IsKnown():
			m.unknown = append(m.unknown, where)
		case v.Type().IsTupleType() || v.Type().IsListType():
			for it := v.ElementIterator(); it.Next(); {
				_, el := it.Element()
				m.add(el, where, body, &diags)
			}
		default:
			m.add(v, where, body, &diags)
		}
	}
	if m.count == 0 && len(m.unknown) == 0 && !diags.HasErrors() {
		diags = append(diags, attrError(body, "that", "No conditions", "that is empty; list the conditions that must hold."))
	}
	return m, diags
}

func (m *Assert) add(v cty.Value, where string, body hcl.Body, diags *hcl.Diagnostics) {
	if !v.IsKnown() {
		m.unknown = append(m.unknown, where)
		return
	}
	if v.IsNull() || v.Type() != cty.Bool {
		*diags = append(*diags, attrError(body, "that", "Condition is not true or false",
			fmt.Sprintf("every element of that must be a condition (true or false); the one at %s is a %s.", where, v.Type().FriendlyName())))
		return
	}
	m.count++
	if v.False() {
		m.failed = append(m.failed, where)
	}
}

func (m *Assert) Summary() string {
	return fmt.Sprintf("assert %d condition(s)", m.count+len(m.unknown))
}

func (m *Assert) Check(context.Context, hostcmd.Host) (Plan, error) {
	switch {
	case len(m.failed) > 0:
		msg := m.Message
		if msg == "" {
			msg = "assertion failed"
		}
		return Plan{}, fmt.Errorf("%s (false: %s)", msg, strings.Join(m.failed, ", "))
	case len(m.unknown) > 0:
		return Plan{}, fmt.Errorf("conditions could not be evaluated: %s", strings.Join(m.unknown, ", "))
	}
	return NoChange("all conditions hold"), nil
}

func (m *Assert) Apply(context.Context, hostcmd.Host, Plan) error { return nil }
