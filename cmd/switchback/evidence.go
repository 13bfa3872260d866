package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/alecthomas/kong"

	"github.com/switchbackhq/switchback/runner/report"
)

// evidenceArgs ask for a run's evidence in files: its HTML page and a
// summary for CI. Both are made from the state store, so 'runs show'
// makes them again for any recorded run.
type evidenceArgs struct {
	HTML    string      `name:"html" placeholder:"FILE" help:"Write the run's page to FILE: one self-contained HTML file (timeline of the waves, host × phase matrix, every change's diff, failures, halt, rollbacks, gate, arguments)."`
	Summary summaryFlag `name:"summary" placeholder:"FORMAT FILE" help:"Write a short evidence summary for CI to FILE; FORMAT is markdown (for a pull request comment or a CI step summary such as $GITHUB_STEP_SUMMARY)."`
}

// summaryFlag is --summary FORMAT FILE: two words after one flag.
type summaryFlag struct{ Format, File string }

func (s *summaryFlag) Decode(ctx *kong.DecodeContext) error {
	if err := ctx.Scan.PopValueInto("format", &s.Format); err != nil {
		return err
	}
	if s.Format != "markdown" {
		return fmt.Errorf("--summary: format %q is not known: write --summary markdown FILE", s.Format)
	}
	if err := ctx.Scan.PopValueInto("file", &s.File); err != nil {
		return fmt.Errorf("--summary markdown: give the file to write: %w", err)
	}
	return nil
}

func (a evidenceArgs) wanted() bool { return a.HTML != "" || a.Summary.File != "" }

// write reads run runID from src and writes the files asked for; with
// say, it tells on stdout where they are.
func (a evidenceArgs) write(env *Env, src report.RunSource, runID string, say bool) error {
	if !a.wanted() {
		return nil
	}
	ev, err := report.LoadEvidence(context.Background(), src, runID)
	if err != nil {
		return err
	}
	if a.HTML != "" {
		var b bytes.Buffer
		if err := report.WriteHTML(&b, ev); err != nil {
			return err
		}
		if err := writeAtomic(a.HTML, b.Bytes()); err != nil {
			return fmt.Errorf("--html: %w", err)
		}
		if say {
			fmt.Fprintf(env.Stdout, "The run's page: %s\n", a.HTML)
		}
	}
	if a.Summary.File != "" {
		link := ""
		if a.HTML != "" {
			link = relativeTo(filepath.Dir(a.Summary.File), a.HTML)
		}
		var b bytes.Buffer
		if err := report.WriteMarkdown(&b, ev, link); err != nil {
			return err
		}
		if err := writeAtomic(a.Summary.File, b.Bytes()); err != nil {
			return fmt.Errorf("--summary: %w", err)
		}
		if say {
			fmt.Fprintf(env.Stdout, "The run's summary: %s\n", a.Summary.File)
		}
	}
	return nil
}

// relativeTo is target as a link from dir, or as given when no relative
// path leads there.
func relativeTo(dir, target string) string {
	absDir, err1 := filepath.Abs(dir)
	absTarget, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return target
	}
	rel, err := filepath.Rel(absDir, absTarget)
	if err != nil {
		return target
	}
	return filepath.ToSlash(rel)
}

// writeAtomic writes a file whole or not at all: a reader (a CI step, a
// browser) never sees half a report.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
