package state

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"
)

// A migration takes the schema from version-1 to version. Migrations are
// applied in order, each in its own transaction with its row in
// schema_migrations, the first time a store is opened by a switchback
// that knows them; a database at a version this switchback does not
// know is refused rather than written with the wrong schema.
//
// Add a migration at the end, never change one that shipped: databases
// in the field have applied it as it was.
type migration struct {
	version int
	name    string
	// sqlite and postgres are the statements for each backend; apply, if
	// set, runs after them in the same transaction.
	sqlite, postgres string
	apply            func(ctx context.Context, t *tx) error
}

var migrations = []migration{
	{version: 1, name: "runs, hosts, steps, waves, invocations and scans",
		sqlite: schema + invocationsSchema + scanSchema, postgres: postgresV1,
		// A SQLite database made before versioned migrations already has
		// the tables (CREATE ... IF NOT EXISTS keeps them) but maybe not
		// every column added since.
		apply: func(ctx context.Context, t *tx) error {
			if t.db.backend == sqliteBackend {
				return addColumns(ctx, t)
			}
			return nil
		}},
	{version: 2, name: "operators, shard groups, shards, holders and host leases",
		sqlite: sqliteV2, postgres: postgresV2},
	{version: 3, name: "evidence of a run, and the files it started from",
		sqlite: evidenceV3, postgres: evidenceV3 + `ALTER TABLE shards ADD COLUMN sources TEXT;`},
	{version: 4, name: "the phases each host entered",
		sqlite: phasesV4, postgres: phasesV4},
}

// currentVersion is the schema this switchback writes.
func currentVersion() int { return migrations[len(migrations)-1].version }

const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// migrate brings the database to currentVersion. On PostgreSQL several
// controllers may open an empty database at once (the shards of a group
// start together): a transaction-scoped advisory lock lets one of them
// migrate while the others wait, then find nothing left to do. SQLite
// transactions take the write lock when they begin (_txlock=immediate).
func migrate(ctx context.Context, d *db) error {
	for {
		done, err := migrateOne(ctx, d)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, if any, and says whether the
// schema is current.
func migrateOne(ctx context.Context, d *db) (current bool, err error) {
	t, err := d.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer func() {
		if err != nil {
			_ = t.Rollback()
		}
	}()
	if d.backend == postgresBackend {
		if _, err := t.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?, ?)`, lockNamespace+1, lockMigrations); err != nil {
			return false, fmt.Errorf("waiting for another controller's migration: %w", err)
		}
	}
	if _, err := t.ExecContext(ctx, migrationsTable); err != nil {
		return false, fmt.Errorf("creating schema_migrations: %w", err)
	}
	var have sql.NullInt64
	if err := t.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&have); err != nil {
		return false, fmt.Errorf("reading the schema version: %w", err)
	}
	v := int(have.Int64)
	if v > currentVersion() {
		return false, fmt.Errorf("its schema is at version %d, written by a newer switchback; this one knows versions up to %d: upgrade switchback on this controller",
			v, currentVersion())
	}
	if v == currentVersion() {
		return true, t.Commit()
	}
	m := migrations[v] // versions are 1, 2, ...: migrations[v] is version v+1
	stmts := m.sqlite
	if d.backend == postgresBackend {
		stmts = m.postgres
	}
	if _, err := t.ExecContext(ctx, stmts); err != nil {
		return false, fmt.Errorf("schema migration %d (%s): %w", m.version, m.name, err)
	}
	if m.apply != nil {
		if err := m.apply(ctx, t); err != nil {
			return false, fmt.Errorf("schema migration %d (%s): %w", m.version, m.name, err)
		}
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return false, fmt.Errorf("recording schema migration %d: %w", m.version, err)
	}
	return false, t.Commit()
}

// laterColumns were added to SQLite databases before migrations were
// versioned: a database created before gets them in migration 1. Rows
// recorded before have them NULL (a snapshot without a provider was taken
// by "files").
var laterColumns = []struct{ table, column, decl string }{
	{"hosts", "snapshot_provider", "TEXT"},
	{"hosts", "snapshot_settings", "TEXT"},
}

func addColumns(ctx context.Context, t *tx) error {
	for _, c := range laterColumns {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?`, c.table, c.column).Scan(&n); err != nil {
			return fmt.Errorf("checking column %s.%s: %w", c.table, c.column, err)
		}
		if n == 0 {
			if _, err := t.ExecContext(ctx, `ALTER TABLE `+c.table+` ADD COLUMN `+c.column+` `+c.decl); err != nil {
				return fmt.Errorf("adding column %s.%s: %w", c.table, c.column, err)
			}
		}
	}
	return nil
}

