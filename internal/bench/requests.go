package bench

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
)

// sessionRequest matches the line sshd logs at LogLevel DEBUG for each
// request that starts work on a session channel: a command (exec), a
// login shell (shell) or a subsystem such as sftp. Each is at least one
// round trip between client and host, whoever the client is.
var sessionRequest = regexp.MustCompile(`session_input_channel_req: session \d+ req (exec|shell|subsystem)\b`)

// countRequests counts session requests in r.
func countRequests(r io.Reader) (int, error) {
	n := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if sessionRequest.Match(sc.Bytes()) {
			n++
		}
	}
	return n, sc.Err()
}

// logMarks remembers where each host's sshd log ended, so that the
// requests of one measured run can be counted afterwards.
type logMarks map[string]int64

func markLogs(logs []string) (logMarks, error) {
	m := logMarks{}
	for _, l := range logs {
		st, err := os.Stat(l)
		switch {
		case os.IsNotExist(err):
			m[l] = 0
		case err != nil:
			return nil, fmt.Errorf("sshd log: %w", err)
		default:
			m[l] = st.Size()
		}
	}
	return m, nil
}

// requestsSince counts, over every log, the session requests logged
// after the marks.
func (m logMarks) requestsSince() (int, error) {
	total := 0
	for path, off := range m {
		f, err := os.Open(path)
		if err != nil {
			return 0, fmt.Errorf("sshd log: %w", err)
		}
		if _, err := f.Seek(off, io.SeekStart); err != nil {
			f.Close()
			return 0, fmt.Errorf("sshd log %s: %w", path, err)
		}
		n, err := countRequests(f)
		f.Close()
		if err != nil {
			return 0, fmt.Errorf("sshd log %s: %w", path, err)
		}
		total += n
	}
	return total, nil
}
