package scan

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the scan as JUnit XML: a test suite per host and a
// test case per check, failing when the check found errors, so that CI
// dashboards show which host is not ready and why. A host that could not
// be scanned has one failing "scan" case.
func WriteJUnit(path string, r *Report) error {
	rep := junitSuites{Name: "switchback scan " + r.ID}
	for _, h := range r.Hosts {
		s := junitSuite{Name: clean(h.Host), Time: fmt.Sprintf("%.3f", h.Duration.Seconds())}
		if h.Err != "" {
			s.Cases = append(s.Cases, junitCase{Name: "scan", Classname: clean(h.Host),
				Failure: &junitFailure{Message: "not scanned", Text: clean(h.Err)}})
		} else {
			for _, check := range Checks {
				c := junitCase{Name: check, Classname: clean(h.Host)}
				var out, errs []string
				for _, is := range h.Issues {
					if is.Check != check {
						continue
					}
					line := fmt.Sprintf("%s %s %s: %s", is.Severity, location(is.Finding), is.Rule, clean(is.Message))
					out = append(out, line)
					if is.Severity == Error {
						errs = append(errs, line)
					}
				}
				c.SystemOut = strings.Join(out, "\n")
				if len(errs) > 0 {
					c.Failure = &junitFailure{Message: plural(len(errs), "error"), Text: strings.Join(errs, "\n")}
				}
				s.Cases = append(s.Cases, c)
			}
		}
		for _, c := range s.Cases {
			s.Tests++
			if c.Failure != nil {
				s.Failures++
			}
		}
		rep.Tests += s.Tests
		rep.Failures += s.Failures
		rep.Suites = append(rep.Suites, s)
	}
	b, err := xml.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("JUnit report: %w", err)
	}
	return writeAtomic(path, append([]byte(xml.Header), append(b, '\n')...))
}

// writeAtomic writes a report through a temporary file and a rename, so
// that a dashboard never reads half a file.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".scan-report-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
