package modules

import (
	"context"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Fuzz targets for what modules read from hosts. A host's output is not
// trusted: whatever it prints, a step ends with a plan or an error, never
// a panic. Seeds are real outputs of the fleet's Alpine hosts; more are
// kept in testdata/fuzz/<target> and run by a plain go test.

// answers is a host that gives out for every command.
type answers struct{ out hostcmd.Output }

func (a answers) Run(context.Context, string) (hostcmd.Output, error) { return a.out, nil }

func FuzzApkCheck(f *testing.F) {
	answer := func(world, installed, simulate string) string {
		return apkMarkWorld + "\n" + world + apkMarkInstalled + "\n" + installed + apkMarkRepos + "\n/mnt/repo\n" +
			apkMarkSums + "\nabc  -\n" + apkMarkSimulate + "\n" + simulate
	}
	f.Add(answer("libc-utils\nsb-hello\n", "P:sb-hello\nV:1.0-r0\n\n", "OK: 1 MiB in 20 packages\n"))
	f.Add(answer("sb-app=1.0-r0\nsb-hello<2\n", "P:sb-app\nV:1.0-r0\nD:sb-lib\n\nP:sb-lib\nV:1.0-r0\n\n",
		"(1/2) Installing sb-lib (1.0-r0)\n(2/2) Installing sb-hello (1.1-r0)\nOK: 1 MiB in 22 packages\n"))
	f.Add(apkMarkWorld)
	f.Add(answer("", "", "") + apkMarkWorld + "\x00\n")
	f.Fuzz(func(t *testing.T, stdout string) {
		for _, state := range []string{"present", "absent"} {
			m := &Apk{Packages: []string{"sb-hello", "sb-app"}, State: state}
			plan, err := m.Check(context.Background(), answers{hostcmd.Output{Stdout: stdout}})
			if err == nil && plan.Change && plan.Diff == "" {
				t.Fatalf("a change with no diff from %q", stdout)
			}
		}
	})
}

func FuzzServiceCheck(f *testing.F) {
	f.Add("script\nenabled\nstatus 0\n")
	f.Add("script\ndisabled\nstatus 3\nfile\n644 0 0 root root 12\ncontent\nINTERVAL=5\n")
	f.Add("noscript\nnorunlevel\nstatus 3\nabsent\n")
	f.Add("script\nenabled\nstatus x\n")
	f.Add("script\nenabled\nstatus 0\nlink\n777 0 0 root root 4\nlink\n/etc/x\n")
	yes := true
	f.Fuzz(func(t *testing.T, stdout string) {
		for _, m := range []*Service{
			{Service: "sb-daemon", Runlevel: "default", Enabled: &yes, State: "started"},
			{Service: "sb-daemon", Runlevel: "default", State: "restarted", ConfD: map[string]string{"INTERVAL": "5"}},
		} {
			plan, err := m.Check(context.Background(), answers{hostcmd.Output{Stdout: stdout}})
			if err != nil || !plan.Change {
				continue
			}
			_ = m.Apply(context.Background(), answers{hostcmd.Output{}}, plan)
		}
	})
}

func FuzzParseProbe(f *testing.F) {
	f.Add("absent\n")
	f.Add("file\n644 0 0 root root 6\ncontent\nhello\n")
	f.Add("file\n644 0 0 root root 9999999\nsha256\n" + strings.Repeat("a", 64) + "  -\n")
	f.Add("link\n777 0 0 root root 4\nlink\n/etc\n")
	f.Add("directory\n2750 65534 65533 nobody nogroup 4096\n")
	f.Fuzz(func(t *testing.T, out string) {
		info, err := parseProbe(out)
		if err != nil {
			return
		}
		if info.HasContent && !strings.HasSuffix(out, info.Content) {
			t.Fatalf("content %q is not what the host sent", info.Content)
		}
		if info.Perm > 0o7777 && info.Kind != "absent" {
			t.Fatalf("mode %o out of range from %q", info.Perm, out)
		}
	})
}

func FuzzParseAccounts(f *testing.F) {
	f.Add("root:x:0:0:root:/root:/bin/ash\n" + accountsMarker + "\nroot:x:0:root\nwheel:x:10:root,adm\n")
	f.Add(accountsMarker + "\n")
	f.Add("a:b:c:d:e:f:g\n" + accountsMarker + "\n::::\n")
	f.Fuzz(func(t *testing.T, out string) {
		_, _ = parseAccounts(out)
	})
}
