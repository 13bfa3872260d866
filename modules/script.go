package modules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Script runs a script of the controller on the host with /bin/sh. The
// script is put in a temporary file, never on a command line, so its
// size does not matter (a small one travels inside the command that runs
// it, a large one over SFTP or the shell); it is removed after the run.
// It takes the same guards as a command.
type Script struct {
	Source  string // the controller's path, resolved
	content string
	Args    []string
	Guards  Guards
}

var (
	_ Module      = (*Script)(nil)
	_ LateChecker = (*Script)(nil)
)

type scriptConfig struct {
	Source  string   `hcl:"source"`
	Args    []string `hcl:"args,optional"`
	Creates *string  `hcl:"creates,optional"`
	Removes *string  `hcl:"removes,optional"`
	Unless  *string  `hcl:"unless,optional"`
}

// ScriptType registers the script step.
func ScriptType() Type {
	return Type{Name: "script", Decode: decodeScript}
}

func decodeScript(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg scriptConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Script{Args: cfg.Args}
	var moreDiags hcl.Diagnostics
	m.Guards, moreDiags = decodeGuards(body, cfg.Creates, cfg.Removes, cfg.Unless)
	diags = append(diags, moreDiags...)
	var d *hcl.Diagnostic
	if m.Source, m.content, d = readSource(body, "source", cfg.Source); d != nil {
		diags = append(diags, d)
	}
	for _, a := range m.Args {
		if strings.ContainsRune(a, 0) {
			diags = append(diags, attrError(body, "args", "NUL byte in an argument",
				"an argument cannot hold a NUL byte."))
		}
	}
	return m, diags
}

// RepeatsOnApply: without a guard, nothing on the host tells that the
// script ran.
func (m *Script) RepeatsOnApply() bool { return m.Guards == (Guards{}) }

func (m *Script) Summary() string {
	s := "script " + m.Source
	if len(m.Args) > 0 {
		s += " " + shell.Join(m.Args...)
	}
	return s + m.Guards.summary()
}

func (m *Script) ChecksLate() bool { return m.Guards.late() }

func (m *Script) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	skip, reason, err := m.Guards.check(ctx, h)
	if err != nil {
		return Plan{}, err
	}
	if skip {
		return NoChange(reason), nil
	}
	return Change(fmt.Sprintf("run script %s (%d bytes)\n", m.Source, len(m.content)), nil), nil
}

func (m *Script) Apply(ctx context.Context, h hostcmd.Host, _ Plan) error {
	run := func(prelude string) error {
		script := prelude + "/bin/sh \"$t\""
		if len(m.Args) > 0 {
			script += " " + shell.Join(m.Args...)
		}
		script += " </dev/null\nrc=$?\nrm -f -- \"$t\"\nexit $rc\n"
		out, err := h.Run(ctx, script)
		if err != nil {
			return err
		}
		if out.ExitCode != 0 {
			return commandFailed("script "+m.Source, out)
		}
		return nil
	}
	if len(m.content) <= inlineLimit {
		// One round trip: the script arrives inside the command that runs it.
		return run(inlineTemp("/tmp/.switchback.script.XXXXXX", m.content))
	}
	out, err := h.Run(ctx, "mktemp /tmp/.switchback.script.XXXXXX")
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return commandFailed("creating a temporary file for the script", out)
	}
	tmp := strings.TrimSuffix(out.Stdout, "\n")
	if !strings.HasPrefix(tmp, "/tmp/.switchback.script.") || strings.ContainsAny(tmp, "\n ") {
		return fmt.Errorf("unexpected temporary file name from the host: %q", tmp)
	}
	if err := sendFile(ctx, h, tmp, m.content); err != nil {
		_, _ = h.Run(context.WithoutCancel(ctx), "rm -f -- "+shell.Quote(tmp))
		return fmt.Errorf("sending the script: %w", err)
	}
	return run("t=" + shell.Quote(tmp) + "\n")
}
