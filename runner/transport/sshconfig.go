package transport

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kevinburke/ssh_config"
)

// SSHConfig is the operator's OpenSSH client configuration: the files are
// asked in order and, as in OpenSSH, the first value found for a keyword
// wins.
type SSHConfig struct {
	files []sshConfigFile
}

type sshConfigFile struct {
	path string
	cfg  *ssh_config.Config
}

// LoadSSHConfig reads OpenSSH client configuration files. Files that do
// not exist are skipped unless required (a file named with -F must exist).
func LoadSSHConfig(required bool, paths ...string) (*SSHConfig, error) {
	c := &SSHConfig{}
	for _, p := range paths {
		f, err := os.Open(p)
		if errors.Is(err, fs.ErrNotExist) && !required {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading ssh_config: %w", err)
		}
		cfg, err := ssh_config.Decode(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("ssh_config %s: %w; fix the file or point -F at another", p, err)
		}
		c.files = append(c.files, sshConfigFile{path: p, cfg: cfg})
	}
	return c, nil
}

// DefaultSSHConfigFiles are the files OpenSSH's client reads without -F.
func DefaultSSHConfigFiles() []string {
	var files []string
	if home, err := os.UserHomeDir(); err == nil {
		files = append(files, filepath.Join(home, ".ssh", "config"))
	}
	return append(files, "/etc/ssh/ssh_config")
}

func (c *SSHConfig) get(alias, key string) (string, string) {
	if c == nil {
		return "", ""
	}
	for _, f := range c.files {
		if v, err := f.cfg.Get(alias, key); err == nil && v != "" {
			return v, f.path
		}
	}
	return "", ""
}

func (c *SSHConfig) getAll(alias, key string) []string {
	if c == nil {
		return nil
	}
	var all []string
	for _, f := range c.files {
		vs, _ := f.cfg.GetAll(alias, key)
		all = append(all, vs...)
	}
	return all
}

// endpoint is one SSH server to log in to, with every setting decided:
// flags over inventory over ssh_config over defaults.
type endpoint struct {
	name           string // for messages: the inventory name or the jump host as written
	host           string // what to dial
	port           int
	user           string
	identities     []string
	requireIDs     bool // identities named by the inventory must be readable
	identitiesOnly bool
	certificates   []string
	jumps          []string // [user@]host[:port] hops, outermost first
	knownHosts     []string
	hashKnownHosts bool
	mode           HostKeyMode
	keepalive      time.Duration
	keepaliveMax   int
	connectTimeout time.Duration
}

func (e endpoint) hostport() string { return net.JoinHostPort(e.host, strconv.Itoa(e.port)) }

// Defaults when neither flags, inventory nor ssh_config say otherwise.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultKeepalive      = 5 * time.Second
	DefaultKeepaliveMax   = 3
	DefaultMaxSessions    = 10
	DefaultJumpHandshakes = 10
)

// resolve decides how to reach t. The host is looked up in ssh_config
// as `ssh ADDRESS` would look it up.
func (s *SSH) resolve(t Target) (endpoint, error) {
	alias := t.Address
	if alias == "" {
		alias = t.Name
	}
	e, err := s.resolveAlias(t.Name, alias, t.User, t.Port)
	if err != nil {
		return e, err
	}
	if t.IdentityFile != "" {
		e.identities, e.requireIDs = []string{t.IdentityFile}, true
	}
	if t.Jump != "" {
		e.jumps = splitJumps(t.Jump)
	}
	return e, nil
}

