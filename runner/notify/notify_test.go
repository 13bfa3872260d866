package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/runner"
)

// sink is a webhook receiver: it keeps what it was sent, and answers
// with fail (a status) for the first failFirst requests, or never
// answers while hang is open.
type sink struct {
	mu        sync.Mutex
	bodies    []Event
	headers   []http.Header
	requests  int
	failFirst int
	fail      int
	hang      chan struct{}
}

func (s *sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.requests++
	n := s.requests
	hang := s.hang
	s.mu.Unlock()
	if hang != nil {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
		return
	}
	if n <= s.failFirst {
		w.WriteHeader(s.fail)
		return
	}
	var e Event
	if err := json.Unmarshal(body, &e); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.bodies = append(s.bodies, e)
	s.headers = append(s.headers, r.Header.Clone())
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *sink) events() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, e := range s.bodies {
		out = append(out, e.Event)
	}
	return out
}

// haltedRun is the events of a run that halts in wave 2 and rolls one
// host back.
func haltedRun(n *Notifier) {
	recap := &runner.Recap{Hosts: []*runner.HostRecap{
		{Host: "a", Status: runner.HostOK}, {Host: "b", Status: runner.HostFailed, RolledBack: true}, {Host: "c", Status: runner.HostNotStarted}},
		Halt: &runner.Halted{Wave: 2, Reason: "1 of 1 host(s) in wave 2 failed"}}
	for _, ev := range []runner.Event{
		runner.RunStarted{Playbook: "convert", Hosts: []string{"a", "b", "c"}, Waves: []int{1, 1, 1}},
		runner.WaveStarted{Index: 1, Of: 3, Hosts: []string{"a"}},
		runner.HostStarted{Host: "a"}, // not a notification
		runner.WaveFinished{Index: 1, OK: 1},
		runner.WaveStarted{Index: 2, Of: 3, Hosts: []string{"b"}},
		runner.Halted{Wave: 2, Reason: "1 of 1 host(s) in wave 2 failed"},
		runner.WaveFinished{Index: 2, Failed: 1},
		runner.RollbackFinished{Host: "b"},
		runner.RunFinished{Recap: recap},
	} {
		n.Event(ev)
	}
}

var haltedEvents = "run_started wave_started wave_finished wave_started halted wave_finished rollback run_finished"

func fast(urls ...string) *Notifier {
	return &Notifier{URLs: urls, RunID: "r1", Playbook: "convert", Timeout: 2 * time.Second, Retries: 3, Backoff: 10 * time.Millisecond}
}

// TestDeliversInOrder: every milestone arrives once, in order, signed,
// with the fields a receiver needs.
func TestDeliversInOrder(t *testing.T) {
	s := &sink{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	n := fast(srv.URL)
	n.Secret = "s3cret"
	n.Start()
	haltedRun(n)
	res := n.Close(5 * time.Second)
	if got := strings.Join(s.events(), " "); got != haltedEvents {
		t.Fatalf("events:\n got %s\nwant %s", got, haltedEvents)
	}
	if len(res) != 1 || res[0].Delivered != 8 || res[0].Undelivered() != 0 {
		t.Errorf("result %+v", res)
	}
	halt := s.bodies[4]
	if halt.Reason != "1 of 1 host(s) in wave 2 failed" || halt.Wave != 2 || halt.Run != "r1" || halt.Seq != 5 ||
		!strings.Contains(halt.Text, "HALTED in wave 2") {
		t.Errorf("halt event %+v", halt)
	}
	fin := s.bodies[7]
	if fin.ExitCode == nil || *fin.ExitCode != runner.ExitHalted || fin.Counts.RolledBack != 1 || fin.Counts.NotStarted != 1 {
		t.Errorf("run_finished %+v %+v", fin, fin.Counts)
	}
	h := s.headers[4]
	if h.Get("X-Switchback-Event") != "halted" || h.Get("X-Switchback-Delivery") != "r1-5" || !strings.HasPrefix(h.Get("X-Switchback-Signature"), "sha256=") {
		t.Errorf("headers %v", h)
	}
}

// TestSignature: the signature is the HMAC of the exact body.
func TestSignature(t *testing.T) {
	var got, sig string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got, sig = string(b), r.Header.Get("X-Switchback-Signature")
	}))
	defer srv.Close()
	n := fast(srv.URL)
	n.Secret = "s3cret"
	n.Start()
	n.Event(runner.Halted{Wave: 1, Reason: "r"})
	n.Close(5 * time.Second)
	mac := hmac.New(sha256.New, []byte("s3cret"))
	mac.Write([]byte(got))
	if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); sig != want || got == "" {
		t.Errorf("signature %q, want %q for %s", sig, want, got)
	}
}

