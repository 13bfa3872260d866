package inventory

import (
	"fmt"
	"math/big"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"slices"
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

// level is what one place of an inventory says about a host or group:
// variables (with where each was set, for messages) and, in HCL,
// connection settings.
type level struct {
	vars map[string]cty.Value
	rngs map[string]hcl.Range
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

// varsLevel keeps Ansible variables as they are: connection variables
// included, as Ansible keeps them among a host's variables. Which of
// them decide how to connect is read once a host's variables are merged.
func varsLevel(entries []varEntry) level {
	l := level{vars: map[string]cty.Value{}, rngs: map[string]hcl.Range{}}
	for _, e := range entries {
		l.vars[e.name] = e.val
		l.rngs[e.name] = e.rng
	}
	return l
}

// connDiags collects what connection variables say about hosts, each
// message once however many hosts share the variable.
type connDiags struct {
	seen  map[string]bool
	diags hcl.Diagnostics
}

func (c *connDiags) add(d *hcl.Diagnostic) {
	c.addOnce(fmt.Sprintf("%d|%s|%s|%v", d.Severity, d.Summary, d.Detail, d.Subject), d)
}

// addOnce adds d unless a diagnostic of the same key was added.
func (c *connDiags) addOnce(key string, d *hcl.Diagnostic) {
	if !c.seen[key] {
		c.seen[key] = true
		c.diags = append(c.diags, d)
	}
}

// sshConnections are the ansible_connection values that mean SSH.
var sshConnections = []string{"ssh", "smart", "paramiko", "paramiko_ssh", "ansible.builtin.ssh", "ansible.builtin.paramiko_ssh", "ansible.legacy.ssh"}

// ansible reads a host's Ansible connection variables from its merged
// variables. Where Ansible has an old and a new spelling, the old one
// (ansible_ssh_host, ansible_ssh_port, ansible_ssh_user) wins when both
// are set, as in Ansible. A setting switchback cannot honour makes the
// host unsupported, with the variable named, rather than connecting
// somewhere else: runs refuse such a host.
func (c *connDiags) ansible(h *Host, origin map[string]hcl.Range) conn {
	var out conn
	get := func(names ...string) (string, cty.Value, bool) {
		for _, n := range names {
			if v, ok := h.Vars[n]; ok && !v.IsNull() {
				return n, v, true
			}
		}
		return "", cty.NilVal, false
	}
	where := func(name string) string {
		r := origin[name]
		if r.Filename == "" {
			return name
		}
		return fmt.Sprintf("%s (%s:%d)", name, r.Filename, r.Start.Line)
	}
	refuse := func(name, why string) {
		if h.Unsupported == "" {
			h.Unsupported = where(name) + " " + why
		}
		// One warning per variable, however many hosts it applies to.
		r := origin[name]
		c.addOnce(fmt.Sprintf("unsupported|%s|%s|%v", name, why, r), warningAt(r, "Host not supported",
			fmt.Sprintf("%s %s Runs refuse the hosts it applies to (%s first); leave them out with --limit '!%s'.", name, why, h.Name, h.Name)))
	}
	// A value that cannot be used makes the host unsupported, as Ansible
	// would fail to connect to it; the inventory still loads.
	invalid := func(name string, d *hcl.Diagnostic) {
		refuse(name, "cannot be used: "+d.Detail)
	}
	// text reads a string setting, refusing Jinja templates, which
	// switchback does not evaluate.
	text := func(name string, v cty.Value) (string, bool) {
		s, d := settingString(varEntry{name, v, origin[name]})
		if d != nil {
			invalid(name, d)
			return "", false
		}
		if isTemplate(s) {
			refuse(name, fmt.Sprintf("is the Jinja template %q, which switchback does not evaluate: write the value itself.", s))
			return "", false
		}
		return s, true
	}

	if name, v, ok := get("ansible_connection"); ok {
		if s, ok := text(name, v); ok && !slices.Contains(sshConnections, s) {
			if s == "local" || s == "ansible.builtin.local" {
				refuse(name, "is local, which runs on the controller itself: switchback reaches hosts over SSH only.")
			} else {
				refuse(name, fmt.Sprintf("is %q: switchback reaches hosts over SSH only.", s))
			}
		}
	}
	if name, v, ok := get("ansible_ssh_host", "ansible_host"); ok {
		if s, ok := text(name, v); ok {
			if strings.TrimSpace(s) == "" {
				refuse(name, "is empty: give the host's DNS name or IP address, or leave it out to use the host's name.")
			} else {
				out.address = &s
			}
		}
	}
	if name, v, ok := get("ansible_ssh_port", "ansible_port"); ok {
		if v.Type() == cty.String && isTemplate(v.AsString()) {
			text(name, v)
		} else if n, d := settingPort(varEntry{name, v, origin[name]}); d != nil {
			invalid(name, d)
		} else {
			out.port = &n
		}
	}
	if name, v, ok := get("ansible_ssh_user", "ansible_user"); ok {
		if s, ok := text(name, v); ok {
			out.user = &s
		}
	}
	if name, v, ok := get("ansible_ssh_private_key_file", "ansible_private_key_file"); ok {
		if s, ok := text(name, v); ok {
			s = expandHome(s)
			out.identityFile = &s
		}
	}
	become := false
	if name, v, ok := get("ansible_become"); ok {
		b, d := settingBool(varEntry{name, v, origin[name]})
		if d != nil {
			invalid(name, d)
		} else {
			out.become, become = &b, b
		}
	}
	if name, v, ok := get("ansible_become_method"); ok {
		if s, ok := text(name, v); ok {
			switch method := strings.TrimPrefix(strings.TrimPrefix(s, "ansible.builtin."), "community.general."); {
			case method == BecomeDoas || method == BecomeSudo:
				out.becomeMethod = &method
			case become:
				refuse(name, fmt.Sprintf("is %q: switchback becomes root with doas or sudo only.", s))
			}
		}
	}
	if name, v, ok := get("ansible_become_user"); ok && become {
		if s, ok := text(name, v); ok && s != "root" {
			refuse(name, fmt.Sprintf("is %q: switchback becomes root only.", s))
		}
	}
	for _, name := range []string{"ansible_ssh_pass", "ansible_password", "ansible_become_password", "ansible_become_pass"} {
		if _, _, ok := get(name); ok {
			what := "logs in with keys (ssh-agent, identity files) only"
			if strings.Contains(name, "become") {
				what = "runs doas and sudo without a password (doas -n, sudo -n) only"
			}
			c.add(warningAt(origin[name], "Password not used", fmt.Sprintf("%s is set, but switchback %s, so it is not used.", name, what)))
		}
	}
	c.sshArgs(h, get, origin, refuse, &out)
	return out
}

// isTemplate says whether s holds Jinja, which Ansible would evaluate.
func isTemplate(s string) bool {
	return strings.Contains(s, "{{") || strings.Contains(s, "{%")
}

// sshArgs reads the options of ansible_ssh_common_args and
// ansible_ssh_extra_args (common first, as Ansible passes them, and the
// first value of an option wins, as in OpenSSH): ProxyJump and -J become
// the jump host; ProxyCommand too when it is the usual ssh -W through a
// bastion; any other ProxyCommand makes the host unsupported; other
// options are named in a warning and not used.
func (c *connDiags) sshArgs(h *Host, get func(...string) (string, cty.Value, bool), origin map[string]hcl.Range, refuse func(string, string), out *conn) {
	jumpSet := false
	for _, name := range []string{"ansible_ssh_common_args", "ansible_ssh_extra_args", "ansible_ssh_args"} {
		_, v, ok := get(name)
		if !ok {
			continue
		}
		if v.Type() != cty.String {
			refuse(name, fmt.Sprintf("cannot be used: it must be a string of ssh options, not %s.", describe(v)))
			continue
		}
		s := v.AsString()
		if isTemplate(s) {
			refuse(name, fmt.Sprintf("is the Jinja template %q, which switchback does not evaluate: write the options themselves.", s))
			continue
		}
		opts, err := parseSSHArgs(s)
		if err != nil {
			refuse(name, fmt.Sprintf("cannot be used: %v.", err))
			continue
		}
		var ignored []string
		for _, o := range opts {
			switch strings.ToLower(o.key) {
			case "proxyjump":
				if !jumpSet && !strings.EqualFold(o.value, "none") {
					if d := checkJump(o.value, origin[name]); d != nil {
						refuse(name, "cannot be used: "+d.Detail)
						continue
					}
					jump := o.value
					out.jump, jumpSet = &jump, true
				}
			case "proxycommand":
				if jumpSet || strings.EqualFold(o.value, "none") {
					continue
				}
				jump, ok := proxyCommandJump(o.value)
				if !ok {
					refuse(name, fmt.Sprintf("sets ProxyCommand %q, which switchback does not run: reach the host with ProxyJump (-o ProxyJump=[user@]bastion[:port]) instead.", o.value))
					continue
				}
				out.jump, jumpSet = &jump, true
			default:
				ignored = append(ignored, o.text)
			}
		}
		if len(ignored) > 0 {
			c.add(warningAt(origin[name], "SSH options not used",
				fmt.Sprintf("%s holds %s, which switchback does not use: it reads ProxyJump (and ProxyCommand through ssh -W) there; other settings belong in ssh_config (-F) or switchback's flags (--host-key-check, --known-hosts).", name, strings.Join(ignored, " "))))
		}
	}
}

// sshOption is one option of an ssh command line.
type sshOption struct {
	key, value, text string
}

// parseSSHArgs splits ssh options as a shell would, and reads -o
// Key=Value (or "Key Value"), -oKey=Value and -J; any other argument is
// kept as an option without a key's meaning.
func parseSSHArgs(s string) ([]sshOption, error) {
	words, err := shellWords(s)
	if err != nil {
		return nil, err
	}
	var out []sshOption
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-o" || w == "-J":
			if i+1 >= len(words) {
				return nil, fmt.Errorf("%s needs a value", w)
			}
			i++
			if w == "-J" {
				out = append(out, sshOption{"ProxyJump", words[i], "-J " + words[i]})
			} else {
				out = append(out, splitSSHOption(words[i]))
			}
		case strings.HasPrefix(w, "-o"):
			out = append(out, splitSSHOption(w[2:]))
		case strings.HasPrefix(w, "-J"):
			out = append(out, sshOption{"ProxyJump", w[2:], w})
		default:
			out = append(out, sshOption{text: w})
		}
	}
	return out, nil
}