// resolveAlias settles everything ssh_config may say about alias; user
// and port, when given, win over it.
func (s *SSH) resolveAlias(name, alias, login string, port int) (endpoint, error) {
	cfg := s.opts.Config
	e := endpoint{name: name, host: alias, port: port, user: login}
	if v, _ := cfg.get(alias, "HostName"); v != "" {
		e.host = strings.ReplaceAll(v, "%h", alias)
	}
	if e.port == 0 {
		if v, file := cfg.get(alias, "Port"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 65535 {
				return e, fmt.Errorf("ssh_config %s: Port %q for %s is not a TCP port", file, v, alias)
			}
			e.port = n
		} else {
			e.port = 22
		}
	}
	if e.user == "" {
		e.user, _ = cfg.get(alias, "User")
	}
	if e.user == "" {
		if u, err := user.Current(); err == nil {
			e.user = u.Username
		}
	}
	expand := func(p string) string { return expandTokens(p, e, alias) }
	for _, f := range cfg.getAll(alias, "IdentityFile") {
		e.identities = append(e.identities, expand(f))
	}
	for _, f := range cfg.getAll(alias, "CertificateFile") {
		e.certificates = append(e.certificates, expand(f))
	}
	if v, _ := cfg.get(alias, "IdentitiesOnly"); strings.EqualFold(v, "yes") {
		e.identitiesOnly = true
	}
	if v, _ := cfg.get(alias, "ProxyJump"); v != "" && !strings.EqualFold(v, "none") {
		e.jumps = splitJumps(v)
	}

	if s.opts.KnownHostsFile != "" {
		e.knownHosts = []string{s.opts.KnownHostsFile}
	}
	if len(e.knownHosts) == 0 {
		if v, _ := cfg.get(alias, "UserKnownHostsFile"); v != "" && !strings.EqualFold(v, "none") {
			for _, f := range strings.Fields(v) {
				e.knownHosts = append(e.knownHosts, expand(f))
			}
		}
	}
	if len(e.knownHosts) == 0 {
		e.knownHosts = []string{s.opts.DefaultKnownHosts}
	}

	if v, _ := cfg.get(alias, "HashKnownHosts"); strings.EqualFold(v, "yes") {
		e.hashKnownHosts = true
	}
	e.mode = s.opts.HostKeyMode
	if e.mode == "" {
		v, file := cfg.get(alias, "StrictHostKeyChecking")
		mode, warn := hostKeyModeFromSSHConfig(v)
		if warn {
			s.warnOnce(fmt.Sprintf("ssh_config %s sets StrictHostKeyChecking %s for %s; switchback never accepts a changed host key and treats it as accept-new", file, v, alias))
		}
		e.mode = mode
	}

	var err error
	if e.connectTimeout, err = s.duration(s.opts.ConnectTimeout, alias, "ConnectTimeout", DefaultConnectTimeout); err != nil {
		return e, err
	}
	if e.keepalive, err = s.duration(s.opts.Keepalive, alias, "ServerAliveInterval", DefaultKeepalive); err != nil {
		return e, err
	}
	e.keepaliveMax = DefaultKeepaliveMax
	switch v, file := cfg.get(alias, "ServerAliveCountMax"); {
	case s.opts.KeepaliveMax > 0:
		e.keepaliveMax = s.opts.KeepaliveMax
	case v != "":
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return e, fmt.Errorf("ssh_config %s: ServerAliveCountMax %q for %s is not a positive number", file, v, alias)
		}
		e.keepaliveMax = n
	}
	return e, nil
}

// duration picks a flag's value, else ssh_config's (whole seconds; 0
// turns keepalives off), else def. Zero means the flag was not given.
func (s *SSH) duration(flag time.Duration, alias, key string, def time.Duration) (time.Duration, error) {
	if flag > 0 {
		return flag, nil
	}
	v, file := s.opts.Config.get(alias, key)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("ssh_config %s: %s %q for %s is not a number of seconds", file, key, v, alias)
	}
	if n == 0 && key == "ConnectTimeout" {
		return def, nil
	}
	return time.Duration(n) * time.Second, nil
}

// hostKeyModeFromSSHConfig maps StrictHostKeyChecking onto our modes.
// OpenSSH's "no" and "off" would accept changed keys; switchback never
// does, so they become accept-new, with a warning. "ask" cannot ask
// during a run: it is strict.
func hostKeyModeFromSSHConfig(v string) (mode HostKeyMode, weakened bool) {
	switch strings.ToLower(v) {
	case "accept-new":
		return AcceptNew, false
	case "no", "off":
		return AcceptNew, true
	default: // yes, ask, unset
		return Strict, false
	}
}

// expandTokens expands ~ and the ssh_config tokens that make sense for
// file names: %d (home), %h (host name), %n (the alias), %p, %r (remote
// user), %u (local user), %%.
func expandTokens(p string, e endpoint, alias string) string {
	home, _ := os.UserHomeDir()
	if p == "~" || strings.HasPrefix(p, "~/") {
		p = home + p[1:]
	}
	if !strings.Contains(p, "%") {
		return p
	}
	local := ""
	if u, err := user.Current(); err == nil {
		local = u.Username
	}
	r := strings.NewReplacer("%%", "%", "%d", home, "%h", e.host, "%n", alias,
		"%p", strconv.Itoa(e.port), "%r", e.user, "%u", local)
	return r.Replace(p)
}

// splitJumps reads a ProxyJump list: "a,b" goes through a, then b.
func splitJumps(v string) []string {
	var hops []string
	for _, h := range strings.Split(v, ",") {
		if h = strings.TrimSpace(h); h != "" {
			hops = append(hops, h)
		}
	}
	return hops
}

// parseHop reads one jump host: [user@]host[:port], [user@][v6addr]:port
// or ssh://[user@]host[:port].
func parseHop(hop string) (user, host string, port int, err error) {
	rest := strings.TrimPrefix(hop, "ssh://")
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		user, rest = rest[:at], rest[at+1:]
	}
	host = rest
	if h, p, splitErr := net.SplitHostPort(rest); splitErr == nil {
		host = h
		if port, err = strconv.Atoi(p); err != nil || port < 1 || port > 65535 {
			return "", "", 0, fmt.Errorf("jump host %q: port %q is not a TCP port", hop, p)
		}
	}
	host = strings.Trim(host, "[]")
	if host == "" {
		return "", "", 0, fmt.Errorf("jump host %q names no host; write [user@]host[:port]", hop)
	}
	return user, host, port, nil
}
