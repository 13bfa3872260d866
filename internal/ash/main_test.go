package ash

import (
	"fmt"
	"os"
	"syscall"
	"testing"
)

// TestMain serialises the test processes of this package on one
// machine. The probes run in fixed directories of the controller
// (probeBase, surfaceBase), the same paths as on the host so that $0 and
// messages match; two `go test` runs at once (two checkouts, or a
// labelling run beside `make test`) would empty each other's directories
// and record wrong outcomes without a word.
func TestMain(m *testing.M) {
	lock, err := os.OpenFile("/tmp/switchback-ash.lock", os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		fmt.Fprintf(os.Stderr, "opening the probe directories' lock: %v\n", err)
		os.Exit(1)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		fmt.Fprintf(os.Stderr, "locking the probe directories: %v\n", err)
		os.Exit(1)
	}
	code := m.Run()
	lock.Close()
	os.Exit(code)
}
