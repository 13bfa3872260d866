// Package notify posts a run's milestones to webhooks as JSON: run
// started, each wave started and finished, a halt, each rollback, run
// finished. It is an observer like the reports, with one rule above the
// others: a webhook never slows, blocks or fails the run. Events are
// queued and posted from a goroutine per address, with a timeout and
// retries; a full queue drops events (and says so at the end) rather
// than wait.
package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"strings"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/runner"
)

// Event is the JSON body of one notification. Text is a line for people,
// which chat webhooks (Slack, Mattermost) show as the message.
type Event struct {
	Event    string    `json:"event"`
	Run      string    `json:"run"`
	Playbook string    `json:"playbook"`
	Seq      int       `json:"seq"`
	Time     time.Time `json:"time"`
	Text     string    `json:"text"`

	Wave     int      `json:"wave,omitempty"`
	Of       int      `json:"of,omitempty"`
	Rollout  string   `json:"rollout,omitempty"`
	Hosts    []string `json:"hosts,omitempty"`
	Counts   *Counts  `json:"counts,omitempty"`
	Reason   string   `json:"reason,omitempty"`
	Host     string   `json:"host,omitempty"`
	Error    string   `json:"error,omitempty"`
	ExitCode *int     `json:"exit_code,omitempty"`
	Check    bool     `json:"check_mode,omitempty"`
}

// Counts are hosts by outcome, in a wave or the whole run.
type Counts struct {
	OK          int `json:"ok"`
	Failed      int `json:"failed"`
	Unreachable int `json:"unreachable"`
	Halted      int `json:"halted,omitempty"`
	NotStarted  int `json:"not_started,omitempty"`
	RolledBack  int `json:"rolled_back,omitempty"`
}

// The kinds of event posted.
const (
	RunStarted   = "run_started"
	WaveStarted  = "wave_started"
	WaveFinished = "wave_finished"
	Halted       = "halted"
	Rollback     = "rollback"
	RunFinished  = "run_finished"
)

// Defaults of a Notifier's settings.
const (
	DefaultTimeout = 5 * time.Second
	DefaultRetries = 3
	DefaultBackoff = 500 * time.Millisecond
	DefaultQueue   = 1024
)

// Notifier posts events to URLs. Set the fields, then Start; Close at
// the end of the run.
type Notifier struct {
	URLs     []string
	RunID    string
	Playbook string
	// Timeout bounds each attempt; Retries is how many more attempts a
	// failed post gets, Backoff apart (doubling). Close waits for
	// deliveries at most Timeout more.
	Timeout time.Duration
	Retries int
	Backoff time.Duration
	Queue   int
	// Secret, when set, signs each body: X-Switchback-Signature is
	// sha256=HMAC-SHA256(secret, body) in hex.
	Secret    string
	UserAgent string
	Client    *http.Client
	Now       func() time.Time

	ctx     context.Context
	cancel  context.CancelFunc
	mu      sync.Mutex
	seq     int
	closed  bool
	targets []*target
	wg      sync.WaitGroup
	check   bool
}

type target struct {
	url   string
	queue chan delivery

	mu                         sync.Mutex
	queued, delivered, dropped int
	lastErr                    error
}

var _ runner.Observer = (*Notifier)(nil)

// Start begins delivering; events before it are ignored.
func (n *Notifier) Start() {
	if n.Timeout <= 0 {
		n.Timeout = DefaultTimeout
	}
	if n.Retries < 0 {
		n.Retries = 0
	}
	if n.Backoff <= 0 {
		n.Backoff = DefaultBackoff
	}
	if n.Queue <= 0 {
		n.Queue = DefaultQueue
	}
	if n.Client == nil {
		n.Client = &http.Client{}
	}
	if n.Now == nil {
		n.Now = time.Now
	}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	for _, u := range n.URLs {
		t := &target{url: u, queue: make(chan delivery, n.Queue)}
		n.targets = append(n.targets, t)
		n.wg.Add(1)
		go n.deliver(t)
	}
}

