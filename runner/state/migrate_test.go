package state

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/switchbackhq/switchback/internal/pgtest"
)

// TestMigrationsOnFirstUse: opening a new database applies every
// migration once and records it; opening it again applies nothing; a
// database migrated by a newer switchback is refused, not written.
func TestMigrationsOnFirstUse(t *testing.T) { eachBackend(t, testMigrationsOnFirstUse) }

func testMigrationsOnFirstUse(t *testing.T, location string) {
	ctx := context.Background()
	versions := func(st *Store) []int {
		t.Helper()
		rows, err := st.db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var vs []int
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			vs = append(vs, v)
		}
		return vs
	}
	st, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	got := versions(st)
	if len(got) != len(migrations) || got[len(got)-1] != currentVersion() {
		t.Fatalf("versions after the first open: %v, want 1..%d", got, currentVersion())
	}
	st.Close()

	st, err = Open(location)
	if err != nil {
		t.Fatalf("second open: %v", err)
	}
	if again := versions(st); len(again) != len(got) {
		t.Errorf("versions after the second open: %v, want %v", again, got)
	}
	if _, err := st.db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '')`,
		currentVersion()+1); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, err = Open(location)
	if err == nil || !strings.Contains(err.Error(), "newer switchback") {
		t.Errorf("a database of a newer schema: %v, want it refused", err)
	}
}

// TestShardsMigrateAtOnce: the shards of a group open an empty database
// together; one migrates, the others wait and find it done.
func TestShardsMigrateAtOnce(t *testing.T) {
	url := pgtest.New(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Go(func() {
			st, err := Open(url)
			if err == nil {
				st.Close()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	st, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != currentVersion() {
		t.Errorf("%d migrations recorded (%v), want %d", n, err, currentVersion())
	}
}

func TestDollarPlaceholders(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`UPDATE t SET a = ? WHERE b = ? AND c = ?`, `UPDATE t SET a = $1 WHERE b = $2 AND c = $3`},
		{`SELECT '?' , "a?b", ? -- why?` + "\n" + `, ?`, `SELECT '?' , "a?b", $1 -- why?` + "\n" + `, $2`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
	} {
		if got := dollarPlaceholders(c.in); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
