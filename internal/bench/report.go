package bench

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// Machine describes the controller the figures were measured on.
type Machine struct {
	CPUs     int
	Memory   int64 // bytes
	Kernel   string
	CPUModel string
	OpenSSH  string
}

// ThisMachine reads the controller's description from /proc.
func ThisMachine() Machine {
	m := Machine{CPUs: runtime.NumCPU()}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		m.Memory = meminfoField(f, "MemTotal:")
		f.Close()
	}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if out, err := exec.Command("ssh", "-V").CombinedOutput(); err == nil {
		m.OpenSSH = strings.TrimSpace(string(out))
	}
	return m
}

func meminfoField(r io.Reader, field string) int64 {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb * 1024
		}
	}
	return 0
}

// Markdown renders the measured rows as tables: one per latency, then
// the fleet's own boot figures.
func Markdown(m Machine, cfg Config, rows []Row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Machine: %d CPU(s) (`nproc`), %s, %.1f GiB memory, Linux %s; %s.\n",
		m.CPUs, m.CPUModel, float64(m.Memory)/(1<<30), m.Kernel, m.OpenSSH)
	fmt.Fprintf(&b, "Measured %s; %d hosts in flight at once for both clients. The hosts run on the same CPUs as the controller;\n"+
		"\"load\" is the one-minute load average when each run ended.\n", time.Now().UTC().Format("2006-01-02"), cfg.Forks)

	var lats []time.Duration
	for _, r := range rows {
		if len(lats) == 0 || lats[len(lats)-1] != r.Latency {
			lats = append(lats, r.Latency)
		}
	}
	for _, lat := range lats {
		if lat == 0 {
			b.WriteString("\n### Without added latency\n\n")
		} else {
			fmt.Fprintf(&b, "\n### With %s added each way (toxiproxy, one listener per host)\n\n", lat)
		}
		b.WriteString("| hosts | run | switchback wall | floor wall | ratio | requests/host sb / floor | CPU s sb / floor | CPU ms/host sb / floor | peak RSS MB sb / floor (largest process; whole tree) | load sb / floor |\n")
		b.WriteString("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, r := range rows {
			if r.Latency != lat {
				continue
			}
			writeLine(&b, r.Hosts, "converge", r.Converge, r.FloorConverge)
			writeLine(&b, r.Hosts, "no-op", r.NoOp, r.FloorNoOp)
		}
	}
	b.WriteString("\n### The fleet itself\n\n| hosts | latency | boot (s) | resident memory of all hosts after converge (MB) |\n|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %s | %.2f | %.0f |\n", r.Hosts, r.Latency, r.Boot.Seconds(), float64(r.FleetRSS)/(1<<20))
	}
	return b.String()
}

func writeLine(b *strings.Builder, hosts int, kind string, sb, floor Measure) {
	perHost := func(v int) float64 { return float64(v) / float64(hosts) }
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(hosts) }
	mb := func(v int64) float64 { return float64(v) / (1 << 20) }
	fmt.Fprintf(b, "| %d | %s | %.2f s | %.2f s | %.2f× | %.1f / %.1f | %.2f / %.2f | %.1f / %.1f | %.0f; %.0f / %.0f; %.0f | %.1f / %.1f |\n",
		hosts, kind, sb.Wall.Seconds(), floor.Wall.Seconds(), ratio(sb.Wall, floor.Wall),
		perHost(sb.Requests), perHost(floor.Requests),
		sb.CPU.Seconds(), floor.CPU.Seconds(), ms(sb.CPU), ms(floor.CPU),
		mb(sb.MaxRSS), mb(sb.TreeRSS), mb(floor.MaxRSS), mb(floor.TreeRSS), sb.Load, floor.Load)
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Markers delimit the generated part of docs/performance.md; the prose
// around them is kept.
const (
	BeginMarker = "<!-- bench:begin (written by switchback-bench) -->"
	EndMarker   = "<!-- bench:end -->"
)

// Splice replaces what lies between the markers in doc with body, or
// appends the markers and body when doc has none.
func Splice(doc, body string) string { return SpliceBetween(doc, BeginMarker, EndMarker, body) }

// SpliceBetween is Splice with other markers.
func SpliceBetween(doc, begin, end, body string) string {
	BeginMarker, EndMarker := begin, end
	block := BeginMarker + "\n" + strings.TrimRight(body, "\n") + "\n" + EndMarker
	i := strings.Index(doc, BeginMarker)
	j := strings.Index(doc, EndMarker)
	if i < 0 || j < i {
		if doc != "" && !strings.HasSuffix(doc, "\n") {
			doc += "\n"
		}
		return doc + block + "\n"
	}
	return doc[:i] + block + doc[j+len(EndMarker):]
}