// lockNamespace is the first key of every advisory lock switchback
// takes ("SBS1"), so that its locks do not meet another application's in
// a shared database.
const lockNamespace = 0x53425331

// postgresV1 is migration 1 for PostgreSQL: the tables of SQLite's
// schema, with a rowid column where reads keep the order rows were
// written in (SQLite has one implicitly). Times are RFC 3339 text in
// both, so that one query reads both; PostgreSQL can still compute with
// them (started_at::timestamptz).
const postgresV1 = `
CREATE TABLE runs (
	id          TEXT PRIMARY KEY,
	playbook    TEXT NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	hosts       INTEGER NOT NULL,
	waves       INTEGER NOT NULL,
	strategy    TEXT NOT NULL,
	check_mode  INTEGER NOT NULL,
	exit_code   INTEGER,
	halt_wave   INTEGER,
	halt_reason TEXT
);
CREATE TABLE hosts (
	rowid             BIGINT GENERATED ALWAYS AS IDENTITY,
	run_id            TEXT NOT NULL REFERENCES runs(id),
	host              TEXT NOT NULL,
	wave              INTEGER,
	status            TEXT NOT NULL,
	ok                INTEGER NOT NULL DEFAULT 0,
	changed           INTEGER NOT NULL DEFAULT 0,
	failed            INTEGER NOT NULL DEFAULT 0,
	error             TEXT,
	snapshot          TEXT,
	snapshot_digest   TEXT,
	snapshot_provider TEXT,
	snapshot_settings TEXT,
	rolled_back       INTEGER NOT NULL DEFAULT 0,
	rollback_error    TEXT,
	updated_at        TEXT NOT NULL,
	PRIMARY KEY (run_id, host)
);
CREATE TABLE steps (
	rowid       BIGINT GENERATED ALWAYS AS IDENTITY,
	run_id      TEXT NOT NULL REFERENCES runs(id),
	host        TEXT NOT NULL,
	phase       TEXT NOT NULL,
	step        TEXT NOT NULL,
	status      TEXT NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	error       TEXT,
	PRIMARY KEY (run_id, host, phase, step)
);
CREATE TABLE waves (
	run_id      TEXT NOT NULL REFERENCES runs(id),
	wave        INTEGER NOT NULL,
	hosts       INTEGER NOT NULL,
	tolerance   INTEGER NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	ok          INTEGER,
	failed      INTEGER,
	unreachable INTEGER,
	PRIMARY KEY (run_id, wave)
);
CREATE TABLE invocations (
	run_id   TEXT PRIMARY KEY,
	dir      TEXT NOT NULL,
	args     TEXT NOT NULL,
	withheld TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE scans (
	id          TEXT PRIMARY KEY,
	started_at  TEXT NOT NULL,
	finished_at TEXT NOT NULL
);
CREATE TABLE scan_hosts (
	rowid       BIGINT GENERATED ALWAYS AS IDENTITY,
	scan_id     TEXT NOT NULL REFERENCES scans(id),
	host        TEXT NOT NULL,
	error       TEXT,
	round_trips INTEGER NOT NULL,
	PRIMARY KEY (scan_id, host)
);
CREATE TABLE scan_findings (
	rowid      BIGINT GENERATED ALWAYS AS IDENTITY,
	scan_id    TEXT NOT NULL REFERENCES scans(id),
	host       TEXT NOT NULL,
	check_name TEXT NOT NULL,
	path       TEXT NOT NULL,
	line       INTEGER NOT NULL,
	col        INTEGER NOT NULL,
	rule       TEXT NOT NULL,
	severity   TEXT NOT NULL,
	message    TEXT NOT NULL,
	suggestion TEXT NOT NULL
);
CREATE INDEX scan_findings_by_scan ON scan_findings (scan_id, host);
CREATE INDEX runs_by_start ON runs (started_at);
`

