package vagrantbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Sandbox runs argv where a libvirt system daemon answers. Where one
// already does (a machine whose init started libvirtd), argv runs as it
// is. Otherwise Sandbox starts virtlogd and libvirtd in a fresh network
// namespace named netns, so that the networks libvirt makes for the
// machines (bridges, dnsmasq, NAT rules) stay inside it, runs argv there
// too (Vagrant and ssh must see those networks), then stops the daemons
// and whatever is left in the namespace (machines, dnsmasq) and deletes
// it. It returns argv's exit code.
func Sandbox(ctx context.Context, netns string, argv []string, stdout, stderr io.Writer) (int, error) {
	if len(argv) == 0 {
		return 0, errors.New("no command to run")
	}
	if libvirtAnswers(ctx) {
		fmt.Fprintln(stderr, "libvirt: using the system daemon that is already running")
		return runCommand(ctx, argv, stdout, stderr)
	}
	for _, tool := range []string{"ip", "libvirtd", "virtlogd", "virsh"} {
		if _, err := exec.LookPath(tool); err != nil {
			return 0, fmt.Errorf("no %s on the PATH: apt-get install -y libvirt-daemon-system libvirt-clients iproute2", tool)
		}
	}
	if _, err := run(ctx, "ip", "netns", "add", netns); err != nil {
		return 0, fmt.Errorf("network namespace %s (left by an interrupted run? 'ip netns delete %s'): %w", netns, netns, err)
	}
	defer func() {
		if _, err := run(context.Background(), "ip", "netns", "delete", netns); err != nil {
			fmt.Fprintln(stderr, "libvirt:", err)
		}
	}()
	if _, err := run(ctx, "ip", "-n", netns, "link", "set", "lo", "up"); err != nil {
		return 0, err
	}
	var daemons []*exec.Cmd
	defer func() { stopNamespace(netns, daemons, stderr) }()
	for _, d := range []string{"virtlogd", "libvirtd"} {
		cmd := exec.Command("ip", "netns", "exec", netns, d)
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Start(); err != nil {
			return 0, fmt.Errorf("start %s: %w", d, err)
		}
		daemons = append(daemons, cmd)
	}
	deadline := time.Now().Add(60 * time.Second)
	for !libvirtAnswers(ctx) {
		if time.Now().After(deadline) {
			return 0, errors.New("libvirtd started but did not answer within 60s")
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Fprintf(stderr, "libvirt: virtlogd (pid %d) and libvirtd (pid %d) started in network namespace %s\n",
		daemons[0].Process.Pid, daemons[1].Process.Pid, netns)
	return runCommand(ctx, append([]string{"ip", "netns", "exec", netns}, argv...), stdout, stderr)
}

func libvirtAnswers(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, "virsh", "-q", "-c", "qemu:///system", "version").Run() == nil
}

func runCommand(ctx context.Context, argv []string, stdout, stderr io.Writer) (int, error) {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	if err != nil {
		return 0, err
	}
	return 0, nil
}

// stopNamespace stops the daemons Sandbox started, then every process
// still in the namespace: machines libvirtd left running and the
// dnsmasq of its networks, which outlive it.
func stopNamespace(netns string, daemons []*exec.Cmd, stderr io.Writer) {
	for i := len(daemons) - 1; i >= 0; i-- {
		d := daemons[i]
		_ = d.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = d.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = d.Process.Kill()
			<-done
		}
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		pids := namespacePids(netns)
		if len(pids) == 0 {
			return
		}
		for _, pid := range pids {
			fmt.Fprintf(stderr, "libvirt: stopping pid %d left in namespace %s (%s)\n", pid, netns, sig)
			_ = syscall.Kill(pid, sig)
		}
		for i := 0; i < 100 && len(namespacePids(netns)) > 0; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	}
}

func namespacePids(netns string) []int {
	out, err := exec.Command("ip", "netns", "pids", netns).Output()
	if err != nil {
		return nil
	}
	var pids []int
	for _, f := range strings.Fields(string(out)) {
		if pid, err := strconv.Atoi(f); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}
