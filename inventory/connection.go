package inventory

import (
	"fmt"
	"math/big"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Become methods switchback knows how to use on Alpine.
const (
	BecomeDoas = "doas"
	BecomeSudo = "sudo"
)

// conn is the connection settings that one level (defaults, a group, a
// host, a vars file) gives; nil fields leave the value to lower levels.
type conn struct {
	address, user, identityFile, becomeMethod, jump *string
	port                                            *int
	become                                          *bool
}

// overlay lays the settings o gives over c.
func (c *conn) overlay(o conn) {
	for _, f := range []struct{ dst, src **string }{
		{&c.address, &o.address}, {&c.user, &o.user}, {&c.identityFile, &o.identityFile},
		{&c.becomeMethod, &o.becomeMethod}, {&c.jump, &o.jump},
	} {
		if *f.src != nil {
			*f.dst = *f.src
		}
	}
	if o.port != nil {
		c.port = o.port
	}
	if o.become != nil {
		c.become = o.become
	}
}

// level is what one place of an inventory says about a host or group.
type level struct {
	vars map[string]cty.Value
	conn conn
}

func portError(r hcl.Range, what string) *hcl.Diagnostic {
	return errorAt(r, "Invalid port",
		fmt.Sprintf("Port %s is not a TCP port; use a number from 1 to 65535 (SSH listens on 22 by default).", what))
}

func checkBecomeMethod(m string, r hcl.Range) *hcl.Diagnostic {
	if m == BecomeDoas || m == BecomeSudo {
		return nil
	}
	return errorAt(r, "Unsupported become method",
		fmt.Sprintf("Become method %q is not supported: use %q (Alpine's default) or %q.", m, BecomeDoas, BecomeSudo))
}

// checkJump accepts jump hosts written [user@]host[:port], several
// separated by commas (passed through in order), where host may be an
// IPv6 address in brackets.
func checkJump(list string, r hcl.Range) *hcl.Diagnostic {
	for _, j := range strings.Split(list, ",") {
		if d := checkJumpHost(strings.TrimSpace(j), r); d != nil {
			return d
		}
	}
	return nil
}

func checkJumpHost(j string, r hcl.Range) *hcl.Diagnostic {
	bad := func(why string) *hcl.Diagnostic {
		return errorAt(r, "Invalid jump host",
			fmt.Sprintf("Jump host %q %s; write it as [user@]host[:port], for example \"ops@bastion.example.com:2222\".", j, why))
	}
	rest := j
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		if at == 0 {
			return bad("has an empty user")
		}
		rest = rest[at+1:]
	}
	host, port := rest, ""
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 || net.ParseIP(rest[1:end]) == nil {
			return bad("has an unclosed or invalid [IPv6 address]")
		}
		host = rest[1:end]
		if after := rest[end+1:]; after != "" {
			if !strings.HasPrefix(after, ":") {
				return bad("has text after the address")
			}
			port = after[1:]
		}
	} else if i := strings.IndexByte(rest, ':'); i >= 0 {
		host, port = rest[:i], rest[i+1:]
	}
	if host == "" {
		return bad("has no host")
	}
	if strings.ContainsAny(j, " \t\r\n/") {
		return bad("contains a space or a slash")
	}
	if port != "" || strings.HasSuffix(rest, ":") {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return bad("has a port that is not a number from 1 to 65535")
		}
	}
	return nil
}

// varEntry is one variable as an Ansible file writes it.
type varEntry struct {
	name string
	val  cty.Value
	rng  hcl.Range
}

// ansibleLevel sorts Ansible's connection variables into settings; every
// other variable (other ansible_* ones included) stays a variable.
func ansibleLevel(entries []varEntry) (level, hcl.Diagnostics) {
	l := level{vars: map[string]cty.Value{}}
	var diags hcl.Diagnostics
	for _, e := range entries {
		set, mapped := ansibleSettings[e.name]
		switch {
		case !mapped:
			l.vars[e.name] = e.val
		case e.val.IsNull():
			// null leaves the setting to lower levels, as in Ansible.
		default:
			if d := set(&l.conn, e); d != nil {
				diags = append(diags, d)
			}
		}
	}
	return l, diags
}