// TestRetriesAfter500: a receiver that fails twice with 500 gets the
// event on the third try; one that always fails is given up on after
// the retries, and the run is told, not failed.
func TestRetriesAfter500(t *testing.T) {
	flaky := &sink{failFirst: 2, fail: http.StatusInternalServerError}
	broken := &sink{failFirst: 1 << 30, fail: http.StatusInternalServerError}
	a, b := httptest.NewServer(flaky), httptest.NewServer(broken)
	defer a.Close()
	defer b.Close()
	n := fast(a.URL, b.URL)
	n.Start()
	n.Event(runner.Halted{Wave: 1, Reason: "r"})
	res := n.Close(10 * time.Second)
	if got := flaky.events(); len(got) != 1 || flaky.requests != 3 {
		t.Errorf("flaky receiver: %v after %d request(s), want the event on the 3rd", got, flaky.requests)
	}
	if broken.requests != 1+n.Retries || res[1].Delivered != 0 || res[1].Undelivered() != 1 ||
		res[1].LastErr == nil || !strings.Contains(res[1].LastErr.Error(), "500 Internal Server Error") {
		t.Errorf("broken receiver: %d request(s), result %+v", broken.requests, res[1])
	}
}

// TestNotRetriedOn4xx: a 404 says the address is wrong; retrying would
// not help.
func TestNotRetriedOn4xx(t *testing.T) {
	s := &sink{failFirst: 1 << 30, fail: http.StatusNotFound}
	srv := httptest.NewServer(s)
	defer srv.Close()
	n := fast(srv.URL)
	n.Start()
	n.Event(runner.Halted{Wave: 1})
	res := n.Close(5 * time.Second)
	if s.requests != 1 || res[0].LastErr == nil || !strings.Contains(res[0].LastErr.Error(), "404") {
		t.Errorf("%d request(s), %+v", s.requests, res[0])
	}
}

// TestHangingReceiverNeverBlocks: a receiver that never answers does
// not hold the events up (Event returns at once, however many; past the
// queue they are dropped and counted), and Close gives up after its
// wait, reporting every event as undelivered with the reason.
func TestHangingReceiverNeverBlocks(t *testing.T) {
	hang := &sink{hang: make(chan struct{})}
	h := httptest.NewServer(hang)
	defer func() { close(hang.hang); h.Close() }()
	n := fast(h.URL)
	n.Timeout = 50 * time.Millisecond
	n.Queue = 16
	n.Start()
	for i := 0; i < 100; i++ { // more than the queue holds
		n.Event(runner.WaveStarted{Index: i + 1, Of: 100})
	}
	haltedRun(n)
	res := n.Close(2 * time.Second)
	if res[0].Delivered != 0 || res[0].Undelivered() != 108 || res[0].Dropped == 0 {
		t.Errorf("hanging receiver: %+v (want all 108 undelivered, some dropped)", res[0])
	}
	if res[0].LastErr == nil || !strings.Contains(res[0].LastErr.Error(), "no answer within 50ms") {
		t.Errorf("hanging receiver's error: %v", res[0].LastErr)
	}
}

// TestEventDoesNotWait measures nothing: it shows that Event returns
// while every receiver is stuck, by sending from a goroutine that must
// finish before the receivers are released.
func TestEventDoesNotWait(t *testing.T) {
	hang := &sink{hang: make(chan struct{})}
	srv := httptest.NewServer(hang)
	defer srv.Close()
	n := fast(srv.URL)
	n.Timeout = time.Hour // the receiver would hold each post for good
	n.Start()
	done := make(chan struct{})
	go func() {
		for i := 0; i < 5000; i++ {
			n.Event(runner.WaveFinished{Index: i})
		}
		close(done)
	}()
	<-done // would deadlock (and the test time out) if Event waited for a post
	close(hang.hang)
	res := n.Close(0)
	if res[0].Queued+res[0].Dropped != 5000 {
		t.Errorf("%+v", res[0])
	}
}

func TestValidate(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080/hook", "https://hooks.example.com/services/x"} {
		if err := Validate(u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	for _, u := range []string{"ftp://x", "hooks.example.com", ""} {
		if err := Validate(u); err == nil {
			t.Errorf("%q accepted", u)
		}
	}
}
