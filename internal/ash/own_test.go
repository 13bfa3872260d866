package ash

import (
	"slices"
	"testing"
)

// TestOwnCommands: a name the script defines as a function or an alias
// is its own for every rule that judges a command by its name; a path,
// or a command another one runs, is still the system's.
func TestOwnCommands(t *testing.T) {
	tests := []struct {
		name, src string
		rule      string // a finding of this rule is expected when true
		want      bool
	}{
		{"function shadows options", "hostname() { echo \"$*\"; }\nhostname -I\n", "gnu-option", false},
		{"function defined later", "main() { hostname -b x; }\nhostname() { :; }\nmain\n", "gnu-option", false},
		{"no function: the applet", "hostname -I\n", "gnu-option", true},
		{"a path is the applet", "hostname() { :; }\n/bin/hostname -I\n", "gnu-option", true},
		{"function shadows a missing command", "tempfile() { mktemp; }\nf=$(tempfile)\n", "missing-command", false},
		{"function shadows a bash builtin", "mapfile() { :; }\nmapfile x\n", "mapfile", false},
		{"function shadows read's options", "read() { :; }\nread -a x\n", "read-array", false},
		{"function shadows the applet key", "ps() { :; }\nps -ef\n", "applet-option", false},
		{"no function: the applet key", "ps -ef\n", "applet-option", true},
		{"no function: bash builtin", "mapfile x\n", "mapfile", true},
		{"no function: missing command", "f=$(tempfile)\n", "missing-command", true},
		{"function shadows a situation", "clear() { :; }\nclear\n", "applet-option", false},
		{"no function: the situation", "clear\n", "applet-option", true},
		{"a wrapper function runs its arguments", "sudo() { \"$@\"; }\nsudo hostname -I\n", "gnu-option", true},
		{"a wrapper through exec", "as_root() { exec $*; }\nas_root find . -exec bash -c 'gzip {}' \\;\n", "runs-bash", true},
		{"a function that does not run its arguments", "sudo() { echo \"$@\"; }\nsudo hostname -I\n", "gnu-option", false},
		{"alias shadows options", "alias grep='grep -E'\ngrep -P x f\n", "gnu-option", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Analyze("t.sh", []byte(tt.src))
			got := slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == tt.rule })
			if got != tt.want {
				t.Errorf("%s reported: %v, want %v\n%v", tt.rule, got, tt.want, fs)
			}
		})
	}
}
