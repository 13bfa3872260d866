package inventory_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/ansibletest"
	"github.com/switchbackhq/switchback/inventory"
)

// TestConnectionsAgainstAnsible checks where switchback would connect
// against where Ansible does connect: random inventories whose hosts set
// their address, port, user, key, jump host and connection type through
// Ansible's variables (old and new spellings, at host and group level,
// in ssh args), then ansible all -m ping -vvv, whose ssh command lines
// (every host on 127.0.0.0/8, every port closed, so each attempt fails
// at once) say what Ansible used. A host switchback refuses must be one
// Ansible would not reach over SSH either, or one whose setting
// switchback cannot honour.
func TestConnectionsAgainstAnsible(t *testing.T) {
	ansibletest.Start(t) // skips, or fails under CI, without Ansible
	ansible, err := exec.LookPath("ansible")
	if err != nil {
		t.Fatal(err)
	}
	cases := envInt(t, "SWITCHBACK_ANSIBLE_CONNECTION_CASES", 6)
	seed := uint64(envInt(t, "SWITCHBACK_ANSIBLE_SEED", 1))
	hosts, refused, differ := 0, 0, 0
	for i := range cases {
		n, r, d := compareConnections(t, ansible, seed+uint64(i))
		hosts, refused, differ = hosts+n, refused+r, differ+d
	}
	t.Logf("%d hosts' connections compared with Ansible's ssh command lines (%d refused by switchback, as Ansible connects locally or through a setting switchback cannot honour); %d differ", hosts, refused, differ)
}

// genConnections writes an INI inventory of hosts named c0, c1, ... each
// on an address of its own, and a group_vars/all.yml.
func genConnections(r *rand.Rand, dir string) string {
	pick := func(list ...string) string { return list[r.IntN(len(list))] }
	var ini, all strings.Builder
	ini.WriteString("[fleet]\n")
	n := 6 + r.IntN(6)
	for i := range n {
		var vars []string
		name := fmt.Sprintf("c%d", i)
		switch r.IntN(5) {
		case 0:
			name = fmt.Sprintf("127.0.3.%d", i+1) // the name is the address
		case 1:
			vars = append(vars, fmt.Sprintf("ansible_ssh_host=127.0.2.%d", i+1))
		case 2:
			vars = append(vars, fmt.Sprintf("ansible_host=127.0.1.%d ansible_ssh_host=127.0.2.%d", i+1, i+1))
		default:
			vars = append(vars, fmt.Sprintf("ansible_host=127.0.1.%d", i+1))
		}
		if r.IntN(4) == 0 {
			name += ":" + strconv.Itoa(2000+r.IntN(60000))
		}
		for range r.IntN(4) {
			switch r.IntN(9) {
			case 0:
				vars = append(vars, "ansible_port="+strconv.Itoa(1+r.IntN(65535)))
			case 1:
				vars = append(vars, "ansible_ssh_port="+strconv.Itoa(1+r.IntN(65535)))
			case 2:
				vars = append(vars, "ansible_user="+pick("ops", "deploy", "u1"))
			case 3:
				vars = append(vars, "ansible_ssh_user="+pick("admin", "u2"))
			case 4:
				vars = append(vars, "ansible_ssh_private_key_file="+pick("/keys/a", "/keys/b"))
			case 5:
				vars = append(vars, "ansible_ssh_common_args="+shellQuote(pick(
					"-o ProxyJump=jump@127.0.0.2:2222", "-J 127.0.0.3:2300", "-o ProxyCommand='ssh -W %h:%p -q j@127.0.0.4'",
					"-o StrictHostKeyChecking=no", "-o ProxyCommand='nc -X 5 -x 127.0.0.5:1080 %h %p'")))
			case 6:
				vars = append(vars, "ansible_ssh_extra_args="+shellQuote(pick("-o ProxyJump=127.0.0.6:2400", "-o ServerAliveInterval=5")))
			case 7:
				vars = append(vars, "ansible_connection="+pick("local", "ssh", "smart"))
			case 8:
				vars = append(vars, "ansible_private_key_file="+pick("/keys/c", "/keys/d"))
			}
		}
		fmt.Fprintf(&ini, "%s %s\n", name, strings.Join(vars, " "))
	}
	ini.WriteString("\n[fleet:vars]\n")
	for range r.IntN(3) {
		ini.WriteString(pick("ansible_ssh_port=2299", "ansible_user=groupuser", "ansible_ssh_common_args=\"-o ProxyJump=gj@127.0.0.7:2500\"") + "\n")
	}
	for range r.IntN(3) {
		all.WriteString(pick("ansible_port: 2288", "ansible_ssh_user: allssh", "ansible_ssh_extra_args: -J 127.0.0.8:2600") + "\n")
	}
	writeFile(dir, "hosts", ini.String())
	writeFile(dir, "group_vars/all.yml", all.String())
	return filepath.Join(dir, "hosts")
}

func writeFile(dir, rel, content string) {
	path := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		panic(err)
	}
}

