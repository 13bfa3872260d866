// Package snapshot saves a host's state before a run first changes it
// and puts it back on rollback. Providers sit behind one small interface
// so that btrfs, hypervisor and command-driven snapshots can follow the
// files provider.
package snapshot

import (
	"context"
	"fmt"
	"path"
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
