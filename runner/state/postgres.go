package state

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPostgres opens a PostgreSQL database shared by controllers. The
// queries are the SQLite store's, through database/sql and pgx's driver
// (see db.go); the coordination of shard groups and host leases uses a
// session of its own (shared.go).
func openPostgres(ctx context.Context, location string) (*Store, error) {
	where := Redact(location)
	cfg, err := pgx.ParseConfig(location)
	if err != nil {
		return nil, fmt.Errorf("state database %s: %w", where, err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	sqlDB := stdlib.OpenDB(*cfg)
	// Events come from every host in flight; a few connections keep one
	// slow write from holding up the others.
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetMaxIdleConns(8)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	d := &db{sql: sqlDB, backend: postgresBackend}
	pingCtx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout+5*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("state database %s: %w", where, err)
	}
	if err := migrate(ctx, d); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("state database %s: %w", where, err)
	}
	return &Store{db: d, where: where, pg: &pgShared{config: cfg, db: d}}, nil
}

// Redact hides the password of a database URL, for messages and for the
// arguments a run records; anything else is returned as it is.
func Redact(location string) string {
	if !IsURL(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		return "(a PostgreSQL URL that does not parse)"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}
