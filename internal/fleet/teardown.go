package fleet

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// Down stops every host of the fleet in dir, makes sure nothing is still
// mounted under it, removes it and, when no other live fleet remains,
// the login user. It is idempotent and works on a fleet whose process
// crashed, from its pid files alone.
func Down(dir string) error {
	dir = filepath.Clean(dir)
	if filepath.Dir(dir) != BaseDir || !validName(filepath.Base(dir)) {
		return fmt.Errorf("refusing to tear down %s: not a fleet directory under %s", dir, BaseDir)
	}
	if err := stopAll(dir); err != nil {
		return err
	}
	if st, err := readState(dir); err == nil {
		if err := removeIsolation(st.Slot); err != nil {
			return err
		}
	}
	if err := unmountUnder(dir); err != nil {
		return err
	}
	if err := removeHostDirs(dir); err != nil {
		return err
	}
	unlock, err := lockRegistry()
	if err != nil {
		return err
	}
	defer unlock()
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("remove %s: %w", dir, err)
	}
	return removeUserIfUnused()
}

// stopAll stops every host that has a directory under dir.
func stopAll(dir string) error {
	hostDirs, err := filepath.Glob(filepath.Join(dir, "hosts", "*"))
	if err != nil {
		return err
	}
	var st fleetState
	if s, err := readState(dir); err == nil {
		st = s
	}
	addresses := map[string]string{}
	for _, h := range st.Hosts {
		addresses[h.Name] = h.Address
	}
	errs := make([]error, len(hostDirs))
	var wg sync.WaitGroup
	for i, hd := range hostDirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = newHost(dir, filepath.Base(hd), addresses[filepath.Base(hd)]).stop()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// removeHostDirs removes the host directories in parallel: hundreds of
// root copies take seconds to delete one after another.
func removeHostDirs(dir string) error {
	hostDirs, err := filepath.Glob(filepath.Join(dir, "hosts", "*"))
	if err != nil {
		return err
	}
	errs := make([]error, len(hostDirs))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, hd := range hostDirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = os.RemoveAll(hd)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// unmountUnder detaches anything mounted below dir in this mount
// namespace. Hosts mount only inside their own namespaces, so normally
// there is nothing; but removing a tree with /dev bound into it would
// delete the controller's device nodes, so this is checked, not assumed.
func unmountUnder(dir string) error {
	mounts, err := mountsUnder(dir)
	if err != nil {
		return err
	}
	for _, m := range mounts { // deepest first
		if err := syscall.Unmount(m, syscall.MNT_DETACH); err != nil && !errors.Is(err, syscall.EINVAL) {
			return fmt.Errorf("unmount %s: %w", m, err)
		}
	}
	if left, err := mountsUnder(dir); err != nil || len(left) > 0 {
		return errors.Join(err, fmt.Errorf("still mounted under %s: %s", dir, strings.Join(left, " ")))
	}
	return nil
}

// mountsUnder lists mount points at or below dir, deepest first.
func mountsUnder(dir string) ([]string, error) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return nil, fmt.Errorf("read mounts: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 {
			continue
		}
		mp := unescapeMount(fields[4])
		if mp == dir || strings.HasPrefix(mp, dir+"/") {
			out = append(out, mp)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read mounts: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out, nil
}

// unescapeMount undoes mountinfo's octal escapes (\040 for a space, ...).
func unescapeMount(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			var v byte
			ok := true
			for _, c := range s[i+1 : i+4] {
				if c < '0' || c > '7' {
					ok = false
					break
				}
				v = v*8 + byte(c-'0')
			}
			if ok {
				b.WriteByte(v)
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// removeUserIfUnused removes the login user unless a live fleet remains.
// Call with the registry locked.
func removeUserIfUnused() error {
	dirs, err := fleetDirs()
	if err != nil {
		return err
	}
	for _, d := range dirs {
		if st, err := readState(d); err == nil && st.live() {
			return nil
		}
	}
	return errors.Join(removeUser(), removeBecomeUser())
}

// Prune tears down fleets whose owning test process has died (and
// directories a crash left without state). Fleets from Up have no owner
// and stay until Down.
func Prune() error {
	unlock, err := lockRegistry()
	if err != nil {
		return err
	}
	dirs, err := fleetDirs()
	var dead []string
	for _, d := range dirs {
		if st, err := readState(d); err != nil || !st.live() {
			dead = append(dead, d)
		}
	}
	unlock()
	if err != nil {
		return err
	}
	var errs []error
	for _, d := range dead {
		if err := Down(d); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func randomSuffix() uint32 {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on Linux
	return binary.LittleEndian.Uint32(b[:]) & 0xffffff
}