func splitSSHOption(o string) sshOption {
	i := strings.IndexAny(o, "= \t")
	if i < 0 {
		return sshOption{key: o, text: "-o " + o}
	}
	return sshOption{key: o[:i], value: strings.TrimLeft(o[i:], "= \t"), text: "-o " + o}
}

// proxyCommandJump reads "ssh [-q] [-p PORT] [-l USER] -W %h:%p [USER@]HOST"
// (options in any order), the ProxyCommand spelling of a jump host.
func proxyCommandJump(cmd string) (string, bool) {
	words, err := shellWords(cmd)
	if err != nil || len(words) < 2 || filepath.Base(words[0]) != "ssh" {
		return "", false
	}
	var host, port, login string
	forward := false
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-q" || w == "-T" || w == "-a" || w == "-x":
		case w == "-W" && i+1 < len(words):
			i++
			forward = words[i] == "%h:%p" || words[i] == "[%h]:%p"
		case (w == "-p" || w == "-l") && i+1 < len(words):
			i++
			if w == "-p" {
				port = words[i]
			} else {
				login = words[i]
			}
		case strings.HasPrefix(w, "-"):
			return "", false
		case host == "":
			host = w
		default:
			return "", false
		}
	}
	if !forward || host == "" {
		return "", false
	}
	if login != "" && !strings.Contains(host, "@") {
		host = login + "@" + host
	}
	if port != "" {
		host += ":" + port
	}
	if checkJump(host, hcl.Range{}) != nil {
		return "", false
	}
	return host, true
}

// shellWords splits s the way Python's shlex.split does: white space
// separates, quotes group, a backslash escapes outside single quotes.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		case c == '\\':
			in = true
			if i+1 < len(s) {
				i++
				cur.WriteByte(s[i])
			}
		case c == '\'' || c == '"':
			in = true
			j := i + 1
			for ; j < len(s) && s[j] != c; j++ {
				if c == '"' && s[j] == '\\' && j+1 < len(s) && strings.IndexByte("\"\\$`", s[j+1]) >= 0 {
					j++
				}
				cur.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, fmt.Errorf("the quote %c is never closed", c)
			}
			i = j
		default:
			in = true
			cur.WriteByte(c)
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words, nil
}

func settingString(e varEntry) (string, *hcl.Diagnostic) {
	switch e.val.Type() {
	case cty.String:
		return e.val.AsString(), nil
	case cty.Number:
		return pyNumberText(e.val), nil
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

// settingBool reads a boolean the way Ansible does, strings included.
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
