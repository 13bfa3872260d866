package fleet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Bastions: hosts that only another host of the fleet can reach.
//
// Every host listens on a loopback address, so the controller could dial
// any of them. Behind puts a firewall in front of a host: an nftables
// rule on the output hook lets through only connections made by the
// jump host's processes (its sshd and the forwarding children it forks
// for logins), recognised by their net_cls cgroup class; everything else
// that dials the host's port — the controller included — gets a TCP
// reset. The jump host's sshd allows TCP forwarding, so an SSH client
// reaches the host through it with ProxyJump, and only that way.

// Behind makes hosts reachable only through jump (a host of the same
// fleet). Chains work: Behind("host-01", "host-02") and
// Behind("host-02", "host-03") make host-03 two hops away. The firewall
// is put up once the fleet has booted; a host behind a jump host cannot
// be restarted with StartHost, whose readiness check dials it directly.
func Behind(jump string, hosts ...string) Option {
	return func(c *Config) {
		if c.behind == nil {
			c.behind = map[string]string{}
		}
		for _, h := range hosts {
			c.behind[h] = jump
		}
	}
}

// WithSSHDConfig appends lines to the sshd_config of host (for example
// TrustedUserCAKeys or HostCertificate). sshd keeps the first value of a
// keyword, so lines can add settings but not change the fleet's own.
func WithSSHDConfig(host string, lines ...string) Option {
	return func(c *Config) {
		if c.sshdExtra == nil {
			c.sshdExtra = map[string][]string{}
		}
		c.sshdExtra[host] = append(c.sshdExtra[host], lines...)
	}
}

// HostKeyFile is the host's private host key on the controller (its
// public half is beside it, with .pub), for tests that sign it.
func (h *Host) HostKeyFile() string { return h.hostKeyPath() }

// HostDir is the directory of the host's own files (keys, sshd_config,
// log) on the controller, outside its root.
func (h *Host) HostDir() string { return h.dir }

// configure applies the per-host options before the hosts are provisioned.
func (f *Fleet) configure(cfg Config) error {
	for name := range cfg.sshdExtra {
		if f.Host(name) == nil {
			return fmt.Errorf("WithSSHDConfig: no host %q", name)
		}
	}
	for target, jump := range cfg.behind {
		if f.Host(target) == nil || f.Host(jump) == nil {
			return fmt.Errorf("Behind(%q, %q): no such host", jump, target)
		}
	}
	for _, h := range f.Hosts {
		h.sshdExtra = cfg.sshdExtra[h.Name]
		for _, jump := range cfg.behind {
			if jump == h.Name {
				h.sshdExtra = append(h.sshdExtra, "AllowTcpForwarding yes")
				break
			}
		}
	}
	return nil
}

const (
	netClsRoot = "/sys/fs/cgroup/net_cls"
)

func firewallTable(slot int) string { return "switchback_fleet_" + strconv.Itoa(slot) }

func jumpCgroup(slot int, host string) string {
	return filepath.Join(netClsRoot, fmt.Sprintf("switchback-fleet-%d-%s", slot, host))
}

// isolate puts up the firewall of cfg.behind, after the fleet booted.
func (f *Fleet) isolate(cfg Config, slot int) error {
	if len(cfg.behind) == 0 {
		return nil
	}
	if _, err := exec.LookPath("nft"); err != nil {
		if err := aptInstall([]string{"nftables"}); err != nil {
			return fmt.Errorf("bastion fleet needs nft: %w", err)
		}
	}
	if err := mountNetCls(); err != nil {
		return err
	}
	classes := map[string]string{}
	for i, h := range f.Hosts {
		if _, isJump := classes[h.Name]; isJump || !isJumpHost(cfg, h.Name) {
			continue
		}
		class := fmt.Sprintf("0x%04x%04x", 0x8300+slot, i+1)
		if err := joinCgroup(jumpCgroup(slot, h.Name), class, h); err != nil {
			return err
		}
		classes[h.Name] = class
	}
	table := firewallTable(slot)
	rules := []string{
		"table inet " + table + " {",
		"  chain output {",
		"    type filter hook output priority 0; policy accept;",
	}
	for _, h := range f.Hosts {
		jump, ok := cfg.behind[h.Name]
		if !ok {
			continue
		}
		match := fmt.Sprintf("ip daddr %s tcp dport %d", h.Address, h.Port)
		rules = append(rules,
			fmt.Sprintf("    %s meta cgroup %s accept", match, classes[jump]),
			fmt.Sprintf("    %s reject with tcp reset", match))
	}
	rules = append(rules, "  }", "}")
	cmd := exec.Command("nft", "-f", "-")
	cmd.Stdin = strings.NewReader(strings.Join(rules, "\n") + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("nft: %w: %s", err, tail(string(out), 600))
	}
	return nil
}

func isJumpHost(cfg Config, name string) bool {
	for _, jump := range cfg.behind {
		if jump == name {
			return true
		}
	}
	return false
}

// mountNetCls mounts the cgroup v1 net_cls hierarchy, whose class ids
// nftables matches with "meta cgroup" (cgroup v2 paths are not usable
// where v2 is mounted beside v1).
func mountNetCls() error {
	if _, err := os.Stat(filepath.Join(netClsRoot, "net_cls.classid")); err == nil {
		return nil
	}
	if err := os.MkdirAll(netClsRoot, 0o755); err != nil {
		return fmt.Errorf("net_cls cgroup: %w", err)
	}
	if _, err := run("mount", "-t", "cgroup", "-o", "net_cls", "net_cls", netClsRoot); err != nil {
		return fmt.Errorf("net_cls cgroup: %w", err)
	}
	return nil
}

// joinCgroup moves every process of h into a net_cls cgroup of class;
// sshd's future children inherit it.
func joinCgroup(dir, class string, h *Host) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: cgroup: %w", h.Name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "net_cls.classid"), []byte(class), 0o644); err != nil {
		return fmt.Errorf("%s: cgroup class: %w", h.Name, err)
	}
	init, err := h.initPid()
	if err != nil {
		return err
	}
	pids, err := pidsInNamespace(init)
	if err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	for _, pid := range pids {
		err := os.WriteFile(filepath.Join(dir, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644)
		if err != nil && pid == init {
			return fmt.Errorf("%s: moving sshd into its cgroup: %w", h.Name, err)
		}
	}
	return nil
}

// removeIsolation takes down the firewall and cgroups of the fleet in
// slot; there is nothing to do for a fleet without bastions.
func removeIsolation(slot int) error {
	var errs []error
	if _, err := exec.LookPath("nft"); err == nil {
		if out, err := exec.Command("nft", "delete", "table", "inet", firewallTable(slot)).CombinedOutput(); err != nil &&
			!strings.Contains(string(out), "No such file") {
			errs = append(errs, fmt.Errorf("nft delete table: %w: %s", err, tail(string(out), 300)))
		}
	}
	dirs, _ := filepath.Glob(jumpCgroup(slot, "*"))
	for _, d := range dirs {
		if err := os.Remove(d); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("remove cgroup %s: %w", d, err))
		}
	}
	return errors.Join(errs...)
}
