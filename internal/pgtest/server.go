// Package pgtest starts throwaway PostgreSQL servers from Debian's
// postgresql package: initdb and postgres in a temporary directory, as an
// unprivileged user (initdb refuses root), listening on loopback only.
// Tests get a fresh database on one server per test process (New); the
// shard demo and the benchmark start their own (Start).
//
// The server cannot outlive whoever started it: postgres runs under a
// shell that waits on a pipe from this process, so when this process ends,
// however it ends, the shell sees the end of the pipe, stops the server
// and removes its directory.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrUnavailable says this machine has no PostgreSQL server to start.
var ErrUnavailable = errors.New("PostgreSQL is not installed (Debian: apt-get install -y postgresql)")

// Options tune a server.
type Options struct {
	// Durable keeps PostgreSQL's defaults (fsync, synchronous commit);
	// otherwise they are off, which tests do not need and pay for.
	Durable bool
	// Log, when set, receives the server's log lines.
	Log io.Writer
}

// Server is a running throwaway server.
type Server struct {
	Dir  string // data directory's parent, removed when the server stops
	Port int
	User string // the superuser, trusted from loopback

	cmd   *exec.Cmd
	stdin io.WriteCloser
	// exited is closed when the shell ended; waitErr says how.
	exited  chan struct{}
	waitErr error
}

// Bin finds the directory of initdb and postgres: Debian installs them
// under /usr/lib/postgresql/VERSION/bin, off PATH; the newest wins.
func Bin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if executable(filepath.Join(d, "initdb")) && executable(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		d := filepath.Dir(p)
		if executable(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	return "", ErrUnavailable
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func executable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

// Start initialises and starts a server in a new temporary directory.
func Start(ctx context.Context, opts Options) (*Server, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	cred, err := unprivileged()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "switchback-pg-")
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("postgres: %w", err)
		}
	}
	s := &Server{Dir: dir, User: "switchback"}
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"), "-U", s.User,
		"--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	initdb.Dir = dir
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("postgres: initdb: %w: %s", err, tail(string(out)))
	}
	// A port taken between choosing and binding is tried again.
	for attempt := 0; ; attempt++ {
		err = s.start(ctx, bin, cred, opts)
		if err == nil {
			return s, nil
		}
		if attempt == 4 || !strings.Contains(err.Error(), "could not bind") {
			os.RemoveAll(dir)
			return nil, err
		}
	}
}

// unprivileged is the user the server runs as: this process's own, or
// nobody when this process is root.
func unprivileged() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return nil, fmt.Errorf("postgres: running as root, and no user nobody to run the server as: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func (s *Server) start(ctx context.Context, bin string, cred *syscall.Credential, opts Options) error {
	port, err := freePort()
	if err != nil {
		return fmt.Errorf("postgres: choosing a port: %w", err)
	}
	s.Port = port
	settings := []string{"-c", "listen_addresses=127.0.0.1", "-p", strconv.Itoa(port), "-k", s.Dir,
		"-c", "max_connections=200", "-c", "log_min_messages=warning"}
	if !opts.Durable {
		settings = append(settings, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	logPath := filepath.Join(s.Dir, "postgres.log")
	// The shell keeps postgres alive while its stdin is open: the end of
	// the pipe (this process gone) stops the server (fast shutdown) and
	// removes the directory.
	script := `"$@" >>` + shellQuote(logPath) + ` 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null' TERM INT
read -r _ || true
kill -INT $pid 2>/dev/null
wait $pid
rm -rf ` + shellQuote(s.Dir)
	args := append([]string{"-c", script, "pgtest", filepath.Join(bin, "postgres"), "-D", filepath.Join(s.Dir, "data")}, settings...)
	cmd := exec.Command("/bin/sh", args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Setpgid: true}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	s.cmd, s.stdin, s.exited = cmd, stdin, make(chan struct{})
	go func() { s.waitErr = cmd.Wait(); close(s.exited) }()

	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := pgx.Connect(ctx, s.URL("postgres"))
		if err == nil {
			conn.Close(ctx)
			if opts.Log != nil {
				go follow(logPath, opts.Log, s.exited)
			}
			return nil
		}
		select {
		case <-s.exited:
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres did not start: %s", tail(string(log)))
		default:
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			s.Stop()
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres did not accept connections within 30s: %v: %s", err, tail(string(log)))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// URL is the connection URL of database db on the server.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", s.User, s.Port, db)
}

// CreateDatabase makes a new, empty database and returns its URL.
func (s *Server) CreateDatabase(ctx context.Context, name string) (string, error) {
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return "", fmt.Errorf("postgres: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("postgres: creating database %s: %w", name, err)
	}
	return s.URL(name), nil
}

// Stop shuts the server down and removes its directory.
func (s *Server) Stop() error {
	if s.stdin == nil {
		return nil
	}
	s.stdin.Close()
	s.stdin = nil
	select {
	case <-s.exited:
		return s.waitErr
	case <-time.After(30 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		return errors.New("postgres did not stop within 30s; killed")
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func tail(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 800 {
		s = "…" + s[len(s)-800:]
	}
	return s
}

// follow copies the server's log to w until the server stops.
func follow(path string, w io.Writer, done <-chan struct{}) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		n, _ := f.Read(buf)
		if n > 0 {
			w.Write(buf[:n])
			continue
		}
		select {
		case <-done:
			return
		case <-time.After(200 * time.Millisecond):
		}
	}
}
