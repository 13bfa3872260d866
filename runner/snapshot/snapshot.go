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

	"github.com/switchbackhq/switchback/modules"
)

// Provider takes and restores snapshots of one host.
type Provider interface {
	// Take saves the host's state before the run changes it.
	Take(ctx context.Context, h modules.Host, runID string) (*Snapshot, error)
	// Restore puts the host back as it was when s was taken. It refuses a
	// snapshot that was modified since.
	Restore(ctx context.Context, h modules.Host, s *Snapshot) error
	// Delete removes a snapshot that is no longer wanted.
	Delete(ctx context.Context, h modules.Host, s *Snapshot) error
}

// Snapshot identifies a snapshot and what proves it intact.
type Snapshot struct {
	Provider string
	RunID    string
	// Location is where the snapshot lives (a directory on the host for
	// the files provider).
	Location string
	// Digest is the sha256 of the snapshot's manifest, kept on the
	// controller: a snapshot whose manifest no longer hashes to it was
	// changed behind our back and is not restored.
	Digest string
}

// Spec is the snapshot block of a playbook.
type Spec struct {
	Provider string
	Paths    []string
}

// ValidatePath refuses paths that a restore could not handle safely:
// relative ones, "/" itself, ".." and names that a line-oriented file
// list cannot hold.
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
	return nil
}
