package report

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/runner"
)

// JUnit collects a run's results and writes them as a JUnit XML report
// when the run finishes: one test suite per host, one test case per step,
// so CI dashboards show which step failed where.
type JUnit struct {
	Path string

	mu     sync.Mutex
	name   string
	suites map[string]*junitSuite
	err    error
}

var _ runner.Observer = (*JUnit)(nil)

type junitReport struct {
	XMLName  xml.Name      `xml:"testsuites"`
	Name     string        `xml:"name,attr"`
	Tests    int           `xml:"tests,attr"`
	Failures int           `xml:"failures,attr"`
	Skipped  int           `xml:"skipped,attr"`
	Suites   []*junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Cases    []*junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

func (j *JUnit) Event(ev runner.Event) {
	j.mu.Lock()
	defer j.mu.Unlock()
	switch e := ev.(type) {
	case runner.RunStarted:
		j.name = e.Playbook
		j.suites = map[string]*junitSuite{}
		for _, h := range e.Hosts {
			j.suites[h] = &junitSuite{Name: h}
		}
	case runner.StepFinished:
		s := j.suites[e.Host]
		if s == nil {
			return
		}
		c := &junitCase{Name: e.Phase + " / " + e.Step, Classname: e.Host, Time: seconds(e.Duration), SystemOut: sanitize(e.Diff)}
		if e.Status == runner.StatusFailed && e.Err != nil {
			c.Failure = &junitFailure{Message: firstLine(sanitize(e.Err.Error())), Text: sanitize(e.Err.Error())}
		}
		s.Cases = append(s.Cases, c)
	case runner.HostFinished:
		s := j.suites[e.Host]
		if s == nil {
			return
		}
		switch e.Status {
		case runner.HostUnreachable:
			s.Cases = append(s.Cases, &junitCase{Name: "connect", Classname: e.Host, Time: "0",
				Failure: &junitFailure{Message: "unreachable", Text: sanitize(reason(e.Err))}})
		case runner.HostHalted:
			s.Cases = append(s.Cases, &junitCase{Name: "remaining steps", Classname: e.Host, Time: "0",
				Skipped: &junitSkipped{Message: "the run halted"}})
		}
	case runner.RollbackFinished:
		if s := j.suites[e.Host]; s != nil {
			c := &junitCase{Name: "rollback", Classname: e.Host, Time: "0"}
			if e.Err != nil {
				c.Failure = &junitFailure{Message: "rollback failed", Text: sanitize(e.Err.Error())}
			}
			s.Cases = append(s.Cases, c)
		}
	case runner.RunFinished:
		for _, h := range e.Recap.Hosts {
			if s := j.suites[h.Host]; s != nil && h.Status == runner.HostNotStarted {
				s.Cases = append(s.Cases, &junitCase{Name: "run", Classname: h.Host, Time: "0",
					Skipped: &junitSkipped{Message: "not started: the run halted first"}})
			}
		}
		j.err = j.write(e.Recap)
	}
}

// Err reports a failure to write the report, once the run finished.
func (j *JUnit) Err() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.err
}

func (j *JUnit) write(r *runner.Recap) error {
	rep := &junitReport{Name: j.name}
	for _, h := range r.Hosts {
		s := j.suites[h.Host]
		for _, c := range s.Cases {
			s.Tests++
			if c.Failure != nil {
				s.Failures++
			}
			if c.Skipped != nil {
				s.Skipped++
			}
		}
		rep.Tests += s.Tests
		rep.Failures += s.Failures
		rep.Skipped += s.Skipped
		rep.Suites = append(rep.Suites, s)
	}
	b, err := xml.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("JUnit report: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(j.Path), ".junit-*")
	if err != nil {
		return fmt.Errorf("JUnit report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append([]byte(xml.Header), b...)); err != nil {
		tmp.Close()
		return fmt.Errorf("JUnit report: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("JUnit report: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("JUnit report: %w", err)
	}
	return os.Rename(tmp.Name(), j.Path)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
