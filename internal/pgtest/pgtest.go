package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// One server per test process, started by the first test that asks.
var (
	shared     *Server
	sharedErr  error
	sharedOnce sync.Once
	databases  atomic.Int64
)

// New returns the URL of a fresh, empty database on this test process's
// server, starting the server the first time. Without PostgreSQL the
// test is skipped with one line, or fails under CI=true, where it must
// be installed (make prereqs does it).
func New(t testing.TB) string {
	t.Helper()
	sharedOnce.Do(func() {
		shared, sharedErr = Start(context.Background(), Options{})
	})
	if sharedErr != nil {
		unavailableHere(t, sharedErr)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), databases.Add(1))
	url, err := shared.CreateDatabase(t.Context(), name)
	if err != nil {
		t.Fatal(err)
	}
	return url
}

func unavailableHere(t testing.TB, err error) {
	t.Helper()
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	if os.Getenv("CI") == "true" || !errors.Is(err, ErrUnavailable) {
		t.Fatal(msg)
	}
	t.Skip(msg)
}
