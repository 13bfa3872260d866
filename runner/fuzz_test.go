package runner

import (
	"context"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
)

// Fuzz targets for what the engine reads from hosts: facts and journals.
// Seeds are kept in testdata/fuzz/<target> and run by a plain go test.

func FuzzParseFacts(f *testing.F) {
	f.Add("os_id=alpine\nos_version=3.20.3\narch=x86_64\ninit=openrc\npkg_manager=apk\n")
	f.Add("os_id=\r\narch=x86_64=still\n=\n\x00=1\n")
	f.Add("init=openrc\ninit=systemd\n")
	f.Fuzz(func(t *testing.T, text string) {
		facts := ParseFacts(text)
		if len(facts) != len(playbooks.FactNames) {
			t.Fatalf("%d facts, want %d", len(facts), len(playbooks.FactNames))
		}
		for name, value := range facts {
			if strings.Contains(value, "\n") {
				t.Fatalf("fact %s spans lines: %q", name, value)
			}
		}
	})
}

type journalAnswer struct{ out hostcmd.Output }

func (j journalAnswer) Run(context.Context, string) (hostcmd.Output, error) { return j.out, nil }

// FuzzReadJournal: every key read is one line of the journal file, so a
// key names a step only when that exact line is there: an output that
// merely holds a key among other text marks nothing applied.
func FuzzReadJournal(f *testing.F) {
	key := journalKey("phase", "step")
	f.Add(key + "\n" + key + "\n")
	f.Add("  " + key + "  \r\n\n")
	f.Add("echo " + key + "\n")
	f.Fuzz(func(t *testing.T, text string) {
		keys, err := readJournal(context.Background(), journalAnswer{hostcmd.Output{Stdout: text}}, "run")
		if err != nil {
			t.Fatal(err)
		}
		lines := map[string]bool{}
		for _, l := range strings.Split(text, "\n") {
			lines[strings.TrimSpace(l)] = true
		}
		for k := range keys {
			if k == "" || !lines[k] {
				t.Fatalf("key %q is not a line of %q", k, text)
			}
		}
	})
}
