package bench

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/shell"
)

// proxyPort is where each host's latency proxy listens, on the host's own
// address.
const proxyPort = fleet.HostPort + 1

// target is one fleet as both clients reach it: directly, or through
// one proxy listener per host.
type target struct {
	fleet      *fleet.Fleet
	dir        string
	inventory  string // HCL inventory for switchback
	knownHosts string // host keys under the addresses the clients dial
	hostsFile  string // "address port" per line, for the floor
	routes     []proxyRoute
	logs       []string // every host's sshd log
}

func newTarget(f *fleet.Fleet, dir string, proxied bool) (target, error) {
	t := target{fleet: f, dir: dir,
		inventory:  filepath.Join(dir, "inventory.hcl"),
		knownHosts: filepath.Join(dir, "known_hosts"),
		hostsFile:  filepath.Join(dir, "hosts"),
	}
	port := fleet.HostPort
	if proxied {
		port = proxyPort
	}
	var inv, hosts strings.Builder
	fmt.Fprintf(&inv, "defaults {\n  user          = %q\n  port          = %d\n  identity_file = %q\n}\n", f.User, port, f.IdentityFile)
	for _, h := range f.Hosts {
		fmt.Fprintf(&inv, "host %q {\n  address = %q\n}\n", h.Name, h.Address)
		fmt.Fprintf(&hosts, "%s %d\n", h.Address, port)
		t.logs = append(t.logs, h.SSHDLog())
		if proxied {
			t.routes = append(t.routes, proxyRoute{Name: h.Name, Enabled: true,
				Listen:   net.JoinHostPort(h.Address, strconv.Itoa(proxyPort)),
				Upstream: net.JoinHostPort(h.Address, strconv.Itoa(h.Port))})
		}
	}
	kh, err := os.ReadFile(f.KnownHosts)
	if err != nil {
		return t, fmt.Errorf("fleet known_hosts: %w", err)
	}
	for path, content := range map[string]string{
		t.inventory:  inv.String(),
		t.hostsFile:  hosts.String(),
		t.knownHosts: retargetKnownHosts(string(kh), fleet.HostPort, port),
	} {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			return t, err
		}
	}
	return t, nil
}

// retargetKnownHosts moves every "[address]:from" entry to port to, so
// that a client dialling the proxy checks the real host's key.
func retargetKnownHosts(kh string, from, to int) string {
	if from == to {
		return kh
	}
	return strings.ReplaceAll(kh, "]:"+strconv.Itoa(from)+" ", "]:"+strconv.Itoa(to)+" ")
}

func (t target) env() []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + t.dir,
		"XDG_STATE_HOME=" + filepath.Join(t.dir, "state"),
	}
}

// switchback runs the playbook on every host (or only checks, which is
// not measured as a benchmark figure) and hands the recap to judge.
func (t target) switchback(ctx context.Context, cfg Config, check bool, judge func(recap) error) (Measure, error) {
	args := []string{"run", cfg.Playbook, "-i", t.inventory, "--known-hosts", t.knownHosts,
		"--waves", "100%", "--forks", strconv.Itoa(cfg.Forks), "--connect-timeout", "30s"}
	if check {
		args = append(args, "--check")
	}
	return t.measured(ctx, cfg.Switchback, args, func(out string) error { return judge(parseRecap(out)) })
}

// floor sends the script to every host with the OpenSSH client, forks at
// a time, through xargs; a shell per host only sets up the redirection
// and becomes ssh.
func (t target) floor(ctx context.Context, cfg Config) (Measure, error) {
	script, err := filepath.Abs(cfg.Script)
	if err != nil {
		return Measure{}, err
	}
	ssh := "exec ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -o LogLevel=ERROR" +
		" -o ConnectTimeout=30 -o UserKnownHostsFile=" + shell.Quote(t.knownHosts) +
		" -i " + shell.Quote(t.fleet.IdentityFile) + " -p \"$1\" " + shell.Quote(t.fleet.User) + "@\"$0\" sh -s < " + shell.Quote(script)
	args := []string{"-a", t.hostsFile, "-P", strconv.Itoa(cfg.Forks), "-L", "1", "sh", "-c", ssh}
	return t.measured(ctx, "xargs", args, func(string) error { return nil })
}

func (t target) measured(ctx context.Context, name string, args []string, judge func(string) error) (Measure, error) {
	marks, err := markLogs(t.logs)
	if err != nil {
		return Measure{}, err
	}
	s := measure(ctx, name, args, t.env(), t.dir)
	if s.Err != nil {
		return Measure{Sample: s}, fmt.Errorf("%w\n%s", s.Err, tail(s.Output, 3000))
	}
	if err := judge(s.Output); err != nil {
		return Measure{Sample: s}, fmt.Errorf("%w\n%s", err, tail(s.Output, 3000))
	}
	n, err := marks.requestsSince()
	return Measure{Sample: s, Requests: n}, err
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

// recap is the per-host outcome of a text-mode run.
type recap map[string]hostRecap

type hostRecap struct{ ok, changed, failed, unreachable int }

var recapLine = regexp.MustCompile(`(?m)^(\S+)\s+(?:wave \d+\s+)?ok=(\d+)\s+changed=(\d+)\s+failed=(\d+)\s+unreachable=(\d+)\s*$`)

func parseRecap(out string) recap {
	r := recap{}
	for _, m := range recapLine.FindAllStringSubmatch(out, -1) {
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		r[m[1]] = hostRecap{ok: n(2), changed: n(3), failed: n(4), unreachable: n(5)}
	}
	return r
}

// want says whether every one of n hosts finished cleanly and, as asked,
// changed something or nothing.
func (r recap) want(n int, changed bool) error {
	if len(r) != n {
		return fmt.Errorf("recap lists %d host(s), want %d", len(r), n)
	}
	for host, h := range r {
		switch {
		case h.failed > 0 || h.unreachable > 0:
			return fmt.Errorf("%s: failed=%d unreachable=%d", host, h.failed, h.unreachable)
		case changed && h.changed == 0:
			return fmt.Errorf("%s: changed nothing on a fresh host", host)
		case !changed && h.changed > 0:
			return fmt.Errorf("%s: changed=%d on a converged host", host, h.changed)
		}
	}
	return nil
}

// fleetRSS is the resident memory of every process of every host.
func (t target) fleetRSS() int64 {
	var pids []int
	for _, h := range t.fleet.Hosts {
		if pid := t.fleet.PID(h.Name); pid != 0 {
			pids = append(pids, pid)
		}
	}
	return treeMemory(pids...).rss
}
