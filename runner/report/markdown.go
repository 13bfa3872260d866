package report

import (
	"fmt"
	"io"
	"strings"
)

// summaryFailures bounds the failed hosts a summary lists: it is meant
// for a pull request comment or a CI step summary, not a log.
const summaryFailures = 20

// WriteMarkdown writes a short evidence summary of the run for CI: the
// outcome, counts per wave, the failed hosts with the failing step's
// error, the halt, the rollbacks, and a link to the HTML page (htmlLink,
// when there is one). Everything that came from a host is in code spans,
// so that no host can put a link, an image or markup into a comment.
func WriteMarkdown(w io.Writer, ev *Evidence, htmlLink string) error {
	var b strings.Builder
	class, outcome := ev.Outcome()
	icon := map[string]string{"ok": "✅", "halted": "⛔", "rollback-failed": "🚨", "unfinished": "⏸"}[class]
	if icon == "" {
		icon = "❌"
	}
	r := ev.Run
	fmt.Fprintf(&b, "### %s switchback run %s: %s\n\n", icon, mdCode(r.Playbook), mdText(outcome))
	c := ev.Counts()
	fmt.Fprintf(&b, "Run %s · %s · %s · %s ok, %s failed, %s unreachable",
		mdCode(r.ID), stamp(r.StartedAt), "took "+span(ev.Duration()), fmt.Sprint(c.OK), fmt.Sprint(c.Failed), fmt.Sprint(c.Unreachable))
	if c.RolledBack > 0 {
		fmt.Fprintf(&b, ", %d rolled back", c.RolledBack)
	}
	if r.CheckMode {
		b.WriteString(" · **check mode**: nothing was changed")
	}
	b.WriteString("\n\n")

	b.WriteString("| Wave | Hosts | OK | Changed | Failed | Unreachable | Halted | Not started | Rolled back |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, wc := range ev.WaveCounts() {
		k := wc.Count
		name := fmt.Sprint(wc.Wave.Wave)
		if !wc.Started {
			name = "not started"
		}
		if wc.Wave.Rollout != "" {
			name += " (" + mdText(wc.Wave.Rollout) + ")"
		}
		hosts := k.OK + k.Failed + k.Unreachable + k.Halted + k.NotStarted + k.Running
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", name, hosts, k.OK, k.Changed, k.Failed, k.Unreachable, k.Halted, k.NotStarted, k.RolledBack)
	}
	b.WriteString("\n")

	if r.HaltReason != "" {
		fmt.Fprintf(&b, "**Halted** in wave %d: %s\n\n", derefInt(r.HaltWave), mdCode(oneLine(Printable(r.HaltReason))))
	}
	if fails := ev.Failures(); len(fails) > 0 {
		b.WriteString("**Failed or unreachable hosts**\n\n| Host | Wave | Step | Error |\n|---|--:|---|---|\n")
		for i, f := range fails {
			if i == summaryFailures {
				fmt.Fprintf(&b, "| … | | | %d more in the full report |\n", len(fails)-i)
				break
			}
			step := f.Status
			if f.Step != "" {
				step = mdCode(f.Phase + " / " + f.Step)
			}
			fmt.Fprintf(&b, "| %s | %d | %s | %s |\n", mdCode(f.Host), f.Wave, step, mdCode(clip(oneLine(f.Error), 200)))
		}
		b.WriteString("\n")
	}
	var restored, failed []string
	for _, h := range ev.Hosts {
		switch {
		case h.RollbackError != "":
			failed = append(failed, mdCode(h.Host)+": "+mdCode(clip(oneLine(Printable(h.RollbackError)), 160)))
		case h.RolledBack:
			restored = append(restored, mdCode(h.Host))
		}
	}
	if len(restored) > 0 {
		fmt.Fprintf(&b, "**Rolled back** (%s): %s\n\n", plural(len(restored), "host"), listSome(restored, 30))
	}
	if len(failed) > 0 {
		fmt.Fprintf(&b, "🚨 **Rollback failed** on %s; those hosts are in neither their old nor their new state:\n\n", plural(len(failed), "host"))
		for _, f := range failed {
			fmt.Fprintf(&b, "- %s\n", f)
		}
		b.WriteString("\n")
	}
	if htmlLink != "" {
		fmt.Fprintf(&b, "[Full report (HTML)](%s) · ", mdLink(htmlLink))
	}
	fmt.Fprintf(&b, "details: `switchback runs show %s`\n", r.ID)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCode puts s in a code span, with a fence longer than any run of
// backticks inside, so that nothing in it is read as Markdown; pipes
// are escaped for tables.
func mdCode(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// mdText escapes what Markdown would read as markup.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_{}[]()<>#+!|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLink keeps a link target from closing the link.
func mdLink(s string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}
