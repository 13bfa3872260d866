package modules

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Command runs a shell command on the host. On its own a command always
// changes something; its guards make it idempotent: `creates` skips it
// when a path exists, `removes` when a path is missing, `unless` when
// another command succeeds. changed_when and failed_when judge the run
// from its result, as predicates over result.exit_code, result.stdout
// and result.stderr.
type Command struct {
	Run    string
	Guards Guards
	// ChangedWhen and FailedWhen are nil when not given.
	ChangedWhen hcl.Expression
	FailedWhen  hcl.Expression
	scope       *hcl.EvalContext
}

var (
	_ Module      = (*Command)(nil)
	_ LateChecker = (*Command)(nil)
)

// ErrUnchanged is what Apply returns when the step ran and found that it
// changed nothing after all (a command whose changed_when said so, a
// wait that was over at once): the runner counts the step as ok.
var ErrUnchanged = errors.New("the step ran and changed nothing")

// Guards are the conditions that skip a command or a script.
type Guards struct {
	Creates string // skip when this path exists
	Removes string // skip when this path does not exist
	Unless  string // skip when this command succeeds
}

type commandConfig struct {
	Run         string         `hcl:"run"`
	Creates     *string        `hcl:"creates,optional"`
	Removes     *string        `hcl:"removes,optional"`
	Unless      *string        `hcl:"unless,optional"`
	ChangedWhen hcl.Expression `hcl:"changed_when,optional"`
	FailedWhen  hcl.Expression `hcl:"failed_when,optional"`
}

// CommandType registers the command step.
func CommandType() Type {
	return Type{Name: "command", Decode: decodeCommand}
}

func decodeCommand(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg commandConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Command{Run: cfg.Run, scope: ctx}
	var moreDiags hcl.Diagnostics
	m.Guards, moreDiags = decodeGuards(body, cfg.Creates, cfg.Removes, cfg.Unless)
	diags = append(diags, moreDiags...)
	if strings.TrimSpace(m.Run) == "" {
		diags = append(diags, attrError(body, "run", "Empty command",
			"run is empty; give the shell command to run on the host."))
	}
	for _, p := range []struct {
		name string
		expr hcl.Expression
		dst  *hcl.Expression
	}{{"changed_when", cfg.ChangedWhen, &m.ChangedWhen}, {"failed_when", cfg.FailedWhen, &m.FailedWhen}} {
		if !isGiven(p.expr) {
			continue
		}
		// Tried once on a sample result, so that a typo is reported now
		// rather than after the command ran on every host.
		if _, d := m.judge(p.name, p.expr, hostcmd.Output{}); d != nil {
			diags = append(diags, d)
			continue
		}
		*p.dst = p.expr
	}
	return m, diags
}

// RepeatsOnApply: without a guard, nothing on the host tells that the
// command ran.
func (m *Command) RepeatsOnApply() bool {
	return m.Guards == (Guards{})
}

// isGiven tells an optional expression the playbook wrote from the null
// that gohcl leaves for one it did not.
func isGiven(expr hcl.Expression) bool {
	if expr == nil {
		return false
	}
	v, diags := expr.Value(nil)
	return diags.HasErrors() || !v.IsNull()
}

// judge evaluates a result predicate.
func (m *Command) judge(name string, expr hcl.Expression, out hostcmd.Output) (bool, *hcl.Diagnostic) {
	scope := &hcl.EvalContext{}
	if m.scope != nil {
		scope = m.scope.NewChild()
	}
	scope.Variables = map[string]cty.Value{"result": cty.ObjectVal(map[string]cty.Value{
		"exit_code": cty.NumberIntVal(int64(out.ExitCode)),
		"stdout":    cty.StringVal(out.Stdout),
		"stderr":    cty.StringVal(out.Stderr),
	})}
	v, diags := expr.Value(scope)
	if diags.HasErrors() {
		d := *diags[0]
		d.Detail += fmt.Sprintf(" (%s may use result.exit_code, result.stdout and result.stderr.)", name)
		return false, &d
	}
	if v.Type() != cty.Bool || v.IsNull() || !v.IsKnown() {
		r := expr.Range()
		return false, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid " + name,
			Detail:  fmt.Sprintf("%s must be true or false, e.g. result.exit_code == 2 or length(regexall(\"updated\", result.stdout)) > 0.", name),
			Subject: &r}
	}
	return v.True(), nil
}