var (
	sshExec    = regexp.MustCompile(`(?m)^<([^>]+)> SSH: EXEC (.*)$`)
	localConn  = regexp.MustCompile(`(?m)^<([^>]+)> ESTABLISH LOCAL CONNECTION`)
	sshOptions = regexp.MustCompile(`^(Port|User|IdentityFile|ProxyJump|ProxyCommand)=(.*)$`)
)

// ansibleSSH is what Ansible's ssh command line for one host says.
type ansibleSSH struct {
	local                              bool
	port, user, identity, jump, target string
}

func compareConnections(t *testing.T, ansible string, seed uint64) (hosts, refused, differ int) {
	t.Helper()
	dir := t.TempDir()
	source := genConnections(rand.New(rand.NewPCG(seed, 5)), dir)
	cmd := exec.Command(ansible, "-i", source, "all", "-m", "ping", "-vvv", "-f", "20", "-T", "2")
	cmd.Env = append(os.Environ(), "HOME="+dir, "ANSIBLE_HOST_KEY_CHECKING=False", "ANSIBLE_CONFIG="+filepath.Join(dir, "none.cfg"), "ANSIBLE_NOCOLOR=1")
	out, _ := cmd.CombinedOutput() // every host fails: the exit code says nothing
	seen := map[string]*ansibleSSH{}
	for _, m := range localConn.FindAllStringSubmatch(string(out), -1) {
		seen[m[1]] = &ansibleSSH{local: true}
	}
	for _, m := range sshExec.FindAllStringSubmatch(string(out), -1) {
		if seen[m[1]] != nil {
			continue // the first command is enough
		}
		words, err := shellSplit(m[2])
		if err != nil || len(words) < 3 {
			t.Fatalf("seed %d: cannot read %q: %v", seed, m[2], err)
		}
		a := &ansibleSSH{target: words[len(words)-2]}
		for i := 0; i+1 < len(words); i++ {
			if words[i] == "-J" && a.jump == "" {
				a.jump = "ProxyJump=" + words[i+1]
			}
			if words[i] != "-o" {
				continue
			}
			if o := sshOptions.FindStringSubmatch(words[i+1]); o != nil {
				v := strings.Trim(o[2], `"`)
				switch o[1] {
				case "Port":
					a.port = v
				case "User":
					a.user = v
				case "IdentityFile":
					a.identity = v
				case "ProxyJump", "ProxyCommand":
					if a.jump == "" {
						a.jump = o[1] + "=" + v
					}
				}
			}
		}
		seen[m[1]] = a
	}

	inv, diags := inventory.Load(hclparse.NewParser(), source)
	if diags.HasErrors() {
		t.Fatalf("seed %d: %s", seed, diags.Error())
	}
	report := func(h *inventory.Host, format string, args ...any) {
		differ++
		content, _ := os.ReadFile(source)
		allYML, _ := os.ReadFile(filepath.Join(dir, "group_vars/all.yml"))
		t.Errorf("seed %d, host %s: %s\n--- hosts\n%s--- group_vars/all.yml\n%s", seed, h.Name, fmt.Sprintf(format, args...), content, allYML)
	}
	for _, h := range inv.Hosts {
		hosts++
		a := seen[h.Address]
		switch {
		case h.Unsupported != "":
			refused++
			if strings.HasPrefix(h.Unsupported, "ansible_connection") != (a != nil && a.local) {
				report(h, "switchback refuses it (%s); Ansible connects %+v", h.Unsupported, a)
			}
			continue
		case a == nil:
			report(h, "switchback connects to %s, where Ansible does not (output:\n%s)", h.Endpoint(), out)
			continue
		case a.local:
			report(h, "Ansible runs it locally, switchback over SSH to %s", h.Endpoint())
			continue
		}
		wantPort := a.port
		if wantPort == "" {
			wantPort = "22"
		}
		wantJump := strings.TrimPrefix(a.jump, "ProxyJump=")
		if strings.HasPrefix(a.jump, "ProxyCommand=") {
			wantJump = "j@127.0.0.4" // the one ssh -W form generated
		}
		user := ""
		if h.UserGiven {
			user = h.User
		}
		if a.target != h.Address || wantPort != strconv.Itoa(h.Port) || a.user != user || a.identity != h.IdentityFile || wantJump != h.Jump {
			report(h, "Ansible: address %s port %s user %q key %q jump %q; switchback: address %s port %d user %q key %q jump %q",
				a.target, wantPort, a.user, a.identity, a.jump, h.Address, h.Port, user, h.IdentityFile, h.Jump)
		}
	}
	return hosts, refused, differ
}

// shellSplit splits a command line as Ansible quoted it (shlex.quote).
func shellSplit(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ':
			if in {
				words, in = append(words, cur.String()), false
				cur.Reset()
			}
		case '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unclosed quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i, in = i+1+j, true
		case '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return nil, fmt.Errorf("unclosed quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i, in = i+1+j, true
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words, nil
}
