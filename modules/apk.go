package modules

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
)

// Apk keeps packages present or absent with Alpine's apk.
type Apk struct {
	Packages []string
	State    string // "present" or "absent"
}

var _ Module = (*Apk)(nil)

type apkConfig struct {
	Packages []string `hcl:"packages"`
	State    *string  `hcl:"state,optional"`
}

// apkName matches what apk accepts as a package name; anything else is a
// typo or an injection attempt and is refused before a host is touched.
var apkName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9+._-]*$`)

// ApkType registers the apk step.
func ApkType() Type {
	return Type{Name: "apk", Decode: decodeApk}
}

func decodeApk(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg apkConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Apk{Packages: cfg.Packages, State: "present"}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	if m.State != "present" && m.State != "absent" {
		diags = append(diags, attrError(body, "state", "Invalid package state",
			fmt.Sprintf("state is %q; use \"present\" or \"absent\".", m.State)))
	}
	if len(m.Packages) == 0 {
		diags = append(diags, attrError(body, "packages", "No packages",
			"packages is empty; list at least one package name."))
	}
	for _, p := range m.Packages {
		if !apkName.MatchString(p) {
			diags = append(diags, attrError(body, "packages", "Invalid package name",
				fmt.Sprintf("%q is not an apk package name (letters, digits and + . _ -, starting with a letter or digit).", p)))
		}
	}
	return m, diags
}

func (m *Apk) Summary() string {
	return fmt.Sprintf("packages %s: %s", m.State, strings.Join(m.Packages, ", "))
}

// apkWorldMarker separates /etc/apk/world from the installed list in the
// single round trip Check makes.
const apkWorldMarker = "--switchback-installed--"

func (m *Apk) Check(ctx context.Context, h Host) (Plan, error) {
	// One round trip: the world file says what was asked for, `apk info -e`
	// what is really installed. `apk info -e` exits non-zero when any name
	// is missing, which is an answer, not a failure.
	cmd := "cat /etc/apk/world && echo " + apkWorldMarker + " && { apk info -e -- " +
		shell.Join(m.Packages...) + " || true; }"
	out, err := h.Run(ctx, cmd)
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return Plan{}, commandFailed("reading the apk world and database", out)
	}
	world, installed, ok := strings.Cut(out.Stdout, apkWorldMarker)
	if !ok {
		return Plan{}, fmt.Errorf("unexpected output from the host while reading apk state: %q", lastLines(out.Stdout, 3))
	}
	inWorld := worldNames(world)
	isInstalled := fields(installed)

	var todo []string
	for _, p := range m.Packages {
		wanted := slices.Contains(inWorld, p)
		present := slices.Contains(isInstalled, p)
		switch m.State {
		case "present":
			if !wanted || !present {
				todo = append(todo, p)
			}
		case "absent":
			if wanted {
				todo = append(todo, p)
			} else if present {
				return Plan{}, fmt.Errorf("%s is installed as a dependency of other packages, so apk would not remove it; remove those packages first", p)
			}
		}
	}
	if len(todo) == 0 {
		return NoChange("all packages " + m.State), nil
	}
	sign := "+"
	if m.State == "absent" {
		sign = "-"
	}
	var diff strings.Builder
	for _, p := range todo {
		fmt.Fprintf(&diff, "%s %s\n", sign, p)
	}
	return Change(diff.String(), todo), nil
}

func (m *Apk) Apply(ctx context.Context, h Host, p Plan) error {
	todo, _ := p.state.([]string)
	verb := "add"
	if m.State == "absent" {
		verb = "del"
	}
	out, err := h.Run(ctx, "apk "+verb+" --no-progress -- "+shell.Join(todo...))
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return commandFailed("apk "+verb, out)
	}
	return nil
}

// worldNames reads /etc/apk/world, whose entries may carry a version
// constraint or a repository tag ("name=1.2-r0", "name@edge").
func worldNames(world string) []string {
	var names []string
	for _, entry := range strings.Fields(world) {
		if strings.HasPrefix(entry, "!") {
			continue // a conflict ("must not be installed"), not a wish
		}
		if i := strings.IndexAny(entry, "=<>~@"); i >= 0 {
			entry = entry[:i]
		}
		names = append(names, entry)
	}
	return names
}
