package main

import (
	"fmt"
	"time"

	"github.com/switchbackhq/switchback/runner/notify"
	"github.com/switchbackhq/switchback/runner/report"
)

// notifyArgs send a run's milestones to webhooks.
type notifyArgs struct {
	Notify        []string      `name:"notify" sep:"none" placeholder:"URL" help:"POST JSON events (run started, wave started and finished, halt, rollback, run finished) to URL (repeatable). Posts are retried and never hold up or fail the run. SWITCHBACK_NOTIFY_SECRET signs each body (X-Switchback-Signature: sha256=HMAC)."`
	NotifyTimeout time.Duration `default:"5s" placeholder:"DURATION" help:"Give up on one post to a --notify URL after this long (it is retried); at the end of the run, wait at most this long for posts still due."`
}

// start makes the notifier, or nil without --notify.
func (a notifyArgs) start(env *Env, runID, playbook string) *notify.Notifier {
	if len(a.Notify) == 0 {
		return nil
	}
	n := &notify.Notifier{URLs: a.Notify, RunID: runID, Playbook: playbook, Timeout: a.NotifyTimeout,
		Retries: notify.DefaultRetries, Secret: env.Getenv("SWITCHBACK_NOTIFY_SECRET"), UserAgent: "switchback/" + version}
	n.Start()
	return n
}

// check refuses an address that could never be posted to, before the
// run starts.
func (a notifyArgs) check() error {
	if a.NotifyTimeout <= 0 {
		return fmt.Errorf("--notify-timeout must be positive")
	}
	for _, u := range a.Notify {
		if err := notify.Validate(u); err != nil {
			return err
		}
	}
	return nil
}

// finish waits for the last posts, briefly, and warns about what was
// not delivered. It never changes the run's outcome.
func (a notifyArgs) finish(env *Env, n *notify.Notifier) {
	if n == nil {
		return
	}
	for _, r := range n.Close(a.NotifyTimeout) {
		if lost := r.Undelivered(); lost > 0 {
			why := ""
			if r.LastErr != nil {
				why = fmt.Sprintf(" (last error: %v)", r.LastErr)
			}
			if r.Dropped > 0 {
				why += fmt.Sprintf("; %d dropped because the webhook could not keep up", r.Dropped)
			}
			fmt.Fprintf(env.Stderr, "switchback: warning: --notify %s: %d of %d event(s) not delivered%s\n",
				report.RedactURL(r.URL), lost, r.Queued+r.Dropped, report.Printable(why))
		}
	}
}
