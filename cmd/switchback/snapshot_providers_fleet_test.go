package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// btrfsPlaybook changes files inside the subvolume /srv/data, then runs
// %s as the failing step of a host rolled back at once.
const btrfsPlaybook = `
playbook { name = "btrfs" }
snapshot {
  provider   = "btrfs"
  subvolumes = ["/srv/data"]
  dir        = "/srv/.snapshots/switchback"
}
rollout { rollback = "host" }
phase "work" {
  command "rewrite" {
    run    = "echo v2 > /srv/data/app.conf && rm /srv/data/old.txt && mkdir -p /srv/data/new && head -c 4096 /dev/urandom > /srv/data/new/blob"
    unless = "grep -qx v2 /srv/data/app.conf"
  }
  command "rigged" {
    run    = "%s"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`

// btrfsHost starts a host with a btrfs filesystem at /srv holding the
// subvolume /srv/data with a few files.
func btrfsHost(t *testing.T) (*fleet.Fleet, *fleet.Host) {
	t.Helper()
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	f.Btrfs(t, h, "/srv", 256)
	if out, err := f.Exec(h.Name, `set -e
btrfs subvolume create /srv/data >/dev/null
echo v1 > /srv/data/app.conf
echo keep > /srv/data/old.txt
mkdir /srv/data/dir && printf 'a\nb\n' > /srv/data/dir/list && chmod 0600 /srv/data/dir/list`); err != nil {
		t.Fatalf("preparing /srv/data: %v\n%s", err, out)
	}
	return f, h
}

// treeState describes every path below dir inside the host.
func treeState(t *testing.T, h *fleet.Host, dir string) map[string]string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(h.Path(dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(h.Root, p)
		paths = append(paths, "/"+rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return steptest.DiskState(t, h, paths...)
}

// TestBtrfsSnapshotRollback: a host whose run fails gets its subvolume
// back byte for byte from the read-only snapshot; prune deletes it.
func TestBtrfsSnapshotRollback(t *testing.T) {
	f, h := btrfsHost(t)
	rig(t, h)
	before := treeState(t, h, "/srv/data")
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(btrfsPlaybook, "exit 1"))
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK "+h.Name) {
		t.Fatalf("exit %d, want %d with the host rolled back", code, runner.ExitFailed)
	}
	after := treeState(t, h, "/srv/data")
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("/srv/data not restored:\nbefore %v\nafter  %v", before, after)
	}
	if out, err := f.Exec(h.Name, "btrfs property get -ts /srv/data ro"); err != nil || strings.TrimSpace(out) != "ro=false" {
		t.Errorf("the restored subvolume must be writable: %q, %v", out, err)
	}
	id := strings.Fields(out[strings.Index(out, "Run "):])[1]
	snap := "/srv/.snapshots/switchback/" + id
	if _, err := os.Stat(h.Path(snap + "/MANIFEST")); err != nil {
		t.Fatalf("the snapshot is gone after the rollback: %v", err)
	}
	if code, out := runCLI(t, "snapshots", "list"); code != 0 || !strings.Contains(out, "btrfs") {
		t.Error("snapshots list does not name the btrfs provider")
	}
	code, _ = runCLI(t, "snapshots", "prune", "--run", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts)
	if _, err := os.Stat(h.Path(snap)); code != 0 || err == nil {
		t.Errorf("prune: exit %d, and %s still there: %v", code, snap, err == nil)
	}
	if out, _ := f.Exec(h.Name, "btrfs subvolume list /srv"); strings.Contains(out, ".snapshots") || strings.Contains(out, "switchback-") {
		t.Errorf("subvolumes left behind:\n%s", out)
	}
}

// TestBtrfsRefusesTamperedOrMissingSnapshot: a snapshot made writable
// and changed, or deleted, after it was taken is not restored, and the
// subvolume stays as the run left it.
func TestBtrfsRefusesTamperedOrMissingSnapshot(t *testing.T) {
	for _, c := range []struct{ name, step, want string }{
		{"tampered", `s=$(echo /srv/.snapshots/switchback/*/1); btrfs property set $s ro false; echo evil > $s/app.conf; btrfs property set $s ro true; exit 1`,
			"was changed after it was taken"},
		{"missing", `btrfs subvolume delete /srv/.snapshots/switchback/*/1 >/dev/null; exit 1`, "is missing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, h := btrfsHost(t)
			rig(t, h)
			pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(btrfsPlaybook, strings.ReplaceAll(c.step, `"`, `\"`)))
			code, out := runCLI(t, runArgs(f, pb)...)
			if code != runner.ExitRollback {
				t.Errorf("exit %d, want %d (rollback failed)", code, runner.ExitRollback)
			}
			if !strings.Contains(out, "ROLLBACK FAILED on "+h.Name+": refusing to restore") || !strings.Contains(out, c.want) {
				t.Error("the refusal is not explained")
			}
			if !fileContains(t, h.Path("/srv/data/app.conf"), "v2") {
				t.Error("the subvolume was changed by a refused restore")
			}
		})
	}
}

