// Package browser drives Debian's headless Chromium over the DevTools
// protocol, for tests that check HTML reports as a person sees them: it
// opens a page, collects what the console reported, reads the rendered
// DOM with expressions, and takes a screenshot of the whole page.
//
// It speaks the protocol over --remote-debugging-pipe (messages on file
// descriptors 3 and 4, each ended by a NUL byte), so no port is opened
// and no WebSocket client is needed: the few methods used here fit in
// this file.
package browser

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// ErrNoChromium says no Chromium is installed.
var ErrNoChromium = errors.New("chromium is not installed (Debian: apt-get install -y chromium)")

// Find returns the path of Chromium, or ErrNoChromium.
func Find() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Browser is a running headless Chromium.
type Browser struct {
	cmd    *exec.Cmd
	toChr  *os.File
	stderr strings.Builder

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan reply
	events  map[string][]func(json.RawMessage) // "session method" → handlers
	readErr error
	done    chan struct{}
}

type reply struct {
	Result json.RawMessage
	Err    error
}

// Start runs Chromium headless with a fresh profile under dir, with the
// flags a closed network and a root user need.
func Start(ctx context.Context, dir string) (*Browser, error) {
	path, err := Find()
	if err != nil {
		return nil, err
	}
	args := []string{"--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--user-data-dir=" + filepath.Join(dir, "chromium-profile"), "--remote-debugging-pipe", "about:blank"}
	if os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...)
	}
	toChrR, toChrW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	fromChrR, fromChrW, err := os.Pipe()
	if err != nil {
		toChrR.Close()
		toChrW.Close()
		return nil, err
	}
	b := &Browser{toChr: toChrW, waiting: map[int]chan reply{}, events: map[string][]func(json.RawMessage){}, done: make(chan struct{})}
	b.cmd = exec.CommandContext(ctx, path, args...)
	b.cmd.ExtraFiles = []*os.File{toChrR, fromChrW} // fds 3 and 4
	b.cmd.Stderr = &b.stderr
	if err := b.cmd.Start(); err != nil {
		toChrR.Close()
		toChrW.Close()
		fromChrR.Close()
		fromChrW.Close()
		return nil, fmt.Errorf("starting chromium: %w", err)
	}
	toChrR.Close()
	fromChrW.Close()
	go b.read(fromChrR)
	return b, nil
}

// Close stops Chromium and waits for it.
func (b *Browser) Close() error {
	b.toChr.Close() // Chromium exits when its pipe closes
	err := b.cmd.Wait()
	<-b.done
	return err
}

// Stderr is what Chromium printed, for a failing test's message.
func (b *Browser) Stderr() string { return b.stderr.String() }

type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func (b *Browser) read(r *os.File) {
	defer close(b.done)
	defer r.Close()
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.readErr = fmt.Errorf("chromium closed the DevTools pipe: %w", err)
			for id, ch := range b.waiting {
				ch <- reply{Err: b.readErr}
				delete(b.waiting, id)
			}
			b.mu.Unlock()
			return
		}
		var m message
		if err := json.Unmarshal(raw[:len(raw)-1], &m); err != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.waiting[m.ID]; ok {
				delete(b.waiting, m.ID)
				if m.Error != nil {
					ch <- reply{Err: fmt.Errorf("DevTools error %d: %s", m.Error.Code, m.Error.Message)}
				} else {
					ch <- reply{Result: m.Result}
				}
			}
		}
		handlers := b.events[m.SessionID+" "+m.Method]
		b.mu.Unlock()
		for _, h := range handlers {
			h(m.Params)
		}
	}
}

