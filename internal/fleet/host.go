package fleet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	startTimeout = 20 * time.Second
	stopTimeout  = 10 * time.Second
)

// Host is one fleet member: an sshd chrooted into its own Alpine root.
type Host struct {
	Name    string // host-01, host-02, ...
	Address string // 127.83.<slot>.<i>
	Port    int    // HostPort
	Root    string // the host's root filesystem, as seen from the controller

	dir       string     // the host's files: root, key, sshd_config, log, pid
	sshdExtra []string   // lines added to its sshd_config (WithSSHDConfig, Behind)
	mu        sync.Mutex // serialises start, stop and key rotation
	// exited is closed when the unshare process this Fleet started exits;
	// nil for a host started by another process.
	exited chan struct{}
}

// Path returns p inside the host's root, for inspecting state from the controller.
func (h *Host) Path(p string) string { return filepath.Join(h.Root, p) }

// SSHDLog returns the path of the host's sshd log, on the controller: tests
// read it to count the connections and logins a run really made.
func (h *Host) SSHDLog() string { return h.logPath() }

// Requests counts the exec and subsystem (sftp) requests the host's sshd
// has served: the round trips clients made, seen from the server.
func (h *Host) Requests() (int, error) {
	b, err := os.ReadFile(h.logPath())
	if err != nil {
		return 0, fmt.Errorf("reading %s's sshd log: %w", h.Name, err)
	}
	text := string(b)
	return strings.Count(text, "request exec reply") + strings.Count(text, "request subsystem reply"), nil
}

func (h *Host) addr() string        { return net.JoinHostPort(h.Address, strconv.Itoa(h.Port)) }
func (h *Host) hostKeyPath() string { return filepath.Join(h.dir, "ssh_host_ed25519_key") }
func (h *Host) configPath() string  { return filepath.Join(h.dir, "sshd_config") }
func (h *Host) logPath() string     { return filepath.Join(h.dir, "sshd.log") }
func (h *Host) pidPath() string     { return filepath.Join(h.dir, "pid") }

func newHost(fleetDir, name, address string) *Host {
	dir := filepath.Join(fleetDir, "hosts", name)
	return &Host{Name: name, Address: address, Port: HostPort, Root: filepath.Join(dir, "root"), dir: dir}
}