// fakeVagrant puts a vagrant script on the PATH that stands in for
// Vagrant and its hypervisor (there is none on a test machine): it logs
// every call with its directory to calls.log, prints ssh-config output
// pointing at the fleet's hosts, and keeps "snapshots" of each host's
// /etc as tar files, so that a restore really puts files back. It
// returns the project directory (with a Vagrantfile) and the store.
func fakeVagrant(t *testing.T, f *fleet.Fleet) (project, store string) {
	t.Helper()
	bin, project, store := t.TempDir(), t.TempDir(), t.TempDir()
	var sshConfig, roots strings.Builder
	for _, h := range f.Hosts {
		fmt.Fprintf(&sshConfig, "Host %s\n  HostName %s\n  User %s\n  Port %d\n  UserKnownHostsFile /dev/null\n  StrictHostKeyChecking no\n  IdentityFile %s\n  IdentitiesOnly yes\n  LogLevel FATAL\n\n",
			h.Name, h.Address, f.User, h.Port, f.IdentityFile)
		fmt.Fprintf(&roots, "%s) echo %s ;;\n", h.Name, h.Root)
	}
	writeFile(t, store, "ssh-config", sshConfig.String())
	writeFile(t, project, "Vagrantfile", "# machines are the test fleet's hosts\n")
	script := `#!/bin/sh
store=` + store + `
echo "$(pwd): vagrant $*" >> "$store/calls.log"
root_of() {
  case $1 in
  ` + roots.String() + `*) echo "The machine with the name '$1' was not found configured for this Vagrant environment." >&2; exit 1 ;;
  esac
}
[ -e Vagrantfile ] || { echo "A Vagrant environment or target machine is required to run this command." >&2; exit 1; }
case "$1 $2" in
"ssh-config ") cat "$store/ssh-config" ;;
"snapshot save")
  r=$(root_of "$3") || exit 1
  mkdir -p "$store/$3"
  echo "==> $3: Snapshotting the machine as '$4'..."
  tar -C "$r" -cf "$store/$3/$4.tar" etc ;;
"snapshot list")
  ls "$store/$3" 2>/dev/null | sed 's/\.tar$//' | grep . || echo "==> $3: No snapshots have been taken yet!" ;;
"snapshot restore")
  [ "$3" = --no-provision ] || { echo "restore without --no-provision" >&2; exit 1; }
  r=$(root_of "$4") || exit 1
  [ -f "$store/$4/$5.tar" ] || { echo "The snapshot name '$5' was not found for the virtual machine '$4'." >&2; exit 1; }
  echo "==> $4: Restoring the snapshot '$5'..."
  rm -rf "$r/etc" && tar -C "$r" -xf "$store/$4/$5.tar" ;;
"snapshot delete")
  [ -f "$store/$3/$4.tar" ] || { echo "The snapshot name '$4' was not found for the virtual machine '$3'." >&2; exit 1; }
  echo "==> $3: Deleting the snapshot '$4'..."
  rm "$store/$3/$4.tar" ;;
*) echo "unexpected: vagrant $*" >&2; exit 2 ;;
esac
`
	if err := os.WriteFile(filepath.Join(bin, "vagrant"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return project, store
}

// vagrantCalls returns the calls the fake vagrant logged since the last
// look, and forgets them.
func vagrantCalls(t *testing.T, store string) string {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(store, "calls.log"))
	_ = os.Remove(filepath.Join(store, "calls.log"))
	return string(b)
}

const vagrantPlaybook = `
playbook { name = "vagrant" }
snapshot { provider = "vagrant" }
rollout { rollback = "host" }
phase "work" {
  command "motd" {
    run    = "echo converted > /etc/motd"
    unless = "grep -qx converted /etc/motd"
  }
  command "rigged" {
    run    = "exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`

// TestVagrantSnapshots: with the vagrant provider and the vagrant:
// inventory, each host is snapshotted by machine name in the project
// directory before its first change, a failed host is restored with
// --no-provision after checking the snapshot exists, 'switchback
// rollback' and 'snapshots prune' use the recorded provider and project
// from anywhere, and a missing snapshot is refused.
func TestVagrantSnapshots(t *testing.T) {
	f := fleet.Start(t, 2)
	project, store := fakeVagrant(t, f)
	good, bad := f.Hosts[0], f.Hosts[1]
	rig(t, bad)
	motd := mustRead(t, bad.Path("/etc/motd"))
	pb := writeFile(t, t.TempDir(), "p.hcl", vagrantPlaybook)
	t.Chdir(project)
	code, out := runCLI(t, "run", pb, "-i", "vagrant:", "--known-hosts", f.KnownHosts, "--connect-timeout", "5s")
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK "+bad.Name) {
		t.Fatalf("exit %d, want %d with %s rolled back", code, runner.ExitFailed, bad.Name)
	}
	id := strings.Fields(out[strings.Index(out, "Run "):])[1]
	snap := "switchback-" + id
	calls := vagrantCalls(t, store)
	for _, want := range []string{
		project + ": vagrant ssh-config",
		project + ": vagrant snapshot save " + good.Name + " " + snap,
		project + ": vagrant snapshot save " + bad.Name + " " + snap,
		project + ": vagrant snapshot list " + bad.Name,
		project + ": vagrant snapshot restore --no-provision " + bad.Name + " " + snap,
	} {
		if !strings.Contains(calls, want+"\n") {
			t.Errorf("no call %q in:\n%s", want, calls)
		}
	}
	if strings.Contains(calls, "restore --no-provision "+good.Name) {
		t.Error("the host that converged was restored")
	}
	if got := mustRead(t, bad.Path("/etc/motd")); got != motd || !fileContains(t, good.Path("/etc/motd"), "converted") {
		t.Errorf("after the run: %s has /etc/motd %q, want it restored", bad.Name, got)
	}

	// From another directory, with the saved ssh-config as inventory, and
	// the machine down: restoring it needs no connection.
	t.Chdir(t.TempDir())
	if err := f.StopHost(good.Name); err != nil {
		t.Fatal(err)
	}
	inv := "vagrant:" + filepath.Join(store, "ssh-config")
	code, out = runCLI(t, "rollback", id, "-i", inv, "--known-hosts", f.KnownHosts)
	if code != 0 || !strings.Contains(out, "ROLLED BACK "+good.Name) || mustRead(t, good.Path("/etc/motd")) == "converted\n" {
		t.Errorf("rollback: exit %d, %s /etc/motd not restored", code, good.Name)
	}
	if calls := vagrantCalls(t, store); !strings.Contains(calls, project+": vagrant snapshot restore --no-provision "+good.Name+" "+snap+"\n") {
		t.Errorf("rollback did not restore in the project directory:\n%s", calls)
	}

	if err := os.Remove(filepath.Join(store, bad.Name, snap+".tar")); err != nil {
		t.Fatal(err)
	}
	code, out = runCLI(t, "rollback", id, "-i", inv, "--hosts", bad.Name, "--known-hosts", f.KnownHosts)
	if code != runner.ExitRollback || !strings.Contains(out, "refusing to restore: machine "+bad.Name+" has no snapshot "+snap) {
		t.Errorf("a missing snapshot: exit %d, want %d and a refusal", code, runner.ExitRollback)
	}
	if calls := vagrantCalls(t, store); strings.Contains(calls, "snapshot restore") {
		t.Errorf("restore was attempted without a snapshot:\n%s", calls)
	}

	code, out = runCLI(t, "snapshots", "prune", "--run", id, "-i", inv, "--known-hosts", f.KnownHosts)
	calls = vagrantCalls(t, store)
	if !strings.Contains(calls, project+": vagrant snapshot delete "+good.Name+" "+snap+"\n") || !strings.Contains(out, good.Name+": deleted "+snap) {
		t.Errorf("prune: exit %d, calls:\n%s", code, calls)
	}
	if _, err := os.Stat(filepath.Join(store, good.Name, snap+".tar")); err == nil {
		t.Error("the snapshot is still there after prune")
	}
}