// call sends one command and waits for its answer.
func (b *Browser) call(ctx context.Context, session, method string, params, result any) error {
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	if params == nil {
		p = []byte("{}")
	}
	ch := make(chan reply, 1)
	b.mu.Lock()
	if b.readErr != nil {
		b.mu.Unlock()
		return b.readErr
	}
	b.nextID++
	id := b.nextID
	b.waiting[id] = ch
	b.mu.Unlock()
	out, err := json.Marshal(message{ID: id, Method: method, Params: p, SessionID: session})
	if err != nil {
		return err
	}
	if _, err := b.toChr.Write(append(out, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case r := <-ch:
		if r.Err != nil {
			return fmt.Errorf("%s: %w", method, r.Err)
		}
		if result != nil {
			return json.Unmarshal(r.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (b *Browser) on(session, method string, h func(json.RawMessage)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.events[session+" "+method] = append(b.events[session+" "+method], h)
}

// Page is a tab with a document loaded.
type Page struct {
	b       *Browser
	session string

	mu       sync.Mutex
	problems []string
}

// Open loads url in a new tab of the given width and waits for its load
// event. Every console error, uncaught exception and browser log entry
// of level error (a refused load, a Content Security Policy violation)
// from then on is kept for Problems.
func (b *Browser) Open(ctx context.Context, url string, width, height int) (*Page, error) {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	p := &Page{b: b, session: attached.SessionID}
	b.on(p.session, "Runtime.consoleAPICalled", func(raw json.RawMessage) {
		var e struct {
			Type string `json:"type"`
			Args []struct {
				Value       any    `json:"value"`
				Description string `json:"description"`
			} `json:"args"`
		}
		if json.Unmarshal(raw, &e) == nil && (e.Type == "error" || e.Type == "assert" || e.Type == "warning") {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, fmt.Sprint(a.Value)+a.Description)
			}
			p.problem("console." + e.Type + ": " + strings.Join(parts, " "))
		}
	})
	b.on(p.session, "Runtime.exceptionThrown", func(raw json.RawMessage) {
		p.problem("uncaught exception: " + string(raw))
	})
	b.on(p.session, "Log.entryAdded", func(raw json.RawMessage) {
		var e struct {
			Entry struct {
				Level, Source, Text, URL string
			} `json:"entry"`
		}
		if json.Unmarshal(raw, &e) == nil && (e.Entry.Level == "error" || e.Entry.Level == "warning") {
			p.problem(fmt.Sprintf("%s %s: %s %s", e.Entry.Source, e.Entry.Level, e.Entry.Text, e.Entry.URL))
		}
	})
	loaded := make(chan struct{}, 1)
	b.on(p.session, "Page.loadEventFired", func(json.RawMessage) {
		select {
		case loaded <- struct{}{}:
		default:
		}
	})
	for _, m := range []string{"Runtime.enable", "Log.enable", "Page.enable"} {
		if err := b.call(ctx, p.session, m, nil, nil); err != nil {
			return nil, err
		}
	}
	if err := b.call(ctx, p.session, "Emulation.setDeviceMetricsOverride",
		map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return nil, err
	}
	var nav struct {
		ErrorText string `json:"errorText"`
	}
	if err := b.call(ctx, p.session, "Page.navigate", map[string]any{"url": url}, &nav); err != nil {
		return nil, err
	}
	if nav.ErrorText != "" {
		return nil, fmt.Errorf("loading %s: %s", url, nav.ErrorText)
	}
	select {
	case <-loaded:
	case <-ctx.Done():
		return nil, fmt.Errorf("loading %s: %w", url, ctx.Err())
	}
	return p, nil
}

func (p *Page) problem(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, s)
}

// Problems lists the errors and warnings the page caused so far.
func (p *Page) Problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string{}, p.problems...)
}

// Eval evaluates a JavaScript expression in the page and decodes its
// value (which must be JSON-serialisable) into out.
func (p *Page) Eval(ctx context.Context, expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := p.b.call(ctx, p.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &res); err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		return fmt.Errorf("evaluating %q: %s %s", expr, e.Text, e.Exception.Description)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(res.Result.Value, out)
}

// Screenshot writes a PNG of the whole page, as tall as its content up
// to maxHeight CSS pixels, and returns the height captured.
func (p *Page) Screenshot(ctx context.Context, path string, width, maxHeight int) (int, error) {
	var height int
	if err := p.Eval(ctx, "Math.ceil(document.documentElement.scrollHeight)", &height); err != nil {
		return 0, err
	}
	height = min(max(height, 1), maxHeight)
	if err := p.b.call(ctx, p.session, "Emulation.setDeviceMetricsOverride",
		map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return 0, err
	}
	var shot struct {
		Data string `json:"data"`
	}
	if err := p.b.call(ctx, p.session, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": false}, &shot); err != nil {
		return 0, err
	}
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		return 0, fmt.Errorf("screenshot: %w", err)
	}
	return height, os.WriteFile(path, png, 0o644)
}
