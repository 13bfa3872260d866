package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// TestWaves: wave numbers run on across segments, each segment cut by
// its own route, and every host is in exactly one wave, in order.
func TestWaves(t *testing.T) {
	segs := []Segment{
		{Name: "db", Hosts: hosts("d1", "d2", "d3"), Route: route("waves", []string{"1", "100%"}, "0")},
		{Name: "empty", Route: route("waves", []string{"1"}, "0")},
		{Hosts: hosts("w1", "w2", "w3", "w4", "w5"), Route: route("waves", []string{"40%"}, "0")},
		{Name: "serial", Hosts: hosts("s1", "s2"), Route: route("serial", nil, "")},
	}
	var got []string
	for w := range Waves(segs) {
		got = append(got, fmt.Sprintf("%d:%d.%d@%d=%s", w.Index, w.Segment, w.InSegment, w.First, strings.Join(hostNames(w.Hosts), ",")))
	}
	want := "1:0.0@0=d1 2:0.1@1=d2,d3 3:2.0@0=w1,w2 4:2.1@2=w3,w4 5:2.2@4=w5 6:3.0@0=s1,s2"
	if strings.Join(got, " ") != want {
		t.Errorf("waves:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	names, waves := HostWaves(segs)
	if fmt.Sprint(names, waves) != "[d1 d2 d3 w1 w2 w3 w4 w5 s1 s2] [1 2 2 3 3 4 4 5 6 6]" {
		t.Errorf("host waves: %v %v", names, waves)
	}
}

// TestPlanSegments: named rollouts take their groups' hosts, in order,
// the rest follow the default route; a host comes after those it depends
// on (db2 before db1, since web1, listed first, needs it); orders in
// which a host would wait forever are refused.
func TestPlanSegments(t *testing.T) {
	host := func(name string, groups []string, deps ...string) *inventory.Host {
		return &inventory.Host{Name: name, Groups: groups, DependsOn: deps}
	}
	pb := &playbooks.Playbook{
		Rollout:  route("waves", []string{"1"}, "0"),
		Rollouts: []*playbooks.NamedRollout{{Name: "db", Groups: []string{"db"}, Route: route("serial", nil, "")}},
	}
	same := func(r rollout.Route) (rollout.Route, error) { return r.Resolve(), nil }
	segs, err := PlanSegments(pb, []*inventory.Host{
		host("web1", []string{"web"}, "db2"), host("db1", []string{"db"}), host("db2", []string{"db"}), host("web2", []string{"web"}),
	}, same)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sg := range segs {
		got = append(got, sg.Name+"="+strings.Join(hostNames(sg.Hosts), ","))
	}
	if strings.Join(got, " ") != "db=db2,db1 =web1,web2" {
		t.Errorf("segments: %v", got)
	}

	for _, c := range []struct {
		pb    *playbooks.Playbook
		hosts []*inventory.Host
		err   string
	}{
		{pb, []*inventory.Host{host("web1", nil, "db9")}, "depends on db9, which this run does not include"},
		{pb, []*inventory.Host{host("db1", []string{"db"}, "web1"), host("web1", nil)}, `whose rollout "" runs later`},
		{&playbooks.Playbook{Rollout: rollout.Route{Strategy: rollout.Waves, Order: rollout.ByPhase, Sizes: []rollout.Size{rollout.MustParseSize("100%")}}},
			[]*inventory.Host{host("a", nil), host("b", nil, "a")}, "in the same wave"},
		{&playbooks.Playbook{Rollouts: []*playbooks.NamedRollout{{Name: "x", Groups: []string{"g"}}, {Name: "y", Groups: []string{"g"}}}},
			[]*inventory.Host{host("a", []string{"g"})}, `host a is in rollout "x" and in rollout "y"`},
	} {
		if _, err := PlanSegments(c.pb, c.hosts, same); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("want %q, got %v", c.err, err)
		}
	}
}

// TestSnapshotsOfAPlan: the playbook's provider when it has one; the
// files provider with what the steps write when a rollback policy or a
// drill needs one; none otherwise.
func TestSnapshotsOfAPlan(t *testing.T) {
	pb := &playbooks.Playbook{}
	plain := []Segment{{Route: rollout.Route{}.Resolve()}}
	withRollback := []Segment{{Route: rollout.Route{Rollback: rollout.RollbackWave}.Resolve()}}
	if Snapshots(pb, plain, false) != nil {
		t.Error("no rollback, no drill: no snapshots")
	}
	if _, ok := Snapshots(pb, withRollback, false).(*snapshot.Files); !ok {
		t.Error("a rollback policy takes files snapshots")
	}
	if _, ok := Snapshots(pb, plain, true).(*snapshot.Files); !ok {
		t.Error("a drill takes files snapshots")
	}
	pb.Snapshot = &snapshot.Vagrant{}
	if _, ok := Snapshots(pb, plain, false).(*snapshot.Vagrant); !ok {
		t.Error("the playbook's provider")
	}
}
