package bench

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// TestRequestsCountedOnFleet: at LogLevel DEBUG a host's sshd logs one
// line per command and per sftp session, so the count is the same
// whoever the client is. Two ssh commands and one sftp session over
// three connections count three.
func TestRequestsCountedOnFleet(t *testing.T) {
	f := fleet.Start(t, 1, fleet.WithSSHDLogLevel("DEBUG"))
	h := f.Hosts[0]
	marks, err := markLogs([]string{h.SSHDLog()})
	if err != nil {
		t.Fatal(err)
	}
	common := []string{"-F", "/dev/null", "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + f.KnownHosts, "-i", f.IdentityFile}
	for _, cmd := range []string{"true", "echo hi; echo there"} {
		args := append(append([]string{}, common...), "-p", strconv.Itoa(h.Port), f.User+"@"+h.Address, cmd)
		if out, err := exec.CommandContext(context.Background(), "ssh", args...).CombinedOutput(); err != nil {
			t.Fatalf("ssh %s: %v\n%s", cmd, err, out)
		}
	}
	sftp := exec.Command("sftp", append(append([]string{}, common...), "-q", "-P", strconv.Itoa(h.Port), f.User+"@"+h.Address)...)
	sftp.Stdin = strings.NewReader("ls /\n")
	if out, err := sftp.CombinedOutput(); err != nil {
		t.Fatalf("sftp: %v\n%s", err, out)
	}
	if n, err := marks.requestsSince(); err != nil || n != 3 {
		t.Errorf("requests = %d, %v; want 3", n, err)
	}
}
