package playbooks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// zfs is a provider the loader has never heard of, made the way a new
// provider is: its snapshot.Type, and a line in the list given to the
// loader.
type zfs struct{ dataset string }

func (z *zfs) Take(context.Context, snapshot.Target, string) (*snapshot.Snapshot, error) {
	return &snapshot.Snapshot{Provider: "zfs", Settings: map[string]string{"dataset": z.dataset}}, nil
}
func (z *zfs) Restore(context.Context, snapshot.Target, *snapshot.Snapshot) error { return nil }
func (z *zfs) Delete(context.Context, snapshot.Target, *snapshot.Snapshot) error  { return nil }

func zfsType() snapshot.Type {
	return snapshot.Type{
		Name: "zfs", About: "zfs snapshots on the host",
		Settings: []snapshot.Setting{{Name: "dataset", Required: `dataset = "tank/root"`}},
		Decode: func(b snapshot.Body) snapshot.Provider {
			ds, _ := b.String("dataset")
			if !strings.Contains(ds, "/") {
				b.Invalid("dataset", "Invalid dataset", "Name a dataset as pool/name.")
			}
			return &zfs{dataset: ds}
		},
		FromRecord: func(s *snapshot.Snapshot) snapshot.Provider { return &zfs{dataset: s.Settings["dataset"]} },
	}
}

// TestSnapshotTypesAreInjected: the snapshot block knows exactly the
// providers the loader is given; a new one needs no edit of the loader,
// decodes its own settings and points its errors at them.
func TestSnapshotTypesAreInjected(t *testing.T) {
	types := append(snapshot.Builtin(), zfsType())
	load := func(types snapshot.Types, block string) (*Playbook, string) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "p.hcl")
		src := "playbook \"p\" {}\n" + block + "\nphase \"p\" {\n  file \"f\" {\n    path = \"/etc/motd\"\n    content = \"hi\"\n  }\n}\n"
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: types}
		pb, diags := l.Load(path, nil)
		if len(diags) == 0 {
			return pb, ""
		}
		return pb, diags.Error()
	}

	pb, errs := load(types, `snapshot {
  provider = "zfs"
  dataset  = "tank/root"
}`)
	if errs != "" {
		t.Fatalf("zfs: %s", errs)
	}
	if z, ok := pb.Snapshot.(*zfs); !ok || z.dataset != "tank/root" {
		t.Fatalf("zfs: got %#v", pb.Snapshot)
	}
	if _, errs = load(types, "snapshot {\n  provider = \"zfs\"\n  dataset  = \"tank\"\n}"); !strings.Contains(errs, "p.hcl:4,14-20: Invalid dataset") {
		t.Errorf("an invalid setting points at its value: %s", errs)
	}
	if _, errs = load(types, "snapshot {\n  provider = \"zfs\"\n}"); !strings.Contains(errs, `The zfs provider needs dataset = "tank/root"`) {
		t.Errorf("a required setting: %s", errs)
	}
	if _, errs = load(types, "snapshot {\n  provider = \"zfs\"\n  dataset  = \"tank/root\"\n  paths = [\"/etc\"]\n}"); !strings.Contains(errs, `"paths" is not a setting of the zfs provider`) {
		t.Errorf("another provider's setting: %s", errs)
	}
	// Without it in the list, the name is unknown, and the known ones listed.
	if _, errs = load(snapshot.Builtin(), "snapshot {\n  provider = \"zfs\"\n}"); !strings.Contains(errs, `There is no snapshot provider "zfs"; use one of "files" (an archive on the host), "btrfs"`) {
		t.Errorf("unknown: %s", errs)
	}
	// The files provider saves what the steps write besides its paths.
	pb, errs = load(types, "snapshot {\n  paths = [\"/srv\"]\n}")
	if errs != "" {
		t.Fatal(errs)
	}
	if f, ok := pb.Snapshot.(*snapshot.Files); !ok || strings.Join(f.Paths, " ") != "/etc/motd /srv" {
		t.Errorf("files: %#v", pb.Snapshot)
	}
	// Rollback rebuilds it from the record through the same list.
	p, err := types.ForSnapshot(&snapshot.Snapshot{Provider: "zfs", Settings: map[string]string{"dataset": "tank/x"}})
	if z, ok := p.(*zfs); err != nil || !ok || z.dataset != "tank/x" {
		t.Errorf("from record: %#v %v", p, err)
	}
}
