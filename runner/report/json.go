package report

import (
	"encoding/json"
	"io"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/runner"
)

// JSON writes one JSON object per event and line, for CI systems and
// other programs. Every object has "event" and "time"; errors are strings.
type JSON struct {
	Out io.Writer
	// Now stamps events; tests set it for stable output.
	Now func() time.Time

	mu sync.Mutex
}

var _ runner.Observer = (*JSON)(nil)

type jsonHost struct {
	Host        string `json:"host"`
	Wave        int    `json:"wave"`
	Status      string `json:"status"`
	OK          int    `json:"ok"`
	Changed     int    `json:"changed"`
	Failed      int    `json:"failed"`
	Error       string `json:"error,omitempty"`
	RolledBack  bool   `json:"rolled_back,omitempty"`
	RollbackErr string `json:"rollback_error,omitempty"`
}

func (j *JSON) Event(ev runner.Event) {
	var rec map[string]any
	switch e := ev.(type) {
	case runner.RunStarted:
		rec = map[string]any{"event": "run_started", "playbook": e.Playbook, "hosts": e.Hosts, "phases": e.Phases,
			"steps": e.Steps, "check_mode": e.CheckMode, "strategy": e.Route.Strategy, "waves": e.Waves,
			"order": e.Route.Order, "forks": e.Route.Forks, "max_fail": e.Route.MaxFail.String(),
			"max_fail_total": e.Route.MaxFailTotal.String(), "rollback": e.Route.Rollback}
	case runner.WaveStarted:
		rec = map[string]any{"event": "wave_started", "wave": e.Index, "of": e.Of, "hosts": e.Hosts, "tolerance": e.Tolerance}
		if e.Fleet > 0 {
			rec["fleet"] = e.Fleet
		}
	case runner.ShardsWaiting:
		rec = map[string]any{"event": "shards_waiting", "wave": e.Wave, "waited_ms": e.Since.Milliseconds(), "shards": e.Shards}
	case runner.WaveFinished:
		rec = map[string]any{"event": "wave_finished", "wave": e.Index, "ok": e.OK, "failed": e.Failed,
			"unreachable": e.Unreachable, "unstarted": e.Unstarted}
	case runner.Paused:
		rec = map[string]any{"event": "paused", "before_wave": e.Before, "wait_ms": e.Wait.Milliseconds(), "confirm": e.Confirm}
	case runner.Halted:
		rec = map[string]any{"event": "halted", "wave": e.Wave, "reason": e.Reason}
	case runner.HostStarted:
		rec = map[string]any{"event": "host_started", "host": e.Host, "endpoint": e.Endpoint, "wave": e.Wave}
	case runner.StepStarted:
		rec = map[string]any{"event": "step_started", "host": e.Host, "phase": e.Phase, "step": e.Step, "type": e.Type}
	case runner.StepFinished:
		rec = map[string]any{"event": "step_finished", "host": e.Host, "phase": e.Phase, "step": e.Step, "type": e.Type,
			"status": e.Status, "diff": sanitize(e.Diff), "duration_ms": e.Duration.Milliseconds(), "error": errText(e.Err)}
	case runner.HostFinished:
		rec = map[string]any{"event": "host_finished", "host": e.Host, "status": e.Status, "error": errText(e.Err)}
	case runner.SnapshotTaken:
		rec = map[string]any{"event": "snapshot_taken", "host": e.Host, "location": e.Snapshot.Location, "digest": e.Snapshot.Digest}
	case runner.RollbackStarted:
		rec = map[string]any{"event": "rollback_started", "host": e.Host, "location": e.Snapshot.Location}
	case runner.RollbackFinished:
		rec = map[string]any{"event": "rollback_finished", "host": e.Host, "error": errText(e.Err)}
	case runner.RunFinished:
		hosts := make([]jsonHost, len(e.Recap.Hosts))
		for i, h := range e.Recap.Hosts {
			hosts[i] = jsonHost{Host: h.Host, Wave: h.Wave, Status: string(h.Status), OK: h.OK, Changed: h.Changed,
				Failed: h.Failed, Error: errText(h.Err), RolledBack: h.RolledBack, RollbackErr: errText(h.RollbackErr)}
		}
		rec = map[string]any{"event": "run_finished", "exit_code": e.Recap.ExitCode(), "hosts": hosts}
		if e.Recap.Halt != nil {
			rec["halt"] = map[string]any{"wave": e.Recap.Halt.Wave, "reason": e.Recap.Halt.Reason}
		}
		if e.Recap.Shard != nil {
			rec["shard"] = map[string]any{"index": e.Recap.Shard.Index, "of": e.Recap.Shard.Of, "fleet": e.Recap.Fleet}
		}
	default:
		return
	}
	now := time.Now
	if j.Now != nil {
		now = j.Now
	}
	rec["time"] = now().UTC().Format(time.RFC3339Nano)
	for k, v := range rec {
		if s, ok := v.(string); ok && s == "" && k == "error" {
			delete(rec, k)
		}
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	_ = json.NewEncoder(j.Out).Encode(rec)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return sanitize(err.Error())
}