var ansibleSettings = map[string]func(*conn, varEntry) *hcl.Diagnostic{
	"ansible_host": func(c *conn, e varEntry) *hcl.Diagnostic {
		s, d := settingString(e)
		if d == nil && strings.TrimSpace(s) == "" {
			d = errorAt(e.rng, "Empty address", "ansible_host is empty: give the host's DNS name or IP address, or leave it out to use the host's name.")
		}
		c.address = &s
		return d
	},
	"ansible_port": func(c *conn, e varEntry) *hcl.Diagnostic {
		n, d := settingPort(e)
		c.port = &n
		return d
	},
	"ansible_user": func(c *conn, e varEntry) *hcl.Diagnostic {
		s, d := settingString(e)
		c.user = &s
		return d
	},
	"ansible_ssh_private_key_file": func(c *conn, e varEntry) *hcl.Diagnostic {
		s, d := settingString(e)
		s = expandHome(s)
		c.identityFile = &s
		return d
	},
	"ansible_become": func(c *conn, e varEntry) *hcl.Diagnostic {
		b, d := settingBool(e)
		c.become = &b
		return d
	},
	"ansible_become_method": func(c *conn, e varEntry) *hcl.Diagnostic {
		s, d := settingString(e)
		if d == nil {
			d = checkBecomeMethod(s, e.rng)
		}
		c.becomeMethod = &s
		return d
	},
}

func settingString(e varEntry) (string, *hcl.Diagnostic) {
	switch e.val.Type() {
	case cty.String:
		return e.val.AsString(), nil
	case cty.Number:
		return e.val.AsBigFloat().Text('f', -1), nil
	}
	return "", errorAt(e.rng, "Invalid "+e.name, fmt.Sprintf("%s must be a string, not %s.", e.name, describe(e.val)))
}

// describe names a value in a message: a short one by itself, else its type.
func describe(v cty.Value) string {
	switch {
	case v.Type() == cty.String && len(v.AsString()) <= 40:
		return strconv.Quote(v.AsString())
	case v.Type() == cty.Bool || v.Type() == cty.Number:
		return v.GoString()
	}
	return v.Type().FriendlyName()
}

func settingPort(e varEntry) (int, *hcl.Diagnostic) {
	var text string
	switch e.val.Type() {
	case cty.Number:
		bf := e.val.AsBigFloat()
		if !bf.IsInt() {
			return 0, portError(e.rng, bf.Text('g', -1))
		}
		i, _ := bf.Int(nil)
		if i.Cmp(big.NewInt(1)) < 0 || i.Cmp(big.NewInt(65535)) > 0 {
			return 0, portError(e.rng, i.String())
		}
		return int(i.Int64()), nil
	case cty.String:
		text = strings.TrimSpace(e.val.AsString())
	default:
		return 0, portError(e.rng, "of type "+e.val.Type().FriendlyName())
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 || n > 65535 {
		return 0, portError(e.rng, strconv.Quote(text))
	}
	return n, nil
}

// settingBool reads a boolean the way Ansible does, strings included:
// INI [group:vars] values are always strings.
func settingBool(e varEntry) (bool, *hcl.Diagnostic) {
	switch e.val.Type() {
	case cty.Bool:
		return e.val.True(), nil
	case cty.Number:
		if e.val.Equals(cty.NumberIntVal(1)).True() {
			return true, nil
		}
		if e.val.Equals(cty.NumberIntVal(0)).True() {
			return false, nil
		}
	case cty.String:
		switch strings.ToLower(strings.TrimSpace(e.val.AsString())) {
		case "yes", "on", "1", "true", "y", "t":
			return true, nil
		case "no", "off", "0", "false", "n", "f":
			return false, nil
		}
	}
	return false, errorAt(e.rng, "Invalid "+e.name, fmt.Sprintf("%s must be a boolean (true or false, yes or no), not %s.", e.name, describe(e.val)))
}

// expandPath resolves ~ and paths relative to the inventory file, so an
// inventory works the same from any working directory.
func expandPath(p, base string) string {
	p = expandHome(p)
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	return p
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	return p
}

func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "root"
}

func errorAt(r hcl.Range, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: r.Ptr()}
}

func warningAt(r hcl.Range, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: summary, Detail: detail, Subject: r.Ptr()}
}
