// Package snapshot saves a host's state before a run first changes it
// and puts it back on rollback. Providers sit behind one small interface
// so that btrfs, hypervisor and command-driven snapshots can follow the
// files provider.
package snapshot

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Target is the host a provider works on: its inventory name and
// address, for providers that act from the controller (a hypervisor or a
// cloud knows a machine by name), and the connection, for those that act
// on the host itself. Host may be nil when NeedsConnection says the
// provider does not use it.
type Target struct {
	Name    string
	Address string
	Host    hostcmd.Host
}

// Provider takes and restores snapshots of one host.
type Provider interface {
	// Take saves the host's state before the run changes it.
	Take(ctx context.Context, t Target, runID string) (*Snapshot, error)
	// Restore puts the host back as it was when s was taken. It refuses a
	// snapshot that was modified since, where the provider can tell.
	Restore(ctx context.Context, t Target, s *Snapshot) error
	// Delete removes a snapshot that is no longer wanted.
	Delete(ctx context.Context, t Target, s *Snapshot) error
}

// controllerSide is implemented by providers that never touch the host's
// connection: a restore then works even when the change being undone
// made the host unreachable.
type controllerSide interface {
	onController() bool
}

// NeedsConnection says whether p works through a connection to the host.
func NeedsConnection(p Provider) bool {
	c, ok := p.(controllerSide)
	return !ok || !c.onController()
}

// Snapshot identifies a snapshot and what proves it intact.
type Snapshot struct {
	Provider string
	RunID    string
	// Location is where the snapshot lives: a directory on the host (files,
	// btrfs), a snapshot name (vagrant), or what the save command printed
	// (command).
	Location string
	// Digest is the sha256 of the snapshot's manifest, kept on the
	// controller: a snapshot whose manifest no longer hashes to it was
	// changed behind our back and is not restored. Empty for providers
	// that cannot tell.
	Digest string
	// Settings are what Restore and Delete need besides Location (the
	// restore command, the Vagrant project, ...). They are recorded with
	// the snapshot, so that a later rollback does not depend on the
	// playbook as it is then.
	Settings map[string]string
}

// Spec is the snapshot block of a playbook. Each provider reads only its
// own fields.
type Spec struct {
	Provider string
	// Paths are saved by the files provider besides SystemPaths.
	Paths []string
	// Subvolumes are snapshotted by the btrfs provider, into SnapshotDir.
	Subvolumes  []string
	SnapshotDir string
	// Project is the Vagrant project directory (default: the current one).
	Project string
	// Save, Restore and Delete are the command provider's shell commands,
	// run on the controller or, with On = "host", on the host.
	Save, Restore, Delete, On string
}

// Providers are the names a snapshot block may give.
var Providers = []string{"files", "btrfs", "vagrant", "command"}

// New builds the provider a playbook's spec asks for; writes are paths
// the playbook's steps write, which the files provider saves as well.
func New(spec Spec, writes []string) (Provider, error) {
	switch spec.Provider {
	case "", "files":
		return &Files{Paths: append(slices.Clone(writes), spec.Paths...)}, nil
	case "btrfs":
		return &Btrfs{Subvolumes: spec.Subvolumes, Dir: spec.SnapshotDir}, nil
	case "vagrant":
		return &Vagrant{Project: spec.Project}, nil
	case "command":
		return &Command{SaveCommand: spec.Save, RestoreCommand: spec.Restore, DeleteCommand: spec.Delete, OnHost: spec.On == "host"}, nil
	}
	return nil, fmt.Errorf("unknown snapshot provider %q (known: %s)", spec.Provider, strings.Join(Providers, ", "))
}

// ForSnapshot builds the provider that restores and deletes s, from what
// was recorded with it. A snapshot recorded without a provider name was
// taken by the files provider.
func ForSnapshot(s *Snapshot) (Provider, error) {
	switch s.Provider {
	case "", "files":
		return &Files{}, nil
	case "btrfs":
		return &Btrfs{Dir: s.Settings["dir"]}, nil
	case "vagrant":
		return &Vagrant{Project: s.Settings["project"]}, nil
	case "command":
		return &Command{RestoreCommand: s.Settings["restore"], DeleteCommand: s.Settings["delete"], OnHost: s.Settings["on"] == "host", Dir: s.Settings["dir"]}, nil
	}
	return nil, fmt.Errorf("snapshot of run %s was taken by provider %q, which this switchback does not know", s.RunID, s.Provider)
}

// ValidatePath refuses paths that a restore could not handle safely:
// relative ones, "/" itself, ".." and names that a line-oriented file
// list cannot hold, and switchback's own state (Keep). A path that
// contains that state, such as /var/lib, is fine: the state is left out.
func ValidatePath(p string) error {
	switch {
	case !strings.HasPrefix(p, "/"):
		return fmt.Errorf("%q is not absolute", p)
	case path.Clean(p) == "/":
		return fmt.Errorf("%q is the whole filesystem; name the directories to keep", p)
	case strings.Contains(p, "/../") || strings.HasSuffix(p, "/.."):
		return fmt.Errorf("%q holds \"..\"", p)
	case strings.ContainsAny(p, "\n\r\x00"):
		return fmt.Errorf("%q holds a line break", p)
	}
	for _, k := range Keep {
		if c := path.Clean(p); c == k || strings.HasPrefix(c, k+"/") {
			return fmt.Errorf("%q is where switchback keeps its own state on the host (%s); a snapshot cannot hold it", p, k)
		}
	}
	return nil
}
