package runner

import (
	"context"
	"fmt"
	"strings"

	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
)

// factsScript prints one name=value line per fact, in one round trip.
// os-release is read in a subshell so that its variables stay there.
const factsScript = `(. /etc/os-release 2>/dev/null; echo "os_id=$ID"; echo "os_version=$VERSION_ID")
echo "arch=$(uname -m)"
if [ -x /sbin/openrc-run ] || [ -x /sbin/openrc ]; then echo init=openrc
elif [ -d /run/systemd/system ]; then echo init=systemd
elif [ -x /sbin/runit ] || [ -d /etc/runit ]; then echo init=runit
else echo init=unknown; fi
for pm in apk apt-get dnf yum zypper pacman; do
	if command -v "$pm" >/dev/null 2>&1; then echo "pkg_manager=${pm%-get}"; break; fi
done`

// GatherFacts reads what playbooks may ask of a host as facts.*.
func GatherFacts(ctx context.Context, h hostcmd.Host) (map[string]string, error) {
	out, err := h.Run(ctx, factsScript)
	if err != nil {
		return nil, fmt.Errorf("gathering facts: %w", err)
	}
	if out.ExitCode != 0 {
		return nil, &hostcmd.Error{Msg: "gathering facts failed", Output: out}
	}
	return ParseFacts(out.Stdout), nil
}

// ParseFacts reads name=value lines; unknown names and malformed lines
// are ignored, and a fact the host did not print is empty.
func ParseFacts(text string) map[string]string {
	facts := make(map[string]string, len(playbooks.FactNames))
	for _, n := range playbooks.FactNames {
		facts[n] = ""
	}
	for line := range strings.SplitSeq(text, "\n") {
		name, value, ok := strings.Cut(strings.TrimRight(line, "\r"), "=")
		if _, known := facts[name]; ok && known {
			facts[name] = value
		}
	}
	return facts
}
