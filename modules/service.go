package modules

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Service manages an OpenRC service: whether it is enabled in a
// runlevel, whether it runs, and the keys it reads from /etc/conf.d.
type Service struct {
	Service  string
	Enabled  *bool  // nil leaves the runlevel alone
	Runlevel string // "default" unless given
	State    string // "", "started", "stopped", "restarted" or "reloaded"
	ConfD    map[string]string
}

var _ Module = (*Service)(nil)

// Writes is the conf.d file, when the step manages it; runlevels are
// always in a snapshot.
func (m *Service) Writes() []string {
	if m.ConfD == nil {
		return nil
	}
	return []string{m.confPath()}
}

type serviceConfig struct {
	Service  string            `hcl:"service"`
	Enabled  *bool             `hcl:"enabled,optional"`
	Runlevel *string           `hcl:"runlevel,optional"`
	State    *string           `hcl:"state,optional"`
	ConfD    map[string]string `hcl:"conf_d,optional"`
}

var (
	// serviceName is an init script's name as OpenRC allows them
	// ("sshd", "net.eth0", "getty.tty1").
	serviceName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._+@-]*$`)
	confKey     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// Exit codes of "rc-service NAME status". openrc-run.sh's _status()
// returns them (OpenRC sh/openrc-run.sh.in, and the same in Debian's
// 0.45 /usr/lib/rc/sh/openrc-run.sh); openrc-run(8): "The return code
// matches the status, with the exception of "started" returning 0".
// Anything else (1: no such service, a broken script) is an error.
const (
	rcStarted  = 0
	rcStopped  = 3
	rcStopping = 4
	rcStarting = 8
	rcInactive = 16
	rcCrashed  = 32 // marked started, but its daemon is gone
)

// ServiceType registers the service step.
func ServiceType() Type {
	return Type{Name: "service", Decode: decodeService, Label: "service"}
}

func decodeService(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg serviceConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Service{Service: cfg.Service, Enabled: cfg.Enabled, Runlevel: "default", ConfD: cfg.ConfD}
	if cfg.Runlevel != nil {
		m.Runlevel = *cfg.Runlevel
	}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	if !serviceName.MatchString(m.Service) {
		diags = append(diags, attrError(body, "service", "Invalid service name",
			fmt.Sprintf("%q is not an OpenRC service name (the name of a script in /etc/init.d: letters, digits, . _ + @ -).", m.Service)))
	}
	if !serviceName.MatchString(m.Runlevel) {
		diags = append(diags, attrError(body, "runlevel", "Invalid runlevel",
			fmt.Sprintf("%q is not a runlevel name (a directory in /etc/runlevels).", m.Runlevel)))
	}
	if cfg.Runlevel != nil && m.Enabled == nil {
		diags = append(diags, attrError(body, "runlevel", "runlevel needs enabled",
			"runlevel says where enabled applies; set enabled = true or false, or remove runlevel."))
	}
	switch m.State {
	case "started", "stopped", "restarted", "reloaded":
	default:
		if cfg.State != nil {
			diags = append(diags, attrError(body, "state", "Invalid service state",
				fmt.Sprintf("state is %q; use \"started\", \"stopped\", \"restarted\" or \"reloaded\".", m.State)))
		}
	}
	for _, k := range sortedKeys(m.ConfD) {
		if !confKey.MatchString(k) {
			diags = append(diags, attrError(body, "conf_d", "Invalid conf.d key",
				fmt.Sprintf("%q is not a shell variable name (letters, digits and _, not starting with a digit).", k)))
		}
		if strings.ContainsRune(m.ConfD[k], 0) {
			diags = append(diags, attrError(body, "conf_d", "NUL byte in a conf.d value",
				fmt.Sprintf("the value of %s contains a NUL byte, which a shell variable cannot hold.", k)))
		}
	}
	if m.Enabled == nil && m.State == "" && m.ConfD == nil {
		diags = append(diags, attrError(body, "service", "Nothing to manage",
			"set at least one of enabled, state and conf_d."))
	}
	return m, diags
}

func (m *Service) Summary() string {
	var d []string
	if m.Enabled != nil {
		if *m.Enabled {
			d = append(d, "enabled in "+m.Runlevel)
		} else {
			d = append(d, "disabled in "+m.Runlevel)
		}
	}
	if m.State != "" {
		d = append(d, m.State)
	}
	if len(m.ConfD) > 0 {
		d = append(d, "conf.d "+strings.Join(sortedKeys(m.ConfD), ", "))
	}
	return "service " + m.Service + ": " + strings.Join(d, ", ")
}

// serviceAction is what Apply does, decided by Check.
type serviceAction struct {
	noScript bool      // the init script is missing: Apply must fail
	confD    *lineEdit // new /etc/conf.d/<service>, if it changes
	runlevel string    // "add" or "del" for rc-update; empty for neither
	rc       []string  // rc-service commands, in order
}

func (m *Service) confPath() string { return "/etc/conf.d/" + m.Service }

func (m *Service) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	// One round trip: the init script, the runlevel link, the status exit
	// code and, with conf_d, the conf.d file.
	script := "s=" + shell.Quote(m.Service) + "\nrl=" + shell.Quote(m.Runlevel) + `