// Event turns an engine event into a notification and queues it for
// every address, without waiting.
func (n *Notifier) Event(ev runner.Event) {
	e, ok := n.convert(ev)
	if !ok {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed || n.ctx == nil {
		return
	}
	n.seq++
	e.Seq, e.Run, e.Playbook, e.Time, e.Check = n.seq, n.RunID, n.Playbook, n.Now().UTC(), n.check
	body, err := json.Marshal(e)
	if err != nil {
		return
	}
	for _, t := range n.targets {
		t.mu.Lock()
		select {
		case t.queue <- delivery{kind: e.Event, body: body}:
			t.queued++
		default:
			t.dropped++
		}
		t.mu.Unlock()
	}
}

func (n *Notifier) convert(ev runner.Event) (Event, bool) {
	switch e := ev.(type) {
	case runner.RunStarted:
		n.mu.Lock()
		n.check = e.CheckMode
		n.mu.Unlock()
		return Event{Event: RunStarted, Of: len(e.Waves), Text: fmt.Sprintf("%s: run started on %d host(s) in %d wave(s)", e.Playbook, len(e.Hosts), len(e.Waves))}, true
	case runner.WaveStarted:
		return Event{Event: WaveStarted, Wave: e.Index, Of: e.Of, Rollout: e.Rollout, Hosts: e.Hosts,
			Text: fmt.Sprintf("%s: wave %d of %d started (%d host(s))", n.Playbook, e.Index, e.Of, len(e.Hosts))}, true
	case runner.WaveFinished:
		c := &Counts{OK: e.OK, Failed: e.Failed, Unreachable: e.Unreachable, NotStarted: e.Unstarted}
		return Event{Event: WaveFinished, Wave: e.Index, Counts: c,
			Text: fmt.Sprintf("%s: wave %d finished: %d ok, %d failed, %d unreachable", n.Playbook, e.Index, e.OK, e.Failed, e.Unreachable)}, true
	case runner.Halted:
		return Event{Event: Halted, Wave: e.Wave, Reason: e.Reason, Text: fmt.Sprintf("%s: HALTED in wave %d: %s", n.Playbook, e.Wave, e.Reason)}, true
	case runner.RollbackFinished:
		out := Event{Event: Rollback, Host: e.Host, Text: fmt.Sprintf("%s: %s rolled back", n.Playbook, e.Host)}
		if e.Err != nil {
			out.Error = e.Err.Error()
			out.Text = fmt.Sprintf("%s: ROLLBACK FAILED on %s: %s", n.Playbook, e.Host, e.Err)
		}
		return out, true
	case runner.RunFinished:
		code := e.Recap.ExitCode()
		c := &Counts{}
		for _, h := range e.Recap.Hosts {
			switch h.Status {
			case runner.HostOK:
				c.OK++
			case runner.HostFailed:
				c.Failed++
			case runner.HostUnreachable:
				c.Unreachable++
			case runner.HostHalted:
				c.Halted++
			case runner.HostNotStarted:
				c.NotStarted++
			}
			if h.RolledBack {
				c.RolledBack++
			}
		}
		out := Event{Event: RunFinished, ExitCode: &code, Counts: c,
			Text: fmt.Sprintf("%s: run finished, exit %d: %d ok, %d failed, %d unreachable", n.Playbook, code, c.OK, c.Failed, c.Unreachable)}
		if e.Recap.Halt != nil {
			out.Reason = e.Recap.Halt.Reason
		}
		return out, true
	}
	return Event{}, false
}

type delivery struct {
	kind string
	body []byte
}

// deliver posts t's events in order, each with its retries.
func (n *Notifier) deliver(t *target) {
	defer n.wg.Done()
	for d := range t.queue {
		err := n.post(t.url, d.kind, d.body)
		t.mu.Lock()
		switch {
		case err == nil:
			t.delivered++
		case n.ctx.Err() == nil || t.lastErr == nil:
			// Past the end of the run every post fails alike; the error
			// worth reporting is the one from before.
			t.lastErr = err
		}
		t.mu.Unlock()
	}
}

// post tries one event until it is accepted, a retry would not help, the
// attempts run out, or the notifier is closed for good.
func (n *Notifier) post(url, kind string, body []byte) error {
	var last error
	wait := n.Backoff
	for attempt := 0; attempt <= n.Retries; attempt++ {
		if attempt > 0 {
			select {
			case <-time.After(wait):
			case <-n.ctx.Done():
				return givenUp(last)
			}
			wait *= 2
		}
		if n.ctx.Err() != nil {
			return givenUp(last)
		}
		retry, err := n.attempt(url, kind, body)
		if err == nil {
			return nil
		}
		if n.ctx.Err() != nil {
			return givenUp(last) // this attempt was cut short: the one before says why
		}
		last = err
		if !retry {
			break
		}
	}
	return last
}

func givenUp(last error) error {
	if last == nil {
		return errors.New("not sent before the end of the run")
	}
	return fmt.Errorf("given up at the end of the run: %w", last)
}

func (n *Notifier) attempt(url, kind string, body []byte) (retry bool, err error) {
	ctx, cancel := context.WithTimeout(n.ctx, n.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Switchback-Event", kind)
	var e struct {
		Seq int `json:"seq"`
	}
	_ = json.Unmarshal(body, &e)
	req.Header.Set("X-Switchback-Delivery", fmt.Sprintf("%s-%d", n.RunID, e.Seq))
	if n.UserAgent != "" {
		req.Header.Set("User-Agent", n.UserAgent)
	}
	if n.Secret != "" {
		mac := hmac.New(sha256.New, []byte(n.Secret))
		mac.Write(body)
		req.Header.Set("X-Switchback-Signature", "sha256="+hex.EncodeToString(mac.Sum(nil)))
	}
	resp, err := n.Client.Do(req)
	if ue := (*neturl.Error)(nil); errors.As(err, &ue) {
		err = ue.Err // its message would repeat the address, token and all
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return true, fmt.Errorf("no answer within %s", n.Timeout)
		}
		return true, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return false, nil
	case resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return true, fmt.Errorf("answered %s", resp.Status)
	}
	return false, fmt.Errorf("answered %s (not retried)", resp.Status)
}

// Result is how one address fared.
type Result struct {
	URL                        string
	Queued, Delivered, Dropped int
	LastErr                    error
}

// Undelivered counts the events the address did not accept.
func (r Result) Undelivered() int { return r.Queued - r.Delivered + r.Dropped }

// Close stops taking events and waits for the queued ones to be
// delivered, at most wait; then it gives up on the rest. It reports how
// each address fared.
func (n *Notifier) Close(wait time.Duration) []Result {
	n.mu.Lock()
	if n.closed || n.ctx == nil {
		n.mu.Unlock()
		return nil
	}
	n.closed = true
	for _, t := range n.targets {
		close(t.queue)
	}
	n.mu.Unlock()
	done := make(chan struct{})
	go func() { n.wg.Wait(); close(done) }()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		n.cancel() // in-flight posts and backoffs end now
		<-done
	}
	n.cancel()
	var out []Result
	for _, t := range n.targets {
		t.mu.Lock()
		out = append(out, Result{URL: t.url, Queued: t.queued, Delivered: t.delivered, Dropped: t.dropped, LastErr: t.lastErr})
		t.mu.Unlock()
	}
	return out
}

// Validate checks a webhook address before the run starts.
func Validate(url string) error {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return fmt.Errorf("--notify %q: give an http:// or https:// address", url)
	}
	if _, err := http.NewRequest(http.MethodPost, url, nil); err != nil {
		return fmt.Errorf("--notify: %w", err)
	}
	return nil
}
