package modules

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Group keeps a local group present or absent with BusyBox's addgroup
// and delgroup.
type Group struct {
	Name   string
	State  string // "present" or "absent"
	System bool   // only when creating: addgroup -S
	GID    *int
}

var _ Module = (*Group)(nil)

// Writes are the group databases and the backups BusyBox keeps of them.
func (m *Group) Writes() []string {
	return []string{"/etc/group", "/etc/group-", "/etc/passwd", "/etc/passwd-"}
}

type groupConfig struct {
	Name   string  `hcl:"name"`
	State  *string `hcl:"state,optional"`
	System *bool   `hcl:"system,optional"`
	GID    *int    `hcl:"gid,optional"`
}

// GroupType registers the group step.
func GroupType() Type {
	return Type{Name: "group", Decode: decodeGroup, Label: "name"}
}

func decodeGroup(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg groupConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Group{Name: cfg.Name, State: "present", GID: cfg.GID}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	if cfg.System != nil {
		m.System = *cfg.System
	}
	if why := checkAccountName("group", m.Name); why != "" {
		diags = append(diags, attrError(body, "name", "Invalid group name", why+"."))
	}
	if m.State != "present" && m.State != "absent" {
		diags = append(diags, attrError(body, "state", "Invalid group state",
			fmt.Sprintf("state is %q; use \"present\" or \"absent\".", m.State)))
	}
	if m.GID != nil && (*m.GID < 0 || *m.GID > 1<<31-2) {
		diags = append(diags, attrError(body, "gid", "Invalid gid",
			fmt.Sprintf("gid is %d; use a number from 0 to %d.", *m.GID, 1<<31-2)))
	}
	if m.State == "absent" {
		for _, a := range []struct {
			name string
			set  bool
		}{{"system", cfg.System != nil}, {"gid", cfg.GID != nil}} {
			if a.set {
				diags = append(diags, attrError(body, a.name, "Attribute does not apply",
					fmt.Sprintf("%s has no meaning with state = \"absent\"; remove it.", a.name)))
			}
		}
	}
	return m, diags
}

func (m *Group) Summary() string {
	return "group " + m.Name + " " + m.State + m.details()
}

func (m *Group) details() string {
	var d []string
	if m.System {
		d = append(d, "system")
	}
	if m.GID != nil {
		d = append(d, fmt.Sprintf("gid %d", *m.GID))
	}
	if len(d) == 0 || m.State == "absent" {
		return ""
	}
	return " (" + strings.Join(d, ", ") + ")"
}

func (m *Group) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	acc, err := readAccounts(ctx, h)
	if err != nil {
		return Plan{}, err
	}
	g, exists := acc.group(m.Name)
	switch {
	case m.State == "absent" && !exists:
		return NoChange("no group " + m.Name), nil
	case m.State == "absent":
		// delgroup refuses to remove a user's primary group. That is not
		// an error yet: an earlier step may remove or move the user, which
		// in check mode has not happened.
		diff := "- group " + m.Name + "\n"
		var primaryOf []string
		for _, u := range acc.users {
			if u.GID == g.GID {
				primaryOf = append(primaryOf, u.Name)
			}
		}
		if len(primaryOf) > 0 {
			slices.Sort(primaryOf)
			diff += fmt.Sprintf("! it is the primary group of %s: delgroup will refuse unless an earlier step removes them or changes their group\n",
				strings.Join(primaryOf, ", "))
		}
		return Change(diff, nil), nil
	case !exists:
		return Change("+ group "+m.Name+m.details()+"\n", nil), nil
	case m.GID != nil && g.GID != *m.GID:
		return Plan{}, fmt.Errorf("group %s exists with gid %d, not %d; switchback does not renumber groups (files would keep the old gid): change the gid yourself or delete the group first",
			m.Name, g.GID, *m.GID)
	}
	return NoChange("group " + m.Name + " exists"), nil
}

func (m *Group) Apply(ctx context.Context, h hostcmd.Host, _ Plan) error {
	if m.State == "absent" {
		return runScript(ctx, h, "delgroup", "delgroup "+shell.Quote(m.Name))
	}
	args := []string{"addgroup"}
	if m.System {
		args = append(args, "-S")
	}
	if m.GID != nil {
		args = append(args, "-g", strconv.Itoa(*m.GID))
	}
	return runScript(ctx, h, "addgroup", strings.Join(args, " ")+" -- "+shell.Quote(m.Name))
}

// Chainable: addgroup or delgroup, one command.
func (m *Group) Chainable(Plan) bool { return true }
