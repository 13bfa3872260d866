package state

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// backend names the database behind a store.
type backend string

const (
	sqliteBackend   backend = "sqlite"
	postgresBackend backend = "postgres"
)

// db is the store's database with one SQL text for both backends: queries
// are written with ? placeholders and SQL that SQLite and PostgreSQL both
// speak (INSERT ... ON CONFLICT, COALESCE, a rowid column that PostgreSQL
// tables have too), and db rewrites the placeholders to $1, $2, ... for
// PostgreSQL. Its methods are those of *sql.DB that the store uses, so
// store code reads as plain database/sql.
type db struct {
	sql     *sql.DB
	backend backend
}

func (d *db) rebind(query string) string {
	if d.backend == postgresBackend {
		return dollarPlaceholders(query)
	}
	return query
}

func (d *db) Exec(query string, args ...any) (sql.Result, error) {
	return d.sql.Exec(d.rebind(query), args...)
}

func (d *db) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return d.sql.ExecContext(ctx, d.rebind(query), args...)
}

func (d *db) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.sql.QueryContext(ctx, d.rebind(query), args...)
}

func (d *db) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return d.sql.QueryRowContext(ctx, d.rebind(query), args...)
}

func (d *db) BeginTx(ctx context.Context, opts *sql.TxOptions) (*tx, error) {
	t, err := d.sql.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &tx{Tx: t, db: d}, nil
}

func (d *db) Close() error { return d.sql.Close() }

// tx is a transaction of db, with the same rewriting.
type tx struct {
	*sql.Tx
	db *db
}

func (t *tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.db.rebind(query), args...)
}

func (t *tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.db.rebind(query), args...)
}

func (t *tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.db.rebind(query), args...)
}

// dollarPlaceholders turns each ? outside quotes and comments into $N.
func dollarPlaceholders(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(query) && query[j] != c {
				j++
			}
			b.WriteString(query[i:min(j+1, len(query))])
			i = j
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				j = len(query) - i
			}
			b.WriteString(query[i : i+j])
			i += j - 1
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// b2i stores a bool as the 0 or 1 both backends keep in INTEGER columns.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
