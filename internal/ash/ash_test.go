package ash

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestTableCoversRules: every rule has a severity in the derived table,
// and the table has no rule the analyzer does not know.
func TestTableCoversRules(t *testing.T) {
	for _, r := range rules {
		if _, ok := severities[r.ID]; !ok {
			t.Errorf("rule %s is not in testdata/constructs.json: run go test -run TestDeriveTable -update", r.ID)
		}
	}
	for id := range severities {
		if _, ok := ruleByID[id]; !ok {
			t.Errorf("testdata/constructs.json has rule %s, which the analyzer does not know", id)
		}
	}
}

// TestProbesAreRecognised: the probe that decided a rule's severity is
// itself reported under that rule, so the table and the walker agree on
// what the construct is.
func TestProbesAreRecognised(t *testing.T) {
	for _, r := range rules {
		if r.Probe == "" {
			continue
		}
		src := r.Probe
		if r.ID == "bash-shebang" {
			src = "#!/bin/bash\n" + src // the probe writes such a script; here it is the script
		}
		if !slices.ContainsFunc(Analyze("probe.sh", []byte(src)), func(f Finding) bool { return f.Rule == r.ID }) {
			t.Errorf("%s: its probe is not reported:\n%s", r.ID, r.Probe)
		}
	}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "line:col rule severity"
	}{
		{"clean POSIX", "#!/bin/sh\nset -eu\nfor f in /etc/*.conf; do\n  [ -f \"$f\" ] && printf '%s\\n' \"$f\"\ndone\n", nil},
		{"bash shebang", "#!/usr/bin/env bash\necho hi\n", []string{"1:1 bash-shebang error"}},
		{"env with option", "#!/usr/bin/env -S bash -e\necho hi\n", []string{"1:1 bash-shebang error"}},
		{"array", "#!/bin/sh\nhosts=(a b)\necho \"${hosts[@]}\"\n", []string{"2:1 bash-array error", "3:7 array-index error"}},
		{"brace range in for", "for i in {1..3}; do :; done\n", []string{"1:10 brace-range warning"}},
		{"brace quoted is literal", "echo '{1..3}' \"{a,b}\"\n", nil},
		{"brace in assignment", "x={a,b}\n", nil},
		{"find braces", "find . -exec rm {} +\n", nil},
		{"local is info", "f() { local x=1; }\n", []string{"1:7 local info"}},
		{"double bracket quoted", "[[ -n \"$x\" ]]\n", []string{"1:1 double-bracket info"}},
		{"double bracket unquoted", "[[ -n $x ]]\n", []string{"1:1 double-bracket info", "1:7 bracket-split error"}},
		// Operands of numeric operators are numbers: splitting leaves them be.
		{"double bracket numeric", "[[ $# -eq 0 ]] && [[ $n -gt 1 ]]\n", []string{"1:1 double-bracket info", "1:19 double-bracket info"}},
		// A variable that only ever holds one plain word splits into itself.
		{"double bracket single word", "f=a.tar.gz\nfor t in v1 v2; do [[ $t =~ ^v ]]; done\n[[ $f == *.gz ]]\n",
			[]string{"2:20 double-bracket info", "2:26 regex-match info", "3:1 double-bracket info"}},
		{"double bracket read value", "read f\n[[ $f == *.gz ]]\n", []string{"2:1 double-bracket info", "2:4 bracket-split error"}},
		{"double bracket reassigned", "f=a\nf=\"a b\"\n[[ -n $f ]]\n", []string{"3:1 double-bracket info", "3:7 bracket-split error"}},
		{"herestring", "read a <<< \"$x\"\n", []string{"1:8 herestring error"}},
		{"sed -z", "sed -z 's/a/b/' f\n", []string{"1:5 gnu-option error"}},
		{"sed -i -E ok", "sed -i -E -e 's/a/b/' -e p f\n", nil},
		{"sed -i suffix", "sed -i.bak 's/a/b/' f\n", nil},
		{"grep -P", "grep -qP '\\d+' f\n", []string{"1:6 gnu-option error"}},
		{"grep -m value", "grep -m 1 -A 2 x f\n", nil},
		{"du max depth", "du -h --max-depth=1 /var\n", []string{"1:4 applet-option warning", "1:7 gnu-option error"}},
		{"date yesterday", "date -d yesterday +%F\n", []string{"1:9 date-relative error"}},
		{"date epoch", "date -u -d @0 +%F; date -d \"@$t\"\n", nil},
		{"date relative with var", "date -d \"$n days ago\"\n", []string{"1:9 date-relative error"}},
		{"find printf", "find . -type f -printf '%s\\n'\n", []string{"1:16 find-printf error"}},
		{"find ok", "find /var/log -name '*.log' -mtime +7 -exec rm -f {} +\n", nil},
		// The find that compresses tests the ages before; only a later
		// test sees the time gzip gave the .gz files.
		{"find gzip", "find /var/log -name '*.log' -mtime +7 -exec gzip {} \\;\n", nil},
		{"find gzip then age", "find . -name '*.log' -mtime +7 -exec gzip {} \\;\nfind . -name '*.gz' -mtime +30 -delete\n", []string{"1:38 gzip-mtime warning"}},
		{"runs bash", "bash -c 'echo hi'; exec /bin/bash -lc \"$cmd\"\nfind . -exec bash -c 'gzip {}' \\;\nxargs -r bash x.sh\n",
			[]string{"1:1 runs-bash error", "1:25 runs-bash error", "2:14 runs-bash error", "3:10 runs-bash error"}},
		{"sh is not bash", "sh -c 'echo hi'; env sh x.sh\n", nil},
		// bash reads the operands of -eq in [[ ]] as arithmetic; ash does not.
		{"arithmetic operand", "c=0\nc=$c+1\n[[ $c -eq 1 ]]\n", []string{"3:1 double-bracket info", "3:4 test-operator error"}},
		// The .gz file's time matters only to a script that looks at ages.
		{"gzip to stdout", "gzip -c f > f.gz; gzip -dc f.gz; gzip f; ls -t\n", []string{"1:34 gzip-mtime warning"}},
		{"gzip no age check", "gzip -9 f; ls *.gz | sort\n", nil},
		// Output that goes nowhere: only the status counts.
		{"type -t seen", "t=$(type -t ls)\n", []string{"1:10 type-t warning"}},
		{"type -t unseen", "type -t ls >/dev/null && echo yes\n", nil},
		{"type unseen", "type getpid >&/dev/null || getpid() { :; }\n", nil},
		{"diff of process substitutions", "diff <(sort a) <(sort b) | wc -l\n", []string{"1:1 applet-option warning", "1:6 process-substitution warning", "1:16 process-substitution warning"}},
		{"diff unseen", "diff a b >/dev/null || echo changed\n", nil},
		{"kill -9 of a job", "sleep 9 & kill -9 $!; rm -f pid\n", []string{"1:16 builtin-option warning"}},
		{"positional slice", "hosts=\"${@:2}\"\n", []string{"1:8 substring warning"}},
		{"columns and messages", "ls -l f | cut -c1-10; mkdir -pv d | sort\n", nil},
		{"head -n1", "sort -V f | head -n1\n", nil},
		// stat alone prints another layout; with -c the script chose one.
		{"stat alone", "stat f\n", []string{"1:1 applet-option warning"}},
		{"stat with a format", "stat -c %s f\n", nil},
		// timeout's status differs only when time runs out: it matters
		// where the script reads it.
		{"timeout, status read", "timeout 5 sh -c true\necho \"rc=$?\"\n", []string{"1:1 timeout-status error"}},
		{"timeout, 124 compared", "timeout 5 sh -c true || rc=1\n[ \"$rc\" -eq 124 ] && echo late\n", []string{"1:1 timeout-status error"}},
		{"timeout, status unread", "if timeout -s KILL 5 sh -c true; then echo ok; fi\n", nil},
		// Testing a bash-only variable for being set detects the shell.
		{"bash variable detected", "if [ -n \"$BASH_VERSION\" ]; then echo bash; fi\n[[ -z \"${BASH_SOURCE+x}\" ]] && echo sh\n", []string{"2:1 double-bracket info"}},
		{"bash variable used", "if [ -n \"$BASH_VERSION\" ]; then echo \"$BASH_VERSION\"; fi\n", []string{"1:39 bash-variable warning"}},
		// read -n 1 reads one key: one word.
		{"read one key", "read -r -n 1\nif [[ $REPLY =~ ^[Yy]$ ]]; then echo y; fi\n", []string{"2:4 double-bracket info", "2:14 regex-match info"}},
		// date -d of a variable: judged by its value when the script gives it one.
		{"date -d of a literal variable", "when='last month'\ndate -d \"$when\" +%m\n", []string{"2:9 date-relative error"}},
		{"date -d of an absolute variable", "when='2024-01-31 10:00'\ndate -d \"$when\" +%s\n", nil},
		{"date -d of a run-time value", "when=$(cat stamp)\ndate -d \"$when\" +%s\n", nil},
		// Commands a base Alpine lacks.
		{"missing command", "envsubst < t > out\n", []string{"1:1 missing-command error"}},
		{"missing command through sudo and a variable", "CURL=curl\nsudo $CURL -s x\n", []string{"2:1 missing-command error", "2:6 missing-command error"}},
		{"missing command in find -exec and xargs", "find . -exec envsubst {} \\;\nxargs -n 1 -I{} git clone {}\n", []string{"1:14 missing-command error", "2:17 missing-command error"}},
		{"checked command", "if command -v openssl >/dev/null; then openssl version; fi\n", []string{"1:15 missing-command-check warning"}},
		{"checked path", "[ -x /usr/bin/tput ] && tput cols\n", []string{"1:6 missing-command-check warning"}},
		{"wrong directory", "B=/bin/basename\n$B /a/b\n", []string{"2:1 command-path error"}},
		{"the script's own command", "openssl() { echo stub; }\nopenssl x\nprintf '#!/bin/sh\\n' > bin/kubectl\nkubectl apply\n", nil},
		{"installed by the script", "apk add --no-cache openssl rsync\nopenssl version; rsync -a a b\n", nil},
		{"xargs command options are not xargs'", "xargs -r -n 1 grep -P x\n", []string{"1:20 gnu-option error"}},
		{"what a wrapper runs is a command", "sudo -u www find . -printf '%s\\n'\nenv A=1 nice -n 5 timeout 5 find . -printf x\nxargs -0 find -printf x\n",
			[]string{"1:1 missing-command error", "1:20 find-printf error", "2:36 find-printf error", "3:15 find-printf error"}},
		{"a wrapper held in a variable, or empty", "SUDO=sudo\n[ $(id -u) = 0 ] && SUDO=\n$SUDO find . -printf x\n", []string{"3:1 missing-command error", "3:14 find-printf error"}},
		{"the script's own sudo that runs nothing", "sudo() { echo \"sudo $*\"; }\nsudo systemctl start x\nsudo find . -printf x\n", nil},
		{"a stand-in on PATH that runs its arguments", "mkdir -p bin\nprintf '#!/bin/sh\\nexec \"$@\"\\n' > bin/sudo\nchmod +x bin/sudo\nPATH=\"$PWD/bin:$PATH\"\nsudo find . -printf x\nsudo systemctl start x\n",
			[]string{"5:13 find-printf error", "6:6 missing-command error"}},
		{"a stand-in on PATH that runs nothing of them", "cat > bin/sudo <<'EOF'\n#!/bin/sh\necho \"sudo $*\"\nEOF\nchmod +x bin/sudo\nexport PATH=$PWD/bin:$PATH\nsudo systemctl start x\n", nil},
		{"a stand-in off PATH is not the command", "printf '#!/bin/sh\\necho sudo\\n' > bin/sudo\nsudo find . -printf x\n", []string{"2:13 find-printf error"}},
		{"what a stand-in writes", "cat > bin/python3 <<'EOF'\n#!/bin/sh\nd=$(dirname \"$0\")\necho x > \"$d/ansible\"\nchmod +x \"$d/ansible\"\nEOF\nchmod +x bin/python3\nPATH=\"$PWD/bin:$PATH\"\npython3 -m pip install ansible\nansible --version\n", nil},
		{"a branch where a provided command is missing", "printf 'echo 1\\n' > bin/exiftool\nif ! command -v exiftool >/dev/null; then tput sgr0; exit 1; fi\ncommand -v exiftool || tput sgr0\n", nil},
		{"a branch where a command is missing", "if ! command -v exiftool >/dev/null; then tput sgr0; exit 1; fi\n", []string{"1:43 missing-command error"}},
		{"a function that runs its arguments", "run() { \"$@\"; }\nrun systemctl start x\n", []string{"2:5 missing-command error"}},
		{"absolute path applet", "/bin/sed -z p f\n", []string{"1:10 gnu-option error"}},
		{"parse error", "if true; then\n", []string{"1:10 parse-error info"}},
		{"what runs before a parse error", "clear\nwhile true; do\n  let n=n-1 # c\ndone\n", []string{"1:1 applet-option error", "3:13 parse-error info"}},
		{"mapfile", "mapfile -t lines < f\n", []string{"1:1 mapfile error", "1:9 builtin-option error"}},
		{"echo -e is info", "echo -e 'a\\tb'\n", []string{"1:6 echo-option info"}},
		{"declare -A", "declare -A m\n", []string{"1:1 declare-assoc error", "1:9 builtin-option error"}},
		{"arith", "echo $((2**3)) $[1+2]\n(( i++ ))\n", []string{"1:10 arith-power info", "1:16 old-arith warning", "2:1 arith-command error", "2:5 arith-increment info"}},
		{"pipefail", "set -euo pipefail\n", []string{"1:5 pipefail info"}},
		{"set -o bash-only", "set -o emacs; set -eP\n", []string{"1:5 set-option error", "1:19 set-option error"}},
		{"read -e", "read -r -e line\n", []string{"1:9 read-option error"}},
		{"bash builtin", "pushd /tmp; compgen -c\n", []string{"1:1 bash-builtin error", "1:13 bash-builtin error", "1:21 builtin-option error"}},
		{"bash variable", "echo $UID $HOSTNAME\n", []string{"1:6 bash-variable warning"}},
		{"variable bash ignores assigning", "GROUPS=admin; echo $GROUPS\n", []string{"1:1 shell-variable warning"}},
		{"cron", "echo hi\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Analyze("x.sh", []byte(tt.src)) {
				got = append(got, strings.Join([]string{strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Col), f.Rule, string(f.Severity)}, " "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Analyze(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestPathFindings(t *testing.T) {
	for path, want := range map[string]bool{
		"/etc/crontab":                 true,
		"/etc/cron.d/backup":           true,
		"rootfs/etc/cron.daily/logrot": true,
		"etc/cron.d/x":                 true,
		"/etc/crontabs/root":           false,
		"/etc/periodic/daily/backup":   false,
		"/usr/local/bin/backup.sh":     false,
	} {
		got := PathFindings(path)
		if (len(got) > 0) != want {
			t.Errorf("PathFindings(%q) = %v, want a finding: %v", path, got, want)
		}
		if len(got) > 0 && got[0].Rule != "cron-d-ignored" {
			t.Errorf("PathFindings(%q): rule %s", path, got[0].Rule)
		}
	}
}

func TestParseHelp(t *testing.T) {
	sed := applets["sed"]
	grep := applets["grep"]
	if sed == nil || grep == nil {
		t.Fatal("sed or grep missing from testdata/applets.txt")
	}
	cases := []struct {
		spec *appletSpec
		args []string
		bad  []int
	}{
		{sed, []string{"-i", "-E", "s/a/b/", "f"}, nil},
		{sed, []string{"-ibak", "-n", "p"}, nil},
		{sed, []string{"-z", "p"}, []int{0}},
		{sed, []string{"--null-data", "p"}, []int{0}},
		{sed, []string{"-e", "-z"}, nil}, // -z is the script given to -e
		{grep, []string{"-rn", "--", "-P", "f"}, nil},
		{grep, []string{"-A3", "x"}, nil},
		{grep, []string{"-oP", "x"}, []int{0}},
		{applets["xargs"], []string{"-E", "STOP", "-r"}, nil},
		// head's help describes -n twice ("-n N", "-n -N") and -c as "[-]N":
		// both take a value.
		{applets["head"], []string{"-n1", "f"}, nil},
		{applets["head"], []string{"-n", "-3", "-c", "-5", "f"}, nil},
		{applets["head"], []string{"-c5", "-z"}, []int{1}},
	}
	for _, c := range cases {
		if got := c.spec.unknownOptions(c.args); !slices.Equal(got, c.bad) {
			t.Errorf("unknownOptions(%q) = %v, want %v", c.args, got, c.bad)
		}
	}
}

// TestAnalyzeWithPackages: a command whose package the playbook installs
// is there when the script runs.
func TestAnalyzeWithPackages(t *testing.T) {
	src := []byte("envsubst < t > out\ncurl -s x\n")
	count := func(opt Options) int {
		n := 0
		for _, f := range AnalyzeWith("x.sh", src, opt) {
			if f.Rule == "missing-command" {
				n++
			}
		}
		return n
	}
	for _, tt := range []struct {
		pkgs []string
		want int
	}{
		{nil, 2},
		{[]string{"curl"}, 1},
		{[]string{"cmd:envsubst", "curl"}, 0},
		{[]string{"gettext-base"}, 1}, // the Debian name counts
	} {
		if got := count(Options{Packages: tt.pkgs}); got != tt.want {
			t.Errorf("packages %v: %d missing commands, want %d", tt.pkgs, got, tt.want)
		}
	}
}
