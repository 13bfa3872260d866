package fleet

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// stateFile is what a fleet directory records about itself, so that Down,
// Prune and the CLI can act on a fleet started by another process.
const stateFile = "fleet.json"

type fleetState struct {
	Name  string       `json:"name"`
	Slot  int          `json:"slot"` // third octet of every host address
	Repo  string       `json:"repo"` // apk repository bind-mounted into the hosts
	Hosts []hostRecord `json:"hosts"`
	// A test fleet belongs to its test process; once that is gone the
	// fleet is garbage (Prune). CLI fleets have no owner.
	OwnerPID   int    `json:"owner_pid,omitempty"`
	OwnerStart uint64 `json:"owner_start,omitempty"`
}

// live reports whether the fleet still has a reason to exist.
func (s fleetState) live() bool {
	if s.OwnerPID == 0 {
		return true
	}
	st, err := readProcStat(s.OwnerPID)
	return err == nil && st.state != 'Z' && st.startTime == s.OwnerStart
}

type hostRecord struct {
	Name    string `json:"name"`
	Address string `json:"address"`
}

func readState(dir string) (fleetState, error) {
	var s fleetState
	b, err := os.ReadFile(filepath.Join(dir, stateFile))
	if err != nil {
		return s, fmt.Errorf("read fleet state: %w", err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return s, fmt.Errorf("parse %s: %w", filepath.Join(dir, stateFile), err)
	}
	return s, nil
}

func writeState(dir string, s fleetState) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encode fleet state: %w", err)
	}
	return writeFileAtomic(filepath.Join(dir, stateFile), append(b, '\n'), 0o644)
}

// validName accepts 1-63 of [a-z0-9._-], starting with a letter or digit
// (so never a hidden file), except "cache".
func validName(name string) bool {
	if name == "" || len(name) > 63 || name == "cache" || strings.IndexByte(".-_", name[0]) >= 0 {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("._-", r)) {
			return false
		}
	}
	return true
}

// FleetDir is the directory of the fleet called name.
func FleetDir(name string) string { return filepath.Join(BaseDir, name) }

func cacheDir() string { return filepath.Join(BaseDir, "cache") }

// lockRegistry serialises every change to the set of fleets: slot
// allocation, fleet directories and the login user.
func lockRegistry() (func(), error) {
	if err := os.MkdirAll(BaseDir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", BaseDir, err)
	}
	// sshd's ChrootDirectory wants every path component root-owned and
	// not writable by others.
	if err := os.Chmod(BaseDir, 0o755); err != nil {
		return nil, err
	}
	return lockFile(filepath.Join(BaseDir, ".lock"))
}

// fleetDirs lists the fleet directories (with or without a state file).
func fleetDirs() ([]string, error) {
	entries, err := os.ReadDir(BaseDir)
	if err != nil {
		if isNotExist(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("list fleets: %w", err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && validName(e.Name()) {
			dirs = append(dirs, filepath.Join(BaseDir, e.Name()))
		}
	}
	return dirs, nil
}

// freeSlot picks the lowest slot no recorded fleet uses. Call with the
// registry locked.
func freeSlot() (int, error) {
	dirs, err := fleetDirs()
	if err != nil {
		return 0, err
	}
	used := map[int]bool{}
	for _, d := range dirs {
		if s, err := readState(d); err == nil {
			used[s.Slot] = true
		}
	}
	for slot := 1; slot <= 250; slot++ {
		if !used[slot] {
			return slot, nil
		}
	}
	return 0, fmt.Errorf("all 250 fleet slots are in use (switchback-fleet status; switchback-fleet down)")
}