// Migration 2: who started each run and from where, in both backends;
// shard groups, the controllers working on a run, and host leases on
// PostgreSQL only, the one backend that several controllers share.
const runsV2 = `
ALTER TABLE runs ADD COLUMN operator TEXT;
ALTER TABLE runs ADD COLUMN controller TEXT;
ALTER TABLE runs ADD COLUMN shard_group TEXT;
ALTER TABLE runs ADD COLUMN shards INTEGER;
ALTER TABLE runs ADD COLUMN plan_digest TEXT;
ALTER TABLE runs ADD COLUMN halt_by_threshold INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX runs_by_group ON runs (shard_group);
`

const sqliteV2 = runsV2

var postgresV2 = runsV2 + `
-- A controller working on a run: alive exactly while its session holds
-- the advisory lock (lockNamespace, id); see switchback_alive.
CREATE TABLE holders (
	id          INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	run_id      TEXT NOT NULL,
	shard       INTEGER NOT NULL DEFAULT 0,
	operator    TEXT NOT NULL,
	controller  TEXT NOT NULL,
	pid         INTEGER NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT
);
CREATE INDEX holders_by_run ON holders (run_id);
-- One row per shard of a shard group's run.
CREATE TABLE shards (
	run_id      TEXT NOT NULL REFERENCES runs(id),
	shard       INTEGER NOT NULL,
	holder      INTEGER NOT NULL,
	wave_done   INTEGER NOT NULL DEFAULT 0,
	finished_at TEXT,
	exit_code   INTEGER,
	dir         TEXT NOT NULL,
	args        TEXT NOT NULL,
	withheld    TEXT NOT NULL,
	PRIMARY KEY (run_id, shard)
);
-- A host a run may change: while the run has a live holder, no other run
-- may touch it.
CREATE TABLE leases (
	host   TEXT PRIMARY KEY,
	run_id TEXT NOT NULL,
	since  TEXT NOT NULL
);
CREATE INDEX leases_by_run ON leases (run_id);
CREATE FUNCTION switchback_alive(holder INTEGER) RETURNS BOOLEAN LANGUAGE sql VOLATILE AS $$
	SELECT EXISTS (SELECT 1 FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND objsubid = 2
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		AND classid = ` + strconv.Itoa(lockNamespace) + `::oid AND objid = holder::oid)
$$;
`

// Migration 3: what a run's page and statistics show (evidence.go): when
// each thing happened, what each step changed, the route the run
// followed; and the sha256 of the playbook and var files a run started
// from, so that a resume refuses edited ones.
const evidenceV3 = `
ALTER TABLE invocations ADD COLUMN sources TEXT;
ALTER TABLE runs ADD COLUMN phases TEXT;
ALTER TABLE runs ADD COLUMN route TEXT;
ALTER TABLE runs ADD COLUMN halted_at TEXT;
ALTER TABLE hosts ADD COLUMN started_at TEXT;
ALTER TABLE hosts ADD COLUMN finished_at TEXT;
ALTER TABLE hosts ADD COLUMN snapshot_at TEXT;
ALTER TABLE hosts ADD COLUMN rollback_started_at TEXT;
ALTER TABLE hosts ADD COLUMN rollback_finished_at TEXT;
ALTER TABLE steps ADD COLUMN type TEXT;
ALTER TABLE steps ADD COLUMN diff TEXT;
ALTER TABLE steps ADD COLUMN reason TEXT;
ALTER TABLE steps ADD COLUMN ignored INTEGER NOT NULL DEFAULT 0;
ALTER TABLE steps ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE steps ADD COLUMN duration_ms INTEGER;
ALTER TABLE waves ADD COLUMN rollout TEXT;
`

// Migration 4: the phases each host entered, one JSON object a line
// (PhaseRecord), so that a later 'switchback rollback' runs their
// on_rollback steps. NULL for hosts recorded before.
const phasesV4 = `
ALTER TABLE hosts ADD COLUMN phases TEXT;
`