func decodeGuards(body hcl.Body, creates, removes, unless *string) (Guards, hcl.Diagnostics) {
	var g Guards
	var diags hcl.Diagnostics
	for _, p := range []struct {
		name string
		val  *string
		dst  *string
	}{{"creates", creates, &g.Creates}, {"removes", removes, &g.Removes}} {
		if p.val == nil {
			continue
		}
		*p.dst = *p.val
		if !strings.HasPrefix(*p.val, "/") {
			diags = append(diags, attrError(body, p.name, "Relative path in "+p.name,
				fmt.Sprintf("%s is %q; give an absolute path, since the command's working directory on the host is not fixed.", p.name, *p.val)))
		}
	}
	if unless != nil {
		g.Unless = *unless
	}
	return g, diags
}

func (g Guards) summary() string {
	s := ""
	if g.Creates != "" {
		s += " (creates " + g.Creates + ")"
	}
	if g.Removes != "" {
		s += " (removes " + g.Removes + ")"
	}
	if g.Unless != "" {
		s += " (unless " + oneLine(g.Unless) + ")"
	}
	return s
}

func (m *Command) Summary() string { return "run " + oneLine(m.Run) + m.Guards.summary() }

// Exit codes of the guard script that Check sends; anything else means
// the guard itself could not be evaluated.
const (
	guardRun  = 0
	guardSkip = 10
)

// check evaluates the guards in one round trip; skip says the command
// already took effect, and reason why.
// late says the guards run the user's code: see LateChecker.
func (g Guards) late() bool { return g.Unless != "" }

func (g Guards) check(ctx context.Context, h hostcmd.Host) (skip bool, reason string, err error) {
	if g == (Guards{}) {
		return false, "", nil
	}
	// `unless` runs in a subshell with its output discarded so that it
	// cannot disturb ours.
	var lines []string
	if g.Creates != "" {
		lines = append(lines, "if [ -e "+shell.Quote(g.Creates)+" ]; then echo creates; exit 10; fi")
	}
	if g.Removes != "" {
		lines = append(lines, "if [ ! -e "+shell.Quote(g.Removes)+" ]; then echo removes; exit 10; fi")
	}
	if g.Unless != "" {
		lines = append(lines, "if ( "+g.Unless+"\n) >/dev/null 2>&1 </dev/null; then echo unless; exit 10; fi")
	}
	lines = append(lines, "exit 0")
	out, err := h.Run(ctx, strings.Join(lines, "\n"))
	if err != nil {
		return false, "", err
	}
	switch out.ExitCode {
	case guardSkip:
		switch strings.TrimSpace(out.Stdout) {
		case "creates":
			return true, g.Creates + " exists", nil
		case "removes":
			return true, g.Removes + " does not exist", nil
		}
		return true, "guard says the command already took effect", nil
	case guardRun:
		return false, "", nil
	default:
		return false, "", commandFailed("evaluating the guards", out)
	}
}

func (m *Command) ChecksLate() bool { return m.Guards.late() }

func (m *Command) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	skip, reason, err := m.Guards.check(ctx, h)
	if err != nil {
		return Plan{}, err
	}
	if skip {
		return NoChange(reason), nil
	}
	diff := "run: " + oneLine(m.Run) + "\n"
	if m.ChangedWhen != nil {
		diff += "(counted as a change only when changed_when holds)\n"
	}
	return Change(diff, nil), nil
}

func (m *Command) Apply(ctx context.Context, h hostcmd.Host, _ Plan) error {
	out, err := h.Run(ctx, m.Run)
	if err != nil {
		return err
	}
	return m.judgeResult(out)
}

// judgeResult turns a finished command into the step's outcome.
func (m *Command) judgeResult(out hostcmd.Output) error {
	failed := out.ExitCode != 0
	if m.FailedWhen != nil {
		var d *hcl.Diagnostic
		if failed, d = m.judge("failed_when", m.FailedWhen, out); d != nil {
			return fmt.Errorf("failed_when: %s", d.Detail)
		}
		if failed {
			return &hostcmd.Error{Msg: "failed_when holds", Output: out}
		}
	}
	if failed {
		return commandFailed("command", out)
	}
	if m.ChangedWhen != nil {
		changed, d := m.judge("changed_when", m.ChangedWhen, out)
		if d != nil {
			return fmt.Errorf("changed_when: %s", d.Detail)
		}
		if !changed {
			return ErrUnchanged
		}
	}
	return nil
}

// oneLine shortens a multi-line command for one-line summaries.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if first, _, multi := strings.Cut(s, "\n"); multi {
		return first + " …"
	}
	return s
}
