package fleet

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
)

// Faults and inspection of single hosts, for tests.

// Host returns the host called name, or nil.
func (f *Fleet) Host(name string) *Host {
	for _, h := range f.Hosts {
		if h.Name == name {
			return h
		}
	}
	return nil
}

func (f *Fleet) host(name string) (*Host, error) {
	if h := f.Host(name); h != nil {
		return h, nil
	}
	return nil, fmt.Errorf("fleet %s has no host %q", filepath.Base(f.Dir), name)
}

// StopHost kills the host (its whole pid namespace dies) and waits until
// its address no longer accepts connections.
func (f *Fleet) StopHost(name string) error {
	h, err := f.host(name)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.stop()
}

// StartHost starts a stopped host again with the same root and key, as
// after a reboot (/run emptied, the default runlevel started), and waits
// until its sshd accepts connections.
func (f *Fleet) StartHost(name string) error {
	h, err := f.host(name)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.pid() != 0 {
		return fmt.Errorf("%s is already running", name)
	}
	return h.start(context.Background(), f.repo, f.dieWithUs)
}

// FreezeHost stops (SIGSTOP) every process of the host, sshd first: new
// connections are accepted by the kernel but never answered, and open
// sessions hang.
func (f *Fleet) FreezeHost(name string) error {
	h, err := f.host(name)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.signalAll(syscall.SIGSTOP)
}

// ThawHost resumes a frozen host.
func (f *Fleet) ThawHost(name string) error {
	h, err := f.host(name)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.signalAll(syscall.SIGCONT)
}

// RotateHostKey gives the host a new host key and restarts it. KnownHosts
// keeps the old key, so a client using it sees a changed host key.
func (f *Fleet) RotateHostKey(name string) error {
	h, err := f.host(name)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.stop(); err != nil {
		return err
	}
	if _, err := writeKeyPair(h.hostKeyPath(), "root@"+h.Name); err != nil {
		return fmt.Errorf("%s: host key: %w", name, err)
	}
	return h.start(context.Background(), f.repo, f.dieWithUs)
}

// Exec runs script with /bin/sh inside the host (its namespaces, chrooted
// into its root) from the controller, bypassing SSH. It returns stdout;
// the error carries the exit status and stderr.
func (f *Fleet) Exec(name string, script string) (string, error) {
	h, err := f.host(name)
	if err != nil {
		return "", err
	}
	return h.exec(script)
}

// Running reports whether the host's processes are alive (frozen counts).
func (f *Fleet) Running(name string) bool {
	h := f.Host(name)
	return h != nil && h.pid() != 0
}

// PID returns the process that holds the host's namespaces (every
// process of the host descends from it), or 0 when the host is not
// running: what a host costs the machine is measured from there.
func (f *Fleet) PID(name string) int {
	h := f.Host(name)
	if h == nil {
		return 0
	}
	return h.pid()
}
