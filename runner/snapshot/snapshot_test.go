package snapshot

import (
	"context"
	"strings"
	"testing"
)

// TestProviderFromRecord: a recorded snapshot rebuilds the provider that
// took it, with the settings recorded alongside; a snapshot recorded
// before providers were named is a files snapshot.
func TestProviderFromRecord(t *testing.T) {
	for _, c := range []struct {
		snap       Snapshot
		want       string
		connection bool
	}{
		{Snapshot{}, "*snapshot.Files", true},
		{Snapshot{Provider: "files"}, "*snapshot.Files", true},
		{Snapshot{Provider: "btrfs", Settings: map[string]string{"dir": "/srv/.snap"}}, "*snapshot.Btrfs /srv/.snap", true},
		{Snapshot{Provider: "vagrant", Settings: map[string]string{"project": "/vms"}}, "*snapshot.Vagrant /vms", false},
		{Snapshot{Provider: "command", Settings: map[string]string{"restore": "r", "on": "host"}}, "*snapshot.Command r host", true},
		{Snapshot{Provider: "command", Settings: map[string]string{"restore": "r", "on": "controller", "dir": "/x"}}, "*snapshot.Command r /x", false},
	} {
		p, err := Builtin().ForSnapshot(&c.snap)
		if err != nil {
			t.Fatalf("%+v: %v", c.snap, err)
		}
		got := describe(p)
		if got != c.want || NeedsConnection(p) != c.connection {
			t.Errorf("%+v: %s (connection %v), want %s (%v)", c.snap, got, NeedsConnection(p), c.want, c.connection)
		}
	}
	if _, err := Builtin().ForSnapshot(&Snapshot{Provider: "zfs", RunID: "r1"}); err == nil || !strings.Contains(err.Error(), `"zfs"`) {
		t.Errorf("unknown provider: %v", err)
	}
}

func describe(p Provider) string {
	switch p := p.(type) {
	case *Files:
		return "*snapshot.Files"
	case *Btrfs:
		return "*snapshot.Btrfs " + p.Dir
	case *Vagrant:
		return "*snapshot.Vagrant " + p.Project
	case *Command:
		where := p.Dir
		if p.OnHost {
			where = "host"
		}
		return "*snapshot.Command " + p.RestoreCommand + " " + where
	}
	return "?"
}

// TestBtrfsDeleteStaysInItsDirectory: whatever the record says, delete
// touches nothing outside the provider's directory (no host is needed
// to refuse).
func TestBtrfsDeleteStaysInItsDirectory(t *testing.T) {
	b := &Btrfs{Dir: "/srv/.snapshots/switchback"}
	for _, loc := range []string{"/srv/data", "/srv/.snapshots/switchback", "/srv/.snapshots/switchback/../x", "/srv/.snapshots/switchback/a/b", "/srv/.snapshots/switchback/a b"} {
		err := b.Delete(context.Background(), Target{}, &Snapshot{Location: loc})
		if err == nil || !strings.Contains(err.Error(), "refusing to delete") {
			t.Errorf("%s: %v", loc, err)
		}
	}
}

func TestListsSnapshot(t *testing.T) {
	for _, c := range []struct {
		list string
		want bool
	}{
		{"switchback-r1\nswitchback-r2\n", true},
		{"==> alpine-1: switchback-r1\n", true},
		{"==> alpine-1: No snapshots have been taken yet!\n", false},
		{"switchback-r10\n", false},
		{"", false},
	} {
		if got := listsSnapshot(c.list, "switchback-r1"); got != c.want {
			t.Errorf("%q: %v, want %v", c.list, got, c.want)
		}
	}
}

// TestFilesPaths: paths are cleaned and deduplicated, the ones inside
// another kept (the host follows their links first), and one with a line
// break dropped only where another path holds it.
func TestFilesPaths(t *testing.T) {
	f := &Files{Paths: []string{"/etc/", "/srv/app", "/srv/app/link.conf", "/srv/app/a\nb", "/opt/x\ny", "/etc"}}
	got := strings.Join(f.paths(), "|")
	want := "/etc|/etc/apk/repositories|/etc/apk/world|/etc/conf.d|/etc/runlevels|/lib/apk/db|/opt/x\ny|/srv/app|/srv/app/link.conf"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestHelpersFitInSingleQuotes: the restore's helpers travel inside
// single quotes (find -exec sh -c '...'), so they must hold none.
func TestHelpersFitInSingleQuotes(t *testing.T) {
	for name, h := range map[string]string{"removeHelper": removeHelper, "installHelper": installHelper} {
		if strings.Contains(h, "'") {
			t.Errorf("%s holds a single quote", name)
		}
	}
}