// provision gives the host its own copy of the base root, a host key and
// an sshd configuration.
func (h *Host) provision(b base, authorizedKeys, logLevel string) error {
	if err := os.MkdirAll(h.dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	if _, err := run("cp", "-a", b.root, h.Root); err != nil {
		return fmt.Errorf("%s: copy base root: %w", h.Name, err)
	}
	if err := writeFileIn(h.Root, "etc/hostname", []byte(h.Name+"\n"), 0o644); err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	if err := provisionBecomeUser(h.Root); err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	if _, err := writeKeyPair(h.hostKeyPath(), "root@"+h.Name); err != nil {
		return fmt.Errorf("%s: host key: %w", h.Name, err)
	}
	if err := writeFileAtomic(h.configPath(), []byte(sshdConfig(h, authorizedKeys, logLevel)), 0o644); err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	return nil
}

// start boots the host and waits until its sshd accepts connections. With
// dieWithUs the kernel kills the host when this process dies (tests).
func (h *Host) start(ctx context.Context, repo string, dieWithUs bool) error {
	if conn, err := net.DialTimeout("tcp", h.addr(), 200*time.Millisecond); err == nil {
		conn.Close()
		return fmt.Errorf("%s: %s already accepts connections: something left over listens there", h.Name, h.addr())
	}
	if err := resetRun(h.Root); err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	log, err := os.OpenFile(h.logPath(), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("%s: open log: %w", h.Name, err)
	}
	defer log.Close()
	args := hostCommand(h, repo)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin"}
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if dieWithUs {
		cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: start: %w", h.Name, err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait() // reaps; the exit status carries nothing the log does not
		close(exited)
	}()
	h.exited = exited
	if err := writeFileAtomic(h.pidPath(), []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o644); err != nil {
		_ = cmd.Process.Kill()
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	if err := h.waitListening(ctx, exited); err != nil {
		return err
	}
	return h.bootServices()
}

// bootServices starts the default runlevel, as a booting host would. A
// service that fails to start does not stop the host from booting; its
// output is kept in boot.log.
func (h *Host) bootServices() error {
	entries, err := os.ReadDir(h.Path("/etc/runlevels/default"))
	if err != nil || len(entries) == 0 {
		return nil // nothing to start; a missing directory is the test's business
	}
	out, err := h.exec("openrc default 2>&1")
	if err != nil {
		out += err.Error() + "\n"
	}
	if err := os.WriteFile(filepath.Join(h.dir, "boot.log"), []byte(out), 0o644); err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	return nil
}

func (h *Host) waitListening(ctx context.Context, exited <-chan struct{}) error {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	for {
		conn, err := net.DialTimeout("tcp", h.addr(), 200*time.Millisecond)
		if err == nil {
			conn.Close()
			return nil
		}
		select {
		case <-exited:
			return fmt.Errorf("%s: sshd exited during start: %s", h.Name, h.logTail())
		case <-ctx.Done():
			return fmt.Errorf("%s: sshd not accepting connections on %s: %w: %s", h.Name, h.addr(), ctx.Err(), h.logTail())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func (h *Host) logTail() string {
	b, err := os.ReadFile(h.logPath())
	if err != nil {
		return "no log: " + err.Error()
	}
	return "log: " + tail(string(b), 800)
}

// pid returns the host's running unshare process, or 0. The command line
// must name this host's sshd_config, so a recycled pid is never taken for it.
func (h *Host) pid() int {
	b, err := os.ReadFile(h.pidPath())
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || !alive(pid) {
		return 0
	}
	cl := cmdline(pid)
	if !strings.HasPrefix(cl, "unshare ") || !strings.Contains(cl, h.configPath()) {
		return 0
	}
	return pid
}

// stop kills the host (the whole pid namespace dies with unshare) and
// waits until its address refuses connections.
func (h *Host) stop() error {
	if pid := h.pid(); pid != 0 {
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
			return fmt.Errorf("%s: kill %d: %w", h.Name, pid, err)
		}
		if h.exited != nil {
			select {
			case <-h.exited:
			case <-time.After(stopTimeout):
				return fmt.Errorf("%s: process %d survived SIGKILL", h.Name, pid)
			}
		} else if err := waitDead(pid, stopTimeout); err != nil {
			return fmt.Errorf("%s: %w", h.Name, err)
		}
		// sshd dies just after unshare, by the kernel's hand.
		if err := h.waitRefused(); err != nil {
			return err
		}
	}
	if err := os.Remove(h.pidPath()); err != nil && !isNotExist(err) {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	return nil
}

func (h *Host) waitRefused() error {
	if h.Address == "" {
		return nil // the fleet's state file is gone; nothing to check against
	}
	deadline := time.Now().Add(stopTimeout)
	for {
		conn, err := net.DialTimeout("tcp", h.addr(), 200*time.Millisecond)
		if err != nil {
			return nil
		}
		conn.Close()
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: %s still accepts connections after stop", h.Name, h.addr())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// initPid returns the host's pid-namespace init (sshd), seen from the controller.
func (h *Host) initPid() (int, error) {
	pid := h.pid()
	if pid == 0 {
		return 0, fmt.Errorf("%s is not running", h.Name)
	}
	child, err := childOf(pid)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", h.Name, err)
	}
	return child, nil
}

// signalAll sends sig to every process of the host, sshd first so that
// no new session appears while the rest are signalled.
func (h *Host) signalAll(sig syscall.Signal) error {
	init, err := h.initPid()
	if err != nil {
		return err
	}
	if err := syscall.Kill(init, sig); err != nil {
		return fmt.Errorf("%s: signal sshd: %w", h.Name, err)
	}
	pids, err := pidsInNamespace(init)
	if err != nil {
		return fmt.Errorf("%s: %w", h.Name, err)
	}
	for _, pid := range pids {
		if pid != init {
			_ = syscall.Kill(pid, sig) // it may have exited since the scan
		}
	}
	return nil
}

// exec runs script with /bin/sh inside the host: in its namespaces,
// chrooted into its root, with Alpine's PATH.
func (h *Host) exec(script string) (string, error) {
	init, err := h.initPid()
	if err != nil {
		return "", err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("nsenter", "--target", strconv.Itoa(init), "--mount", "--pid", "--uts", "--",
		"env", "-i", rootPath, "HOME=/root", "chroot", h.Root, "/bin/sh", "-c", script)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s: %w: %s", h.Name, err, tail(stderr.String(), 800))
	}
	return stdout.String(), nil
}
