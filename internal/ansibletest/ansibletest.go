// Package ansibletest runs the real Ansible (Debian's ansible-core) for
// differential tests: ansible-inventory --list and ansible --list-hosts,
// many times over, through one long-lived Python process that imports
// Ansible once and runs its command-line classes as the programs do.
package ansibletest

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

//go:embed driver.py
var driverSource []byte

// Driver talks to the Python process.
type Driver struct {
	mu  sync.Mutex
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	// Python is the interpreter ansible-inventory runs with.
	Python string
}

// Result is what one run of a program printed, and its exit code.
type Result struct {
	RC     int    `json:"rc"`
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
}

// Start starts the driver, or skips the test with one line when Ansible
// is not installed; under CI=true, as the fleet tests do, that fails
// instead, since CI installs it (make prereqs).
func Start(t testing.TB) *Driver {
	t.Helper()
	d, err := start(t.TempDir())
	if err != nil {
		msg := "differential test against Ansible: " + err.Error() + " (apt-get install ansible-core, or make prereqs)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	t.Cleanup(d.Close)
	return d
}

func start(dir string) (*Driver, error) {
	prog, err := exec.LookPath("ansible-inventory")
	if err != nil {
		return nil, errors.New("ansible-inventory is not installed")
	}
	python, err := interpreter(prog)
	if err != nil {
		return nil, err
	}
	script := filepath.Join(dir, "driver.py")
	if err := os.WriteFile(script, driverSource, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(python, script)
	cmd.Dir = dir
	// A configuration of the machine's own must not change the answers.
	cmd.Env = append(os.Environ(), "ANSIBLE_CONFIG="+filepath.Join(dir, "ansible.cfg"), "ANSIBLE_LOCAL_TEMP="+dir, "HOME="+dir)
	if err := os.WriteFile(filepath.Join(dir, "ansible.cfg"), []byte("[defaults]\n"), 0o644); err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", python, err)
	}
	return &Driver{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20), Python: python}, nil
}

// interpreter reads the #! line of an installed Ansible program.
func interpreter(prog string) (string, error) {
	f, err := os.Open(prog)
	if err != nil {
		return "", err
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	fields := strings.Fields(strings.TrimPrefix(line, "#!"))
	if len(fields) == 0 {
		return "", fmt.Errorf("%s has no #! line", prog)
	}
	if filepath.Base(fields[0]) == "env" && len(fields) > 1 {
		return exec.LookPath(fields[1])
	}
	return fields[0], nil
}

// Close ends the Python process.
func (d *Driver) Close() {
	d.in.Close()
	_ = d.cmd.Wait()
}

func (d *Driver) call(req, ans any) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	b, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if _, err := d.in.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("the Ansible driver stopped: %w", err)
	}
	line, err := d.out.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("the Ansible driver stopped: %w", err)
	}
	return json.Unmarshal(line, ans)
}

// Run runs ansible-inventory or ansible with argv (argv[0] names which).
func (d *Driver) Run(argv ...string) (Result, error) {
	var r Result
	err := d.call(map[string]any{"argv": argv}, &r)
	return r, err
}

// Encrypt encrypts text with Ansible's own vault code (format 1.2 when
// label is given, else 1.1).
func (d *Driver) Encrypt(text, password, label string) (string, error) {
	var r struct {
		Vaulttext string `json:"vaulttext"`
	}
	err := d.call(map[string]any{"encrypt": text, "password": password, "label": label}, &r)
	return r.Vaulttext, err
}

// Value is one value as Ansible read it, as JSON, or why it failed.
type Value struct {
	JSON  string `json:"json"`
	Error string `json:"error"`
}

// INIValues reads each text as the ini inventory plugin reads a value
// (ast.literal_eval, then text), and returns it as ansible-inventory
// would print it.
func (d *Driver) INIValues(texts []string) ([]Value, error) {
	var r struct{ Results []Value }
	err := d.call(map[string]any{"ini_values": texts}, &r)
	return r.Results, err
}

// YAMLDocs reads each document as Ansible's loader reads a file (JSON
// first, then YAML 1.1 with Ansible's constructors).
func (d *Driver) YAMLDocs(docs []string) ([]Value, error) {
	var r struct{ Results []Value }
	err := d.call(map[string]any{"yaml_docs": docs}, &r)
	return r.Results, err
}

// ListHosts parses what ansible --list-hosts printed: the host names,
// and the warnings.
func ListHosts(r Result) (hosts, warnings []string) {
	for _, line := range strings.Split(r.Stdout, "\n") {
		if strings.HasPrefix(line, "    ") {
			hosts = append(hosts, strings.TrimPrefix(line, "    "))
		}
	}
	return hosts, Warnings(r)
}

// Warnings lists the [WARNING] messages a run printed.
func Warnings(r Result) []string {
	var out []string
	for _, line := range strings.Split(r.Stderr, "\n") {
		if rest, ok := strings.CutPrefix(line, "[WARNING]: "); ok {
			out = append(out, rest)
		}
	}
	return out
}
