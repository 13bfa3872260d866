package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// latencyProxy is a toxiproxy server in its own process, with one proxy
// listener per host that delays every byte by the same time each way.
type latencyProxy struct {
	api  string // http://127.0.0.1:PORT
	cmd  *exec.Cmd
	done chan struct{}
}

// proxyRoute is one host's listener and the sshd behind it.
type proxyRoute struct {
	Name     string `json:"name"`
	Listen   string `json:"listen"`
	Upstream string `json:"upstream"`
	Enabled  bool   `json:"enabled"`
}

// startProxy runs the toxiproxy server binary, logging to logPath.
func startProxy(ctx context.Context, binary, logPath string) (*latencyProxy, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	log, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("toxiproxy log: %w", err)
	}
	defer log.Close()
	cmd := exec.Command(binary, "-host", "127.0.0.1", "-port", strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "LOG_LEVEL=warn")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start toxiproxy (%s): %w", binary, err)
	}
	p := &latencyProxy{api: "http://127.0.0.1:" + strconv.Itoa(port), cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.done) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := p.call(ctx, http.MethodGet, "/version", nil); err == nil {
			return p, nil
		}
		select {
		case <-p.done:
			return nil, fmt.Errorf("toxiproxy exited at start; see %s", logPath)
		case <-ctx.Done():
			p.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			p.stop()
			return nil, fmt.Errorf("toxiproxy did not answer on %s within 10s; see %s", p.api, logPath)
		}
	}
}

// route creates the proxies and gives each a latency toxic per direction.
func (p *latencyProxy) route(ctx context.Context, routes []proxyRoute, oneWay time.Duration) error {
	if err := p.call(ctx, http.MethodPost, "/populate", routes); err != nil {
		return fmt.Errorf("toxiproxy: create proxies: %w", err)
	}
	for _, r := range routes {
		for _, stream := range []string{"upstream", "downstream"} {
			toxic := map[string]any{
				"name": "latency_" + stream, "type": "latency", "stream": stream, "toxicity": 1.0,
				"attributes": map[string]any{"latency": oneWay.Milliseconds(), "jitter": 0},
			}
			if err := p.call(ctx, http.MethodPost, "/proxies/"+r.Name+"/toxics", toxic); err != nil {
				return fmt.Errorf("toxiproxy: latency on %s: %w", r.Name, err)
			}
		}
	}
	return nil
}

// reset removes every proxy, closing their listeners.
func (p *latencyProxy) reset(ctx context.Context, routes []proxyRoute) error {
	for _, r := range routes {
		if err := p.call(ctx, http.MethodDelete, "/proxies/"+r.Name, nil); err != nil {
			return fmt.Errorf("toxiproxy: delete %s: %w", r.Name, err)
		}
	}
	return nil
}

func (p *latencyProxy) call(ctx context.Context, method, path string, body any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, p.api+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(msg))
	}
	return nil
}

func (p *latencyProxy) stop() {
	_ = p.cmd.Process.Kill()
	<-p.done
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