// commandPlaybook snapshots with the command provider; %s are its
// settings.
const commandPlaybook = `
playbook { name = "command" }
snapshot {
  provider = "command"
%s
}
rollout { rollback = "host" }
phase "work" {
  command "motd" {
    run    = "echo converted > /etc/motd"
    unless = "grep -qx converted /etc/motd"
  }
  command "rigged" {
    run    = "exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`

// TestCommandSnapshotsOnController: controller-side commands run in the
// directory of the run with the host, address, run and snapshot in the
// environment; what save prints is what restore and delete get, byte
// for byte, also from a later 'switchback rollback' run elsewhere.
func TestCommandSnapshotsOnController(t *testing.T) {
	f := fleet.Start(t, 2)
	good, bad := f.Hosts[0], f.Hosts[1]
	rig(t, bad)
	dir := t.TempDir()
	t.Chdir(dir)
	settings := `
  save    = "echo \"save $SWITCHBACK_HOST $SWITCHBACK_ADDRESS $SWITCHBACK_RUN $SWITCHBACK_SNAPSHOT\" >> calls.log; echo \"id of $SWITCHBACK_HOST: it's \\$x\""
  restore = "printf 'restore %s [%s]\n' \"$SWITCHBACK_HOST\" \"$SWITCHBACK_SNAPSHOT\" >> calls.log"
  delete  = "printf 'delete %s [%s]\n' \"$SWITCHBACK_HOST\" \"$SWITCHBACK_SNAPSHOT\" >> calls.log"
`
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(commandPlaybook, settings))
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK "+bad.Name) {
		t.Fatalf("exit %d, want %d with %s rolled back", code, runner.ExitFailed, bad.Name)
	}
	id := strings.Fields(out[strings.Index(out, "Run "):])[1]
	t.Chdir(t.TempDir())
	if code, _ := runCLI(t, "rollback", id, "-i", f.Inventory, "--hosts", good.Name, "--known-hosts", f.KnownHosts); code != 0 {
		t.Errorf("rollback: exit %d", code)
	}
	if code, _ := runCLI(t, "snapshots", "prune", "--run", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts); code != 0 {
		t.Errorf("prune: exit %d", code)
	}
	var want []string
	for _, h := range f.Hosts {
		want = append(want, fmt.Sprintf("save %s %s %s switchback-%s", h.Name, h.Address, id, id))
	}
	want = append(want,
		fmt.Sprintf("restore %s [id of %s: it's $x]", bad.Name, bad.Name),
		fmt.Sprintf("restore %s [id of %s: it's $x]", good.Name, good.Name),
		fmt.Sprintf("delete %s [id of %s: it's $x]", good.Name, good.Name),
		fmt.Sprintf("delete %s [id of %s: it's $x]", bad.Name, bad.Name))
	got := strings.Split(strings.TrimSpace(mustRead(t, filepath.Join(dir, "calls.log"))), "\n")
	slices.Sort(got[:2]) // the two saves run in parallel
	if !slices.Equal(got, want) {
		t.Errorf("calls.log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCommandSnapshotsOnHost: with on = "host" the commands run on the
// host itself; here they copy /etc/motd aside and back.
func TestCommandSnapshotsOnHost(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	rig(t, h)
	motd := mustRead(t, h.Path("/etc/motd"))
	settings := `
  on      = "host"
  save    = "mkdir -p /var/backups && cp -p /etc/motd \"/var/backups/motd.$SWITCHBACK_RUN\" && echo \"/var/backups/motd.$SWITCHBACK_RUN\""
  restore = "[ \"$SWITCHBACK_HOST\" = ` + h.Name + ` ] && cp -p \"$SWITCHBACK_SNAPSHOT\" /etc/motd"
  delete  = "rm \"$SWITCHBACK_SNAPSHOT\""
`
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(commandPlaybook, settings))
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK "+h.Name) {
		t.Fatalf("exit %d, want %d with the host rolled back", code, runner.ExitFailed)
	}
	if got := mustRead(t, h.Path("/etc/motd")); got != motd {
		t.Errorf("/etc/motd = %q, want %q", got, motd)
	}
	id := strings.Fields(out[strings.Index(out, "Run "):])[1]
	backup := "/var/backups/motd." + id
	if _, err := os.Stat(h.Path(backup)); err != nil {
		t.Fatalf("the save command's copy is not on the host: %v", err)
	}
	if code, _ := runCLI(t, "snapshots", "prune", "--run", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts); code != 0 {
		t.Errorf("prune: exit %d", code)
	}
	if _, err := os.Stat(h.Path(backup)); err == nil {
		t.Error("the delete command did not run on the host")
	}
}

// TestFailedSaveChangesNothing: a save command that fails fails the host
// before its first change, with the command's own error.
func TestFailedSaveChangesNothing(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	motd := mustRead(t, h.Path("/etc/motd"))
	settings := `
  save    = "echo 'snapshot quota exceeded' >&2; exit 7"
  restore = "true"
`
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(commandPlaybook, settings))
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed || !strings.Contains(out, "snapshot quota exceeded") || !strings.Contains(out, "no change was made") {
		t.Errorf("exit %d, want %d with the save command's error", code, runner.ExitFailed)
	}
	if got := mustRead(t, h.Path("/etc/motd")); got != motd {
		t.Errorf("/etc/motd changed to %q although the snapshot failed", got)
	}
}
