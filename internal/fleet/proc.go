package fleet

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// procStat is the part of /proc/<pid>/stat the harness needs.
type procStat struct {
	state     byte
	ppid      int
	startTime uint64 // clock ticks after boot; tells a reused pid apart
}

func readProcStat(pid int) (procStat, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, err
	}
	// The command name is in parentheses and may hold spaces: split after the last ')'.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return procStat{}, fmt.Errorf("malformed /proc/%d/stat", pid)
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return procStat{}, fmt.Errorf("short /proc/%d/stat", pid)
	}
	ppid, err := strconv.Atoi(f[1])
	if err != nil {
		return procStat{}, fmt.Errorf("/proc/%d/stat ppid: %w", pid, err)
	}
	start, err := strconv.ParseUint(f[19], 10, 64)
	if err != nil {
		return procStat{}, fmt.Errorf("/proc/%d/stat starttime: %w", pid, err)
	}
	return procStat{state: f[0][0], ppid: ppid, startTime: start}, nil
}

// alive reports whether pid runs. A zombie counts as dead: in a container
// whose init does not reap, a killed host stays a zombie forever.
func alive(pid int) bool {
	st, err := readProcStat(pid)
	return err == nil && st.state != 'Z' && st.state != 'X'
}

func cmdline(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return ""
	}
	return strings.ReplaceAll(string(b), "\x00", " ")
}

// waitDead polls until pid no longer runs.
func waitDead(pid int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for alive(pid) {
		if time.Now().After(deadline) {
			return fmt.Errorf("process %d still running after %s", pid, timeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// allPids lists every process visible in /proc.
func allPids() ([]int, error) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil, fmt.Errorf("list /proc: %w", err)
	}
	var pids []int
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids, nil
}

// childOf returns a live child of parent (the namespace's init for an
// unshare --fork process, which has exactly one).
func childOf(parent int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", parent, parent))
	if err == nil {
		for _, f := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(f); err == nil && alive(pid) {
				return pid, nil
			}
		}
		return 0, fmt.Errorf("process %d has no child", parent)
	}
	// Kernels without CONFIG_PROC_CHILDREN: scan.
	pids, err := allPids()
	if err != nil {
		return 0, err
	}
	for _, pid := range pids {
		if st, err := readProcStat(pid); err == nil && st.ppid == parent && st.state != 'Z' {
			return pid, nil
		}
	}
	return 0, fmt.Errorf("process %d has no child", parent)
}

// pidsInNamespace lists the processes whose pid namespace is the one of member.
func pidsInNamespace(member int) ([]int, error) {
	ns, err := os.Readlink(fmt.Sprintf("/proc/%d/ns/pid", member))
	if err != nil {
		return nil, fmt.Errorf("pid namespace of %d: %w", member, err)
	}
	pids, err := allPids()
	if err != nil {
		return nil, err
	}
	var out []int
	for _, pid := range pids {
		// Processes that exit during the scan simply drop out.
		if l, err := os.Readlink(fmt.Sprintf("/proc/%d/ns/pid", pid)); err == nil && l == ns {
			out = append(out, pid)
		}
	}
	return out, nil
}
