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

// User keeps a local account present or absent with BusyBox's adduser
// and deluser. Alpine has no usermod by default: the shell, home and
// primary group of an existing user are changed by rewriting its line
// of /etc/passwd, and supplementary groups with addgroup and delgroup.
type User struct {
	Name   string
	State  string // "present" or "absent"
	System bool   // only when creating: adduser -S
	Shell  string // empty leaves it alone
	Home   string // empty leaves it alone; an existing home is not moved
	UID    *int
	Group  string   // primary group; empty leaves it alone
	Groups []string // supplementary groups, exactly; nil leaves them alone
}

var _ Module = (*User)(nil)

// Writes are the account databases, the backups BusyBox keeps of them
// (/etc/passwd- ...), and the home directory adduser creates.
func (m *User) Writes() []string {
	w := []string{"/etc/passwd", "/etc/passwd-", "/etc/shadow", "/etc/shadow-", "/etc/group", "/etc/group-"}
	if m.State != "absent" {
		home := m.Home
		if home == "" {
			home = "/home/" + m.Name // adduser's default, for system users too
		}
		w = append(w, home)
	}
	return w
}

type userConfig struct {
	Name   string    `hcl:"name"`
	State  *string   `hcl:"state,optional"`
	System *bool     `hcl:"system,optional"`
	Shell  *string   `hcl:"shell,optional"`
	Home   *string   `hcl:"home,optional"`
	UID    *int      `hcl:"uid,optional"`
	Group  *string   `hcl:"group,optional"`
	Groups *[]string `hcl:"groups,optional"`
}

// UserType registers the user step.
func UserType() Type {
	return Type{Name: "user", Decode: decodeUser, Label: "name"}
}

func decodeUser(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg userConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &User{Name: cfg.Name, State: "present", UID: cfg.UID}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	if why := checkAccountName("user", m.Name); why != "" {
		diags = append(diags, attrError(body, "name", "Invalid user name", why+"."))
	}
	if m.State != "present" && m.State != "absent" {
		diags = append(diags, attrError(body, "state", "Invalid user state",
			fmt.Sprintf("state is %q; use \"present\" or \"absent\".", m.State)))
	}
	if cfg.System != nil {
		m.System = *cfg.System
	}
	for _, a := range []struct {
		name string
		val  *string
		dst  *string
	}{{"shell", cfg.Shell, &m.Shell}, {"home", cfg.Home, &m.Home}} {
		if a.val == nil {
			continue
		}
		*a.dst = *a.val
		if why := checkPasswdPath(*a.val); why != "" {
			diags = append(diags, attrError(body, a.name, "Invalid "+a.name, fmt.Sprintf("%s: %s.", a.name, why)))
		}
	}
	if m.UID != nil && (*m.UID < 0 || *m.UID > 1<<31-2) {
		diags = append(diags, attrError(body, "uid", "Invalid uid",
			fmt.Sprintf("uid is %d; use a number from 0 to %d.", *m.UID, 1<<31-2)))
	}
	if cfg.Group != nil {
		m.Group = *cfg.Group
		if why := checkAccountName("group", m.Group); why != "" {
			diags = append(diags, attrError(body, "group", "Invalid group name", why+"."))
		}
	}
	if cfg.Groups != nil {
		m.Groups = []string{}
		for _, g := range *cfg.Groups {
			if why := checkAccountName("group", g); why != "" {
				diags = append(diags, attrError(body, "groups", "Invalid group name", why+"."))
			}
			if !slices.Contains(m.Groups, g) {
				m.Groups = append(m.Groups, g)
			}
		}
	}
	if m.State == "absent" {
		for _, a := range []struct {
			name string
			set  bool
		}{{"system", cfg.System != nil}, {"shell", cfg.Shell != nil}, {"home", cfg.Home != nil},
			{"uid", cfg.UID != nil}, {"group", cfg.Group != nil}, {"groups", cfg.Groups != nil}} {
			if a.set {
				diags = append(diags, attrError(body, a.name, "Attribute does not apply",
					fmt.Sprintf("%s has no meaning with state = \"absent\"; remove it.", a.name)))
			}
		}
	}
	return m, diags
}

