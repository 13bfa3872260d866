package state

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/switchbackhq/switchback/runner/scan"
)

// scanSchema holds readiness scans: one row per scan, per host scanned,
// and per finding, so that scans compare with each other over time.
const scanSchema = `
CREATE TABLE IF NOT EXISTS scans (
	id          TEXT PRIMARY KEY,
	started_at  TEXT NOT NULL,
	finished_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS scan_hosts (
	scan_id     TEXT NOT NULL REFERENCES scans(id),
	host        TEXT NOT NULL,
	error       TEXT,
	round_trips INTEGER NOT NULL,
	PRIMARY KEY (scan_id, host)
);
CREATE TABLE IF NOT EXISTS scan_findings (
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
CREATE INDEX IF NOT EXISTS scan_findings_by_scan ON scan_findings (scan_id, host);
`

// scanTime has a fixed width, so that times sort as strings in SQL.
const scanTime = "2006-01-02T15:04:05.000000000Z"

// ErrNoScan is returned when there is no scan to read.
var ErrNoScan = errors.New("no such scan")

// SaveScan stores a whole scan in one transaction.
func (s *Store) SaveScan(ctx context.Context, r scan.Record) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("recording scan %s: %w", r.ID, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
			err = fmt.Errorf("recording scan %s: %w", r.ID, err)
		}
	}()
	if _, err = tx.ExecContext(ctx, `INSERT INTO scans (id, started_at, finished_at) VALUES (?, ?, ?)`,
		r.ID, r.StartedAt.UTC().Format(scanTime), r.FinishedAt.UTC().Format(scanTime)); err != nil {
		return err
	}
	for _, h := range r.Hosts {
		if _, err = tx.ExecContext(ctx, `INSERT INTO scan_hosts (scan_id, host, error, round_trips) VALUES (?, ?, ?, ?)`,
			r.ID, h.Host, nullable(h.Error), h.RoundTrips); err != nil {
			return err
		}
		for _, f := range h.Findings {
			if _, err = tx.ExecContext(ctx, `INSERT INTO scan_findings (scan_id, host, check_name, path, line, col, rule, severity, message, suggestion)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.ID, h.Host, f.Check, f.Path, f.Line, f.Col, f.Rule, f.Severity, f.Message, f.Suggestion); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Scan reads one scan with its hosts and findings.
func (s *Store) Scan(ctx context.Context, id string) (scan.Record, error) {
	r := scan.Record{ID: id}
	var started, finished string
	err := s.db.QueryRowContext(ctx, `SELECT started_at, finished_at FROM scans WHERE id = ?`, id).Scan(&started, &finished)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return r, fmt.Errorf("%w %q", ErrNoScan, id)
	case err != nil:
		return r, fmt.Errorf("reading scan %s: %w", id, err)
	}
	r.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
	r.FinishedAt, _ = time.Parse(time.RFC3339Nano, finished)

	rows, err := s.db.QueryContext(ctx, `SELECT host, COALESCE(error, ''), round_trips FROM scan_hosts WHERE scan_id = ? ORDER BY rowid`, id)
	if err != nil {
		return r, fmt.Errorf("reading scan %s: %w", id, err)
	}
	index := map[string]int{}
	for rows.Next() {
		var h scan.RecordHost
		if err := rows.Scan(&h.Host, &h.Error, &h.RoundTrips); err != nil {
			rows.Close()
			return r, fmt.Errorf("reading scan %s: %w", id, err)
		}
		index[h.Host] = len(r.Hosts)
		r.Hosts = append(r.Hosts, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("reading scan %s: %w", id, err)
	}

	rows, err = s.db.QueryContext(ctx, `SELECT host, check_name, path, line, col, rule, severity, message, suggestion
		FROM scan_findings WHERE scan_id = ? ORDER BY rowid`, id)
	if err != nil {
		return r, fmt.Errorf("reading scan %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var host string
		var f scan.RecordFinding
		if err := rows.Scan(&host, &f.Check, &f.Path, &f.Line, &f.Col, &f.Rule, &f.Severity, &f.Message, &f.Suggestion); err != nil {
			return r, fmt.Errorf("reading scan %s: %w", id, err)
		}
		if i, ok := index[host]; ok {
			r.Hosts[i].Findings = append(r.Hosts[i].Findings, f)
		}
	}
	return r, rows.Err()
}

// PreviousScan returns the id of the newest scan older than the scan id.
func (s *Store) PreviousScan(ctx context.Context, id string) (string, error) {
	var prev string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM scans
		WHERE started_at < (SELECT started_at FROM scans WHERE id = ?) OR (started_at = (SELECT started_at FROM scans WHERE id = ?) AND id < ?)
		ORDER BY started_at DESC, id DESC LIMIT 1`, id, id, id).Scan(&prev)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", fmt.Errorf("%w before %s", ErrNoScan, id)
	case err != nil:
		return "", fmt.Errorf("finding the scan before %s: %w", id, err)
	}
	return prev, nil
}

// ScanHistory summarises the newest scans, oldest first.
func (s *Store) ScanHistory(ctx context.Context, limit int) ([]scan.Summary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, started_at,
		(SELECT COUNT(*) FROM scan_hosts h WHERE h.scan_id = s.id),
		(SELECT COUNT(*) FROM scan_hosts h WHERE h.scan_id = s.id AND h.error IS NOT NULL),
		(SELECT COUNT(*) FROM scan_findings f WHERE f.scan_id = s.id AND f.severity = 'error'),
		(SELECT COUNT(*) FROM scan_findings f WHERE f.scan_id = s.id AND f.severity = 'warning'),
		(SELECT COUNT(*) FROM scan_findings f WHERE f.scan_id = s.id AND f.severity = 'info')
		FROM scans s ORDER BY started_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("reading the scan history: %w", err)
	}
	defer rows.Close()
	var out []scan.Summary
	for rows.Next() {
		var sum scan.Summary
		var started string
		if err := rows.Scan(&sum.ID, &started, &sum.Hosts, &sum.Failed, &sum.Errors, &sum.Warnings, &sum.Infos); err != nil {
			return nil, fmt.Errorf("reading the scan history: %w", err)
		}
		sum.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
		out = append([]scan.Summary{sum}, out...)
	}
	return out, rows.Err()
}
