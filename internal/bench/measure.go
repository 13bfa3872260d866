package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Sample is what one measured command cost the controller.
type Sample struct {
	Wall time.Duration
	// CPU is user+system time of the process and of every descendant it
	// waited for (rusage of the child, as wait4 reports it).
	CPU time.Duration
	// MaxRSS is the largest peak resident set (VmHWM) of any single
	// process of the tree, in bytes. It is sampled from /proc, not taken
	// from rusage: a child that Go starts shares the parent's memory until
	// it execs, and Linux then charges the parent's high-water mark to the
	// child's ru_maxrss. VmHWM only grows, so sampling misses at most the
	// growth of the last interval before exit.
	MaxRSS int64
	// TreeRSS is the largest sum of resident sets of the whole process
	// tree seen while sampling; for one process it is close to MaxRSS,
	// for xargs running many ssh clients it is what they hold together.
	TreeRSS int64
	// Load is the machine's one-minute load average when the command
	// ended: the controller shares its CPUs with the hosts (and with
	// whatever else runs), so a high load explains a slow figure.
	Load   float64
	Output string
	Err    error
}

// rssInterval is how often the process tree's memory is sampled.
const rssInterval = 100 * time.Millisecond

// measure runs cmd to completion and records its cost. A non-zero exit is
// returned in Sample.Err along with everything measured.
func measure(ctx context.Context, name string, args []string, env []string, dir string) Sample {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Sample{Err: fmt.Errorf("start %s: %w", name, err)}
	}
	peak := make(chan memory, 1)
	stop := make(chan struct{})
	go func() { peak <- sampleTree(cmd.Process.Pid, stop) }()
	err := cmd.Wait()
	wall := time.Since(start)
	close(stop)
	mem := <-peak
	s := Sample{Wall: wall, MaxRSS: mem.hwm, TreeRSS: mem.rss, Load: loadAverage(), Output: out.String()}
	if err != nil {
		s.Err = fmt.Errorf("%s: %w", name, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return s
}

// memory is what a process tree holds: the sum of resident sets, and the
// largest peak of a single process.
type memory struct{ rss, hwm int64 }

// sampleTree returns the largest tree total and the largest single
// peak seen in the tree of root until stop is closed.
func sampleTree(root int, stop <-chan struct{}) memory {
	var peak memory
	tick := time.NewTicker(rssInterval)
	defer tick.Stop()
	for {
		m := treeMemory(root)
		peak = memory{rss: max(peak.rss, m.rss), hwm: max(peak.hwm, m.hwm)}
		select {
		case <-stop:
			return peak
		case <-tick.C:
		}
	}
}

// treeMemory sums the resident memory of each root and every process
// below it, and finds the largest peak among them, walking the kernel's
// lists of children (cheap enough to sample often without disturbing
// what is measured).
func treeMemory(roots ...int) memory {
	var m memory
	seen := map[int]bool{}
	todo := slices.Clone(roots)
	for len(todo) > 0 {
		pid := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[pid] {
			continue
		}
		seen[pid] = true
		rss, hwm := status(pid)
		m.rss += rss
		m.hwm = max(m.hwm, hwm)
		todo = append(todo, children(pid)...)
	}
	return m
}

// children lists the processes that pid's threads started.
func children(pid int) []int {
	tasks, err := os.ReadDir(filepath.Join("/proc", strconv.Itoa(pid), "task"))
	if err != nil {
		return nil
	}
	var kids []int
	for _, t := range tasks {
		b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "task", t.Name(), "children"))
		if err != nil {
			continue
		}
		for _, f := range strings.Fields(string(b)) {
			if k, err := strconv.Atoi(f); err == nil {
				kids = append(kids, k)
			}
		}
	}
	return kids
}

// status reads VmRSS and VmHWM of pid, in bytes; zeros when it is gone.
func status(pid int) (rss, hwm int64) {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok || (key != "VmRSS" && key != "VmHWM") {
			continue
		}
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(val), " kB"), 10, 64)
		if key == "VmRSS" {
			rss = kb * 1024
		} else {
			hwm = kb * 1024
		}
	}
	return rss, hwm
}

// loadAverage reads the one-minute load average; 0 when unknown.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}