// checkPasswdPath says what is wrong with a shell or home for /etc/passwd.
func checkPasswdPath(p string) string {
	switch {
	case !strings.HasPrefix(p, "/"):
		return fmt.Sprintf("%q is not an absolute path", p)
	case strings.ContainsAny(p, ":\n\x00"):
		return fmt.Sprintf("%q contains a character /etc/passwd cannot hold (\":\", a line break or NUL)", p)
	}
	return ""
}

func (m *User) Summary() string {
	if m.State == "absent" {
		return "user " + m.Name + " absent"
	}
	return "user " + m.Name + " present" + m.details()
}

func (m *User) details() string {
	var d []string
	if m.System {
		d = append(d, "system")
	}
	if m.UID != nil {
		d = append(d, fmt.Sprintf("uid %d", *m.UID))
	}
	if m.Group != "" {
		d = append(d, "group "+m.Group)
	}
	if m.Groups != nil {
		d = append(d, "groups "+listOrNone(m.Groups))
	}
	if m.Home != "" {
		d = append(d, "home "+m.Home)
	}
	if m.Shell != "" {
		d = append(d, "shell "+m.Shell)
	}
	if len(d) == 0 {
		return ""
	}
	return " (" + strings.Join(d, ", ") + ")"
}

// userAction is what Apply does, decided by Check.
type userAction struct {
	create, remove bool
	shell, home    string // new passwd fields; empty for no change
	gid            string
	join, leave    []string // supplementary groups
}

func (m *User) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	acc, err := readAccounts(ctx, h)
	if err != nil {
		return Plan{}, err
	}
	u, exists := acc.users[m.Name]
	switch {
	case m.State == "absent" && !exists:
		return NoChange("no user " + m.Name), nil
	case m.State == "absent":
		return Change(fmt.Sprintf("- user %s (deluser also drops a group of the same name; %s is kept)\n", m.Name, u.Home),
			userAction{remove: true}), nil
	case !exists:
		act := userAction{create: true}
		for _, g := range m.Groups {
			if g != m.Group {
				act.join = append(act.join, g)
			}
		}
		return Change("+ user "+m.Name+m.details()+"\n", act), nil
	}

	if m.UID != nil && u.UID != *m.UID {
		return Plan{}, fmt.Errorf("user %s exists with uid %d, not %d; switchback does not renumber users (files would keep the old uid): change the uid yourself or delete the user first",
			m.Name, u.UID, *m.UID)
	}
	var diff strings.Builder
	var act userAction
	if m.Shell != "" && u.Shell != m.Shell {
		act.shell = m.Shell
		fmt.Fprintf(&diff, "~ user %s: shell %s → %s\n", m.Name, u.Shell, m.Shell)
	}
	if m.Home != "" && u.Home != m.Home {
		act.home = m.Home
		fmt.Fprintf(&diff, "~ user %s: home %s → %s (the directory is not moved)\n", m.Name, u.Home, m.Home)
	}
	if m.Group != "" {
		g, ok := acc.group(m.Group)
		if !ok || g.GID != u.GID {
			cur := strconv.Itoa(u.GID)
			if cg, ok := acc.groupByID(u.GID); ok {
				cur = cg.Name
			}
			want := m.Group
			if ok {
				act.gid = strconv.Itoa(g.GID)
			} else {
				want += " (not there yet)"
				act.gid = "?" + m.Group // Apply fails unless an earlier step creates it
			}
			fmt.Fprintf(&diff, "~ user %s: group %s → %s\n", m.Name, cur, want)
		}
	}
	if m.Groups != nil {
		var current []string
		for _, g := range acc.groups {
			if g.GID != u.GID && slices.Contains(g.Members, m.Name) {
				current = append(current, g.Name)
			}
		}
		primary, _ := acc.groupByID(u.GID)
		for _, g := range m.Groups {
			// The primary group needs no membership: a user is in it anyway.
			if !slices.Contains(current, g) && g != primary.Name {
				act.join = append(act.join, g)
				fmt.Fprintf(&diff, "+ user %s in group %s\n", m.Name, g)
			}
		}
		for _, g := range current {
			if !slices.Contains(m.Groups, g) {
				act.leave = append(act.leave, g)
				fmt.Fprintf(&diff, "- user %s from group %s\n", m.Name, g)
			}
		}
	}
	if diff.Len() == 0 {
		return NoChange("user " + m.Name + " is as wanted"), nil
	}
	return Change(diff.String(), act), nil
}

