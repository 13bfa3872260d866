package transport

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestResolvePrecedence: flags over inventory over ssh_config over defaults.
func TestResolvePrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "config")
	text := `
Host web
  HostName 10.0.0.11
  User ops
  Port 2200
  IdentityFile ~/.ssh/web_%r
  IdentitiesOnly yes
  ProxyJump bastion,ops@inner:2222
  UserKnownHostsFile /etc/kh1 /etc/kh2
  StrictHostKeyChecking accept-new
  ServerAliveInterval 2
  ServerAliveCountMax 4
  ConnectTimeout 7
Host loose
  StrictHostKeyChecking no
  ProxyJump none
Host *
  User fallback
`
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadSSHConfig(true, file)
	if err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	var warnings []string
	newSSH := func(opts SSHOptions) *SSH {
		opts.Config = cfg
		opts.DefaultKnownHosts = "/default/known_hosts"
		opts.Warn = func(s string) { warnings = append(warnings, s) }
		s, err := NewSSH(opts)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	e, err := newSSH(SSHOptions{}).resolve(Target{Name: "web", Address: "web"})
	if err != nil {
		t.Fatal(err)
	}
	if e.host != "10.0.0.11" || e.user != "ops" || e.port != 2200 || !e.identitiesOnly ||
		!slices.Equal(e.identities, []string{filepath.Join(home, ".ssh/web_ops")}) ||
		!slices.Equal(e.jumps, []string{"bastion", "ops@inner:2222"}) ||
		!slices.Equal(e.knownHosts, []string{"/etc/kh1", "/etc/kh2"}) || e.mode != AcceptNew ||
		e.keepalive != 2*time.Second || e.keepaliveMax != 4 || e.connectTimeout != 7*time.Second {
		t.Errorf("from ssh_config: %+v", e)
	}

	// The inventory wins over ssh_config.
	e, _ = newSSH(SSHOptions{}).resolve(Target{Name: "web", Address: "web", User: "root", Port: 22, IdentityFile: "/k", Jump: "j1"})
	if e.user != "root" || e.port != 22 || !slices.Equal(e.identities, []string{"/k"}) || !e.requireIDs || !slices.Equal(e.jumps, []string{"j1"}) {
		t.Errorf("inventory over ssh_config: %+v", e)
	}

	// Flags win over both.
	flagKH := filepath.Join(dir, "flag_known_hosts")
	if err := os.WriteFile(flagKH, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	e, _ = newSSH(SSHOptions{KnownHostsFile: flagKH, HostKeyMode: Strict, Keepalive: time.Second, KeepaliveMax: 9, ConnectTimeout: 3 * time.Second}).
		resolve(Target{Name: "web", Address: "web"})
	if !slices.Equal(e.knownHosts, []string{flagKH}) || e.mode != Strict || e.keepalive != time.Second || e.keepaliveMax != 9 || e.connectTimeout != 3*time.Second {
		t.Errorf("flags over ssh_config: %+v", e)
	}

	// Defaults, and StrictHostKeyChecking no is not allowed to weaken the check.
	e, _ = newSSH(SSHOptions{}).resolve(Target{Name: "loose", Address: "loose"})
	if e.host != "loose" || e.port != 22 || e.user != "fallback" || e.jumps != nil || e.mode != AcceptNew ||
		!slices.Equal(e.knownHosts, []string{"/default/known_hosts"}) ||
		e.keepalive != DefaultKeepalive || e.keepaliveMax != DefaultKeepaliveMax || e.connectTimeout != DefaultConnectTimeout {
		t.Errorf("defaults: %+v", e)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "StrictHostKeyChecking no") {
		t.Errorf("warnings = %q", warnings)
	}
}

func TestParseHop(t *testing.T) {
	tests := []struct {
		in         string
		user, host string
		port       int
		err        bool
	}{
		{"bastion", "", "bastion", 0, false},
		{"ops@bastion:2222", "ops", "bastion", 2222, false},
		{"ssh://ops@10.0.0.1:22", "ops", "10.0.0.1", 22, false},
		{"[::1]:2222", "", "::1", 2222, false},
		{"ops@", "", "", 0, true},
		{"host:99999", "", "", 0, true},
	}
	for _, tt := range tests {
		user, host, port, err := parseHop(tt.in)
		if (err != nil) != tt.err || user != tt.user || host != tt.host || port != tt.port {
			t.Errorf("parseHop(%q) = %q %q %d %v", tt.in, user, host, port, err)
		}
	}
}

func TestBadSSHConfigValues(t *testing.T) {
	file := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(file, []byte("Host x\n  Port eleven\n  ServerAliveCountMax 0\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadSSHConfig(true, file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSSH(SSHOptions{Config: cfg, DefaultKnownHosts: "/kh"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.resolve(Target{Name: "x", Address: "x"}); err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "Port") {
		t.Errorf("bad port: %v", err)
	}
	if _, err := LoadSSHConfig(true, filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing -F file is not an error")
	}
}
