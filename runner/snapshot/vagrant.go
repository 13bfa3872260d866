package snapshot

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Vagrant snapshots Vagrant machines with 'vagrant snapshot save',
// 'restore' and 'delete', run on the controller in the Vagrant project
// directory. The machine is the host's inventory name, which is what
// 'vagrant ssh-config' (and so the vagrant: inventory) calls it. Whether
// a snapshot was modified is the hypervisor's business; a missing one is
// refused before anything is restored.
type Vagrant struct {
	// Project is the directory holding the Vagrantfile (default: the
	// current directory).
	Project string
}

var _ Provider = (*Vagrant)(nil)

// VagrantType is the vagrant provider.
func VagrantType() Type {
	return Type{
		Name: "vagrant", About: "'vagrant snapshot' on the controller",
		Settings: []Setting{{Name: "project"}},
		Decode: func(b Body) Provider {
			project, _ := b.String("project")
			return &Vagrant{Project: project}
		},
		FromRecord: func(s *Snapshot) Provider { return &Vagrant{Project: s.Settings["project"]} },
	}
}

func (v *Vagrant) onController() bool { return true }

func (v *Vagrant) project() (string, error) {
	dir := v.Project
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("vagrant project %s: %w", dir, err)
	}
	return abs, nil
}

// Take runs 'vagrant snapshot save <machine> switchback-<run>'.
func (v *Vagrant) Take(ctx context.Context, t Target, runID string) (*Snapshot, error) {
	if !runIDPattern.MatchString(runID) {
		return nil, fmt.Errorf("run id %q cannot name a snapshot", runID)
	}
	dir, err := v.project()
	if err != nil {
		return nil, err
	}
	name := "switchback-" + runID
	if _, err := vagrant(ctx, dir, "snapshot", "save", t.Name, name); err != nil {
		return nil, err
	}
	return &Snapshot{Provider: "vagrant", RunID: runID, Location: name, Settings: map[string]string{"project": dir}}, nil
}

// Restore checks that the machine still has the snapshot, then runs
// 'vagrant snapshot restore --no-provision <machine> <name>'.
func (v *Vagrant) Restore(ctx context.Context, t Target, s *Snapshot) error {
	dir, err := v.project()
	if err != nil {
		return err
	}
	list, err := vagrant(ctx, dir, "snapshot", "list", t.Name)
	if err != nil {
		return err
	}
	if !listsSnapshot(list, s.Location) {
		return fmt.Errorf("refusing to restore: machine %s has no snapshot %s ('vagrant snapshot list %s' in %s)", t.Name, s.Location, t.Name, dir)
	}
	_, err = vagrant(ctx, dir, "snapshot", "restore", "--no-provision", t.Name, s.Location)
	return err
}

// Delete runs 'vagrant snapshot delete <machine> <name>'.
func (v *Vagrant) Delete(ctx context.Context, t Target, s *Snapshot) error {
	dir, err := v.project()
	if err != nil {
		return err
	}
	_, err = vagrant(ctx, dir, "snapshot", "delete", t.Name, s.Location)
	return err
}

// listsSnapshot reads 'vagrant snapshot list <machine>': one name per
// line, with status lines ("==> web: ...") between them.
func listsSnapshot(list, name string) bool {
	for _, l := range strings.Split(list, "\n") {
		l = strings.TrimSpace(l)
		if l == name || strings.HasPrefix(l, "==> ") && strings.HasSuffix(l, ": "+name) {
			return true
		}
	}
	return false
}

func vagrant(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "vagrant", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "VAGRANT_NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		detail := strings.TrimSpace(stderr.String())
		if detail == "" {
			detail = strings.TrimSpace(stdout.String())
		}
		if detail != "" {
			detail = ": " + lastLine(detail)
		}
		return "", fmt.Errorf("vagrant %s (in %s): %w%s", strings.Join(args, " "), dir, err, detail)
	}
	return stdout.String(), nil
}
