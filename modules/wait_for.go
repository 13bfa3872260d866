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

// WaitFor waits on the host until a TCP port accepts connections, a path
// exists, or a command succeeds. Check looks once: when the condition
// already holds there is nothing to wait for; otherwise the plan is to
// wait, and Apply polls in one remote loop (one round trip, not one per
// try) until the condition holds or the timeout passes. Waiting changes
// nothing, so a successful wait counts as ok, not changed.
type WaitFor struct {
	Host     string
	Port     int
	Path     string
	Command  string
	Timeout  int // seconds
	Interval int // seconds
}

var (
	_ Module      = (*WaitFor)(nil)
	_ LateChecker = (*WaitFor)(nil)
)

type waitForConfig struct {
	Port     *int    `hcl:"port,optional"`
	Host     *string `hcl:"host,optional"`
	Path     *string `hcl:"path,optional"`
	Command  *string `hcl:"command,optional"`
	Timeout  *int    `hcl:"timeout,optional"`
	Interval *int    `hcl:"interval,optional"`
}

// WaitForType registers the wait_for step.
func WaitForType() Type {
	return Type{Name: "wait_for", Decode: decodeWaitFor, Owns: []string{"timeout"}}
}

func decodeWaitFor(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg waitForConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &WaitFor{Host: "127.0.0.1", Timeout: 60, Interval: 1}
	given := 0
	if cfg.Port != nil {
		given++
		m.Port = *cfg.Port
		if m.Port < 1 || m.Port > 65535 {
			diags = append(diags, attrError(body, "port", "Invalid port", fmt.Sprintf("port is %d; give a TCP port from 1 to 65535.", m.Port)))
		}
	}
	if cfg.Host != nil {
		m.Host = *cfg.Host
		if cfg.Port == nil {
			diags = append(diags, attrError(body, "host", "host needs port", "host says where port is; set port or remove host."))
		}
		if !waitHost.MatchString(m.Host) {
			diags = append(diags, attrError(body, "host", "Invalid host", fmt.Sprintf("%q is not a host name or address.", m.Host)))
		}
	}
	if cfg.Path != nil {
		given++
		m.Path = *cfg.Path
		if why := checkAbsPath(m.Path); why != "" {
			diags = append(diags, attrError(body, "path", "Invalid path", why+"."))
		}
	}
	if cfg.Command != nil {
		given++
		m.Command = *cfg.Command
		if strings.TrimSpace(m.Command) == "" {
			diags = append(diags, attrError(body, "command", "Empty command", "command is empty; give a command that succeeds once the wait is over."))
		}
	}
	if given != 1 {
		diags = append(diags, attrError(body, "port", "Wait for what?",
			"set exactly one of port (a TCP port accepting connections), path (a path existing) and command (a command succeeding)."))
	}
	if cfg.Timeout != nil {
		m.Timeout = *cfg.Timeout
	}
	if cfg.Interval != nil {
		m.Interval = *cfg.Interval
	}
	if m.Timeout < 1 {
		diags = append(diags, attrError(body, "timeout", "Invalid timeout", "timeout is in seconds and must be at least 1."))
	}
	if m.Interval < 1 || m.Interval > m.Timeout {
		diags = append(diags, attrError(body, "interval", "Invalid interval", "interval is in seconds, at least 1 and at most timeout."))
	}
	return m, diags
}

func (m *WaitFor) what() string {
	switch {
	case m.Port != 0:
		return fmt.Sprintf("port %s:%d", m.Host, m.Port)
	case m.Path != "":
		return displayPath(m.Path)
	}
	return "command " + oneLine(m.Command)
}

func (m *WaitFor) Summary() string {
	return fmt.Sprintf("wait for %s (timeout %ds)", m.what(), m.Timeout)
}

// condition is a shell test that succeeds once the wait is over.
func (m *WaitFor) condition() string {
	switch {
	case m.Port != 0:
		return fmt.Sprintf("nc -z -w 1 %s %d </dev/null >/dev/null 2>&1", shell.Quote(m.Host), m.Port)
	case m.Path != "":
		p := shell.Quote(m.Path)
		return "{ [ -e " + p + " ] || [ -L " + p + " ]; }"
	}
	return "( " + m.Command + "\n) </dev/null >/dev/null 2>&1"
}

func (m *WaitFor) ChecksLate() bool { return m.Command != "" }

func (m *WaitFor) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	out, err := h.Run(ctx, "if "+m.condition()+"; then echo ready; else echo waiting; fi")
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return Plan{}, commandFailed("checking "+m.what(), out)
	}
	if strings.TrimSpace(out.Stdout) == "ready" {
		return NoChange(m.what() + " is ready"), nil
	}
	return Change(fmt.Sprintf("~ wait up to %ds for %s\n", m.Timeout, m.what()), nil), nil
}

func (m *WaitFor) Apply(ctx context.Context, h hostcmd.Host, _ Plan) error {
	// The loop counts its own time; BusyBox date +%s is in every root.
	script := fmt.Sprintf(`end=$(( $(date +%%s) + %d ))
while :; do
	if %s; then exit 0; fi
	if [ "$(date +%%s)" -ge "$end" ]; then echo "still not ready after %d seconds" >&2; exit 1; fi
	sleep %d
done
`, m.Timeout, m.condition(), m.Timeout, m.Interval)
	out, err := h.Run(ctx, script)
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return &hostcmd.Error{Msg: "waiting for " + m.what() + " timed out", Output: out}
	}
	return ErrUnchanged
}
