package modules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
)

// Command runs a shell command on the host. On its own a command always
// changes something; its guards make it idempotent: `creates` skips it
// when a path exists, `unless` skips it when another command succeeds.
type Command struct {
	Run     string
	Creates string
	Unless  string
}

var _ Module = (*Command)(nil)

type commandConfig struct {
	Run     string  `hcl:"run"`
	Creates *string `hcl:"creates,optional"`
	Unless  *string `hcl:"unless,optional"`
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
	m := &Command{Run: cfg.Run}
	if cfg.Creates != nil {
		m.Creates = *cfg.Creates
	}
	if cfg.Unless != nil {
		m.Unless = *cfg.Unless
	}
	if strings.TrimSpace(m.Run) == "" {
		diags = append(diags, attrError(body, "run", "Empty command",
			"run is empty; give the shell command to run on the host."))
	}
	if cfg.Creates != nil && !strings.HasPrefix(m.Creates, "/") {
		diags = append(diags, attrError(body, "creates", "Relative path in creates",
			fmt.Sprintf("creates is %q; give an absolute path, since the command's working directory on the host is not fixed.", m.Creates)))
	}
	return m, diags
}

// RepeatsOnApply: without a guard, nothing on the host tells that the
// command ran.
func (m *Command) RepeatsOnApply() bool { return m.Creates == "" && m.Unless == "" }

func (m *Command) Summary() string {
	s := "run " + oneLine(m.Run)
	if m.Creates != "" {
		s += " (creates " + m.Creates + ")"
	}
	if m.Unless != "" {
		s += " (unless " + oneLine(m.Unless) + ")"
	}
	return s
}

// Exit codes of the guard script that Check sends; anything else means
// the guard itself could not be evaluated.
const (
	guardRun  = 0
	guardSkip = 10
)

func (m *Command) Check(ctx context.Context, h Host) (Plan, error) {
	if m.Creates == "" && m.Unless == "" {
		return Change("run: "+oneLine(m.Run)+"\n", nil), nil
	}
	// Both guards are evaluated in one round trip. `unless` runs in a
	// subshell with its output discarded so that it cannot disturb ours.
	var guards []string
	if m.Creates != "" {
		guards = append(guards, "if [ -e "+shell.Quote(m.Creates)+" ]; then exit 10; fi")
	}
	if m.Unless != "" {
		guards = append(guards, "if ( "+m.Unless+"\n) >/dev/null 2>&1 </dev/null; then exit 10; fi")
	}
	guards = append(guards, "exit 0")
	out, err := h.Run(ctx, strings.Join(guards, "\n"))
	if err != nil {
		return Plan{}, err
	}
	switch out.ExitCode {
	case guardSkip:
		if m.Creates != "" && m.Unless == "" {
			return NoChange(m.Creates + " exists"), nil
		}
		return NoChange("guard says the command already took effect"), nil
	case guardRun:
		return Change("run: "+oneLine(m.Run)+"\n", nil), nil
	default:
		return Plan{}, commandFailed("evaluating the command's guards", out)
	}
}

func (m *Command) Apply(ctx context.Context, h Host, _ Plan) error {
	out, err := h.Run(ctx, m.Run)
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return commandFailed("command", out)
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