if [ -e "/etc/init.d/$s" ]; then echo script; else echo noscript; fi
if [ ! -d "/etc/runlevels/$rl" ]; then echo norunlevel
elif [ -L "/etc/runlevels/$rl/$s" ] || [ -e "/etc/runlevels/$rl/$s" ]; then echo enabled
else echo disabled; fi
if [ -e "/etc/init.d/$s" ]; then rc-service "$s" status >/dev/null 2>&1; echo "status $?"; else echo "status 3"; fi
`
	if m.ConfD != nil {
		script += probeScript(m.confPath(), true, true)
	}
	out, err := h.Run(ctx, script)
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return Plan{}, commandFailed("reading the state of service "+m.Service, out)
	}
	lines := strings.SplitN(out.Stdout, "\n", 4)
	if len(lines) < 4 || !strings.HasPrefix(lines[2], "status ") {
		return Plan{}, fmt.Errorf("unexpected output from the host while reading service %s: %q", m.Service, hostcmd.LastLines(out.Stdout, 3))
	}
	hasScript := lines[0] == "script"
	enabled := lines[1] == "enabled"
	status, err := strconv.Atoi(strings.TrimPrefix(lines[2], "status "))
	if err != nil {
		return Plan{}, fmt.Errorf("unexpected status line from the host: %q", lines[2])
	}
	if m.Enabled != nil && lines[1] == "norunlevel" {
		return Plan{}, fmt.Errorf("runlevel %s does not exist (no /etc/runlevels/%s)", m.Runlevel, m.Runlevel)
	}

	var diff strings.Builder
	act := serviceAction{noScript: !hasScript}
	if m.ConfD != nil {
		info, err := parseProbe(lines[3])
		if err != nil {
			return Plan{}, err
		}
		edit, d, err := m.planConfD(info)
		if err != nil {
			return Plan{}, err
		}
		act.confD = edit
		diff.WriteString(d)
	}
	if m.Enabled != nil && *m.Enabled != enabled {
		if *m.Enabled {
			act.runlevel = "add"
			fmt.Fprintf(&diff, "+ %s enabled in runlevel %s\n", m.Service, m.Runlevel)
		} else {
			act.runlevel = "del"
			fmt.Fprintf(&diff, "- %s disabled in runlevel %s\n", m.Service, m.Runlevel)
		}
	}
	rc, what, err := m.planState(status, act.confD != nil)
	if err != nil {
		return Plan{}, err
	}
	act.rc = rc
	diff.WriteString(what)

	if diff.Len() == 0 {
		return NoChange("service " + m.Service + " is as wanted"), nil
	}
	if !hasScript {
		fmt.Fprintf(&diff, "! /etc/init.d/%s is not there yet: an earlier step must install it\n", m.Service)
	}
	return Change(diff.String(), act), nil
}

// planConfD decides the new conf.d file: the managed keys set, every
// other line kept.
func (m *Service) planConfD(info pathInfo) (*lineEdit, string, error) {
	p := m.confPath()
	switch info.Kind {
	case "absent":
	case "file":
		if !info.HasContent {
			return nil, "", fmt.Errorf("%s is too large to edit (%d bytes)", p, info.Size)
		}
	default:
		return nil, "", fmt.Errorf("%s is a %s, not a regular file", p, kindName(info.Kind))
	}
	updated, err := editConfD(p, info.Content, m.ConfD)
	if err != nil {
		return nil, "", err
	}
	if info.Kind == "file" && updated == info.Content {
		return nil, "", nil
	}
	edit := &lineEdit{content: updated, perm: defaultFilePerm}
	d := ""
	if info.Kind == "absent" {
		d = fmt.Sprintf("+ file %s (mode %s)\n", p, formatPerm(defaultFilePerm))
	} else {
		edit.perm = info.Perm
		if info.UID != 0 || info.GID != 0 {
			edit.chown = fmt.Sprintf("%d:%d", info.UID, info.GID)
		}
		d = "~ file " + p + "\n"
	}
	return edit, d + unifiedDiff(p, info.Content, updated, info.Kind == "file"), nil
}

// planState turns the status exit code and the wanted state into
// rc-service commands and the lines of the plan that say why.
func (m *Service) planState(status int, confChanged bool) ([]string, string, error) {
	s := m.Service
	switch status {
	case rcStarted, rcStopped, rcCrashed:
	case rcStopping, rcStarting, rcInactive:
		if m.State == "" && !confChanged {
			return nil, "", nil
		}
		name := map[int]string{rcStopping: "stopping", rcStarting: "starting", rcInactive: "inactive"}[status]
		return nil, "", fmt.Errorf("service %s is %s (rc-service status exit code %d); run again once it has settled", s, name, status)
	default:
		return nil, "", fmt.Errorf("rc-service %s status exited with %d, which is no service state: is the init script broken?", s, status)
	}
	running := status == rcStarted
	crashed := status == rcCrashed
	restartForConf := fmt.Sprintf("~ %s: restart, because %s changed (done by this step itself until handlers exist)\n", s, m.confPath())
	switch {
	case m.State == "stopped" && running:
		return []string{"stop"}, fmt.Sprintf("~ %s: started → stopped\n", s), nil
	case m.State == "stopped" && crashed:
		return []string{"zap"}, fmt.Sprintf("~ %s: crashed → stopped (zap)\n", s), nil
	case m.State == "stopped":
		return nil, "", nil
	case m.State != "" && crashed:
		return []string{"zap", "start"}, fmt.Sprintf("~ %s: crashed → started (zap, then start)\n", s), nil
	case m.State != "" && !running:
		return []string{"start"}, fmt.Sprintf("~ %s: stopped → started\n", s), nil
	case m.State == "restarted":
		return []string{"restart"}, fmt.Sprintf("~ %s: restart\n", s), nil
	case running && confChanged:
		// Covers started, reloaded, and no state given: conf.d is read
		// when the service starts, so a reload would not see it.
		return []string{"restart"}, restartForConf, nil
	case m.State == "reloaded":
		return []string{"reload"}, fmt.Sprintf("~ %s: reload\n", s), nil
	}
	return nil, "", nil
}

func (m *Service) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	act, _ := p.state.(serviceAction)
	if act.noScript {
		return fmt.Errorf("/etc/init.d/%s does not exist: install the service's package first (an apk step before this one)", m.Service)
	}
	var b strings.Builder
	b.WriteString("s=" + shell.Quote(m.Service) + "\n")
	if act.runlevel != "" {
		fmt.Fprintf(&b, "rc-update %s \"$s\" %s\n", act.runlevel, shell.Quote(m.Runlevel))
	}
	if len(act.rc) > 0 {
		b.WriteString("rc-service \"$s\" " + strings.Join(act.rc, " ") + "\n")
	}
	if act.confD != nil {
		return writeFile(ctx, h, writeSpec{Path: m.confPath(), Content: act.confD.content,
			Perm: act.confD.perm, Chown: act.confD.chown, Follow: true}, b.String())
	}
	return runScript(ctx, h, "service "+m.Service, "set -e\n"+b.String())
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