func (m *User) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	act, _ := p.state.(userAction)
	name := shell.Quote(m.Name)
	if act.remove {
		return runScript(ctx, h, "deluser", "deluser "+name)
	}
	if strings.HasPrefix(act.gid, "?") {
		return fmt.Errorf("group %s does not exist; create it with a group step before this one", act.gid[1:])
	}
	var b strings.Builder
	b.WriteString("set -e\n")
	if act.create {
		args := []string{"adduser", "-D"}
		if m.System {
			args = append(args, "-S")
		}
		if m.UID != nil {
			args = append(args, "-u", strconv.Itoa(*m.UID))
		}
		if m.Home != "" {
			args = append(args, "-h", shell.Quote(m.Home))
		}
		if m.Shell != "" {
			args = append(args, "-s", shell.Quote(m.Shell))
		}
		if m.Group != "" {
			args = append(args, "-G", shell.Quote(m.Group))
		}
		b.WriteString(strings.Join(args, " ") + " -- " + name + "\n")
	}
	if act.shell != "" || act.home != "" || act.gid != "" {
		// Only the user's own line changes; values reach awk through the
		// environment, which awk does not unescape as it does -v values.
		fmt.Fprintf(&b, `t=$(mktemp /etc/.switchback.XXXXXX)
trap 'rm -f -- "$t"' EXIT
SB_NAME=%s SB_SHELL=%s SB_HOME=%s SB_GID=%s awk -F: 'BEGIN { OFS = ":" }
$1 == ENVIRON["SB_NAME"] {
	if (ENVIRON["SB_GID"] != "") $4 = ENVIRON["SB_GID"]
	if (ENVIRON["SB_HOME"] != "") $6 = ENVIRON["SB_HOME"]
	if (ENVIRON["SB_SHELL"] != "") $7 = ENVIRON["SB_SHELL"]
}
{ print }' /etc/passwd >"$t"
chown -- "$(stat -c %%u:%%g /etc/passwd)" "$t"
chmod -- "$(stat -c %%a /etc/passwd)" "$t"
if command -v fsync >/dev/null 2>&1; then fsync -- "$t"; else sync; fi
mv -fT -- "$t" /etc/passwd
trap - EXIT
`, name, shell.Quote(act.shell), shell.Quote(act.home), shell.Quote(act.gid))
	}
	for _, g := range act.join {
		b.WriteString("addgroup " + name + " " + shell.Quote(g) + "\n")
	}
	for _, g := range act.leave {
		b.WriteString("delgroup " + name + " " + shell.Quote(g) + "\n")
	}
	return runScript(ctx, h, "changing user "+m.Name, b.String())
}

func listOrNone(l []string) string {
	if len(l) == 0 {
		return "none"
	}
	return strings.Join(l, ", ")
}

// Chainable: one script, unless the plan names a group that did not
// exist when it was made (Apply then refuses without a command).
func (m *User) Chainable(p Plan) bool {
	act, _ := p.state.(userAction)
	return !strings.HasPrefix(act.gid, "?")
}
