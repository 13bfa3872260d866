package playbooks

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

func TestParseVarFlags(t *testing.T) {
	got, err := ParseVarFlags([]string{"a=1", "b=x=y", "c="})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "1", "b": "x=y", "c": ""}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for _, bad := range []string{"novalue", "=x"} {
		if _, err := ParseVarFlags([]string{bad}); err == nil {
			t.Errorf("--var %q must be refused", bad)
		}
	}
}

const varsPlaybook = `
playbook { name = "vars" }
variable "packages" {
  type    = list(string)
  default = ["a"]
}
variable "motd" { default = "hi" }
variable "retries" {
  type    = number
  default = 3
}
phase "p" {
  apk "pkgs" { packages = var.packages }
  command "c" { run = "echo ${shellquote(var.motd)} ${var.retries}" }
}
`

func TestVariablePrecedence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.hcl")
	if err := os.WriteFile(path, []byte(varsPlaybook), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		vars     *Values
		packages []string
		run      string
		wantErr  bool
	}{
		{"defaults", nil, []string{"a"}, "echo hi 3", false},
		{"given", &Values{Flags: map[string]string{"packages": `["b","c"]`, "motd": "it's me", "retries": "5"}}, []string{"b", "c"}, `echo 'it'\''s me' 5`, false},
		{"wrong type", &Values{Flags: map[string]string{"retries": "many"}}, nil, "", true},
		{"undeclared", &Values{Flags: map[string]string{"nope": "1"}}, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
			pb, diags := l.Load(path, tt.vars)
			if tt.wantErr {
				if !diags.HasErrors() {
					t.Fatal("expected an error")
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			apk := pb.Phases[0].Steps[0].Module.(*modules.Apk)
			cmd := pb.Phases[0].Steps[1].Module.(*modules.Command)
			if len(apk.Packages) != len(tt.packages) || apk.Packages[0] != tt.packages[0] {
				t.Errorf("packages = %v, want %v", apk.Packages, tt.packages)
			}
			if cmd.Run != tt.run {
				t.Errorf("run = %q, want %q", cmd.Run, tt.run)
			}
		})
	}
}

const precedencePlaybook = `
playbook { name = "p" }
variable "motd" { default = "from default" }
variable "port" {
  type    = number
  default = 22
}
variable "tags" {
  type    = map(string)
  default = {}
}
phase "p" {
  command "c" { run = "echo ${var.motd} ${var.port} ${jsonencode(var.tags)}" }
}
`

func TestVariableSources(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	files := map[string]string{
		"a.vars":      "motd = \"from a\"\nport = 2022\n",
		"b.vars":      "motd = \"from b\"\ntags = { role = \"web\" }\n",
		"bad.vars":    "port = \"many\"\n",
		"undecl.vars": "motd = \"x\"\n\nnope = 1\n",
		"block.vars":  "variable \"motd\" {}\n",
		"syntax.vars": "motd = \n",
	}
	tests := []struct {
		name string
		vals *Values
		run  string
		errs []string
	}{
		{"defaults", nil, `echo from default 22 {}`, nil},
		{"one file", &Values{Files: []string{"a.vars"}}, `echo from a 2022 {}`, nil},
		{"later file wins", &Values{Files: []string{"a.vars", "b.vars"}}, `echo from b 2022 {"role":"web"}`, nil},
		{"env over files", &Values{Files: []string{"a.vars"}, Getenv: env(map[string]string{"SWITCHBACK_VAR_motd": "from env", "SWITCHBACK_VAR_port": "8022"})}, `echo from env 8022 {}`, nil},
		{"env typed as HCL", &Values{Getenv: env(map[string]string{"SWITCHBACK_VAR_tags": `{ env = "prod" }`})}, `echo from default 22 {"env":"prod"}`, nil},
		{"flag over env", &Values{Getenv: env(map[string]string{"SWITCHBACK_VAR_motd": "from env"}), Flags: map[string]string{"motd": "from flag"}}, `echo from flag 22 {}`, nil},
		{"unknown env ignored", &Values{Getenv: env(map[string]string{"SWITCHBACK_VAR_nope": "1"})}, `echo from default 22 {}`, nil},
		{"empty env is unset", &Values{Getenv: env(map[string]string{"SWITCHBACK_VAR_motd": ""})}, `echo from default 22 {}`, nil},
		{"file value of wrong type", &Values{Files: []string{"bad.vars"}}, "", []string{"Invalid value for variable", `The value of "port" is not a number`, "bad.vars:1,8-14"}},
		{"env of wrong type", &Values{Getenv: env(map[string]string{"SWITCHBACK_VAR_port": "many"})}, "", []string{"SWITCHBACK_VAR_port=many: not a number; write the value as in HCL", "<SWITCHBACK_VAR_port>:1,1-5"}},
		{"undeclared in file", &Values{Files: []string{"undecl.vars"}}, "", []string{"Value for undeclared variable", `The var file sets "nope"`, "undecl.vars:3,1-5"}},
		{"undeclared flag", &Values{Flags: map[string]string{"nope": "1"}}, "", []string{"--var nope=... sets a variable", "<--var nope>:1,1-2"}},
		{"missing file", &Values{Files: []string{"nosuch.vars"}}, "", []string{"Var file not found", "nosuch.vars"}},
		{"block in var file", &Values{Files: []string{"block.vars"}}, "", []string{`Unexpected "variable" block`, "A var file holds only name = value lines"}},
		{"syntax error in var file", &Values{Files: []string{"syntax.vars"}}, "", []string{"syntax.vars:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pb, diags := loadSource(t, precedencePlaybook, files, tt.vals)
			if tt.errs != nil {
				wantError(t, diags, tt.errs...)
				if pb != nil {
					t.Error("a playbook came back along with errors")
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if got := runOf(t, pb); got != tt.run {
				t.Errorf("run = %q, want %q", got, tt.run)
			}
		})
	}
}

const validationPlaybook = `
playbook { name = "p" }
variable "port" {
  type    = number
  default = 22
  validation {
    condition     = var.port > 0 && var.port < 65536
    error_message = "A port is between 1 and 65535."
  }
  validation {
    condition     = var.port != 23
    error_message = "Telnet's port is not for SSH."
  }
}
variable "name" {
  default = "web"
  validation {
    condition     = can(regex("^[a-z]+$", var.name))
    error_message = "The name ${var.name} has more than lowercase letters."
  }
}
variable "token" {
  default   = "s3cret"
  sensitive = true
  validation {
    condition     = length(var.token) >= 6
    error_message = "The token ${var.token} is too short."
  }
}
phase "p" {
  command "c" { run = "echo ${var.port}" }
}
`

func TestValidation(t *testing.T) {
	tests := []struct {
		name  string
		vals  *Values
		files map[string]string
		errs  []string
	}{
		{"valid", nil, nil, nil},
		{"flag fails the first rule", &Values{Flags: map[string]string{"port": "70000"}}, nil,
			[]string{"A port is between 1 and 65535.", "<--var port>:1,1-6", "fails the validation rule on line 6 of"}},
		{"flag fails the second rule", &Values{Flags: map[string]string{"port": "23"}}, nil,
			[]string{"Telnet's port is not for SSH.", "rule on line 10 of"}},
		{"var file line", &Values{Files: []string{"v.vars"}}, map[string]string{"v.vars": "\nname = \"Web 1\"\n"},
			[]string{"The name Web 1 has more than lowercase letters.", "v.vars:2,8-15"}},
		{"sensitive message withheld", &Values{Flags: map[string]string{"token": "abc"}}, nil,
			[]string{"refers to a sensitive value and is not shown"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pb, diags := loadSource(t, validationPlaybook, tt.files, tt.vals)
			if tt.errs == nil {
				if diags.HasErrors() {
					t.Fatal(diags.Error())
				}
				return
			}
			wantError(t, diags, tt.errs...)
			if pb != nil {
				t.Error("a playbook came back along with errors")
			}
			if strings.Contains(diags.Error(), "abc") {
				t.Errorf("a sensitive value is shown: %s", diags.Error())
			}
		})
	}
}

func TestValidationDefault(t *testing.T) {
	src := strings.Replace(validationPlaybook, "default = 22", "default = 0", 1)
	_, diags := loadSource(t, src, nil, nil)
	wantError(t, diags, "A port is between 1 and 65535.", "p.hcl:5,13-14")
}

func TestValidationRefersToItself(t *testing.T) {
	src := `
playbook { name = "p" }
variable "a" { default = 1 }
variable "b" {
  default = 2
  validation {
    condition     = var.a > 0
    error_message = "no"
  }
}
phase "p" {
  command "c" { run = "true" }
}
`
	_, diags := loadSource(t, src, nil, nil)
	wantError(t, diags, "can refer only to var.b", "p.hcl:7,21-26")
}

func TestSensitiveValues(t *testing.T) {
	src := `
playbook { name = "p" }
variable "token" {
  default   = "s3cret-token"
  sensitive = true
}
variable "db" {
  type      = object({ user = string, password = string, port = number })
  default   = { user = "app", password = "hunter22", port = 5432 }
  sensitive = true
}
variable "keys" {
  type      = list(string)
  default   = ["k-one", "k-two"]
  sensitive = true
}
variable "motd" { default = "hello" }
variable "quoted" {
  default   = "it's"
  sensitive = true
}
locals {
  auth    = base64encode("user:${var.token}")
  greeting = upper(var.motd)
  pick    = { plain = var.motd, secret = var.keys[1] }
}
phase "p" {
  command "c" { run = "curl -H ${local.auth} ${var.db.password} ${local.greeting} ${shellquote(var.quoted)}" }
}
`
	pb, diags := loadSource(t, src, nil, nil)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got := pb.SensitiveValues()
	want := []string{"dXNlcjpzM2NyZXQtdG9rZW4=", "s3cret-token", "hunter22", "5432", "k-one", "k-two", "app", "it's"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("SensitiveValues() = %q, lacks %q", got, w)
		}
	}
	for _, notSecret := range []string{"hello", "HELLO"} {
		if slices.Contains(got, notSecret) {
			t.Errorf("SensitiveValues() = %q holds %q, which is not sensitive", got, notSecret)
		}
	}
	for i := 1; i < len(got); i++ {
		if len(got[i]) > len(got[i-1]) {
			t.Errorf("SensitiveValues() = %q: not longest first", got)
		}
	}
	// Steps still see the plain values.
	if run := runOf(t, pb); run != `curl -H dXNlcjpzM2NyZXQtdG9rZW4= hunter22 HELLO 'it'\''s'` {
		t.Errorf("run = %q", run)
	}
	if masked := pb.MaskSensitive(runOf(t, pb)); masked != "curl -H (sensitive) (sensitive) HELLO '(sensitive)'" {
		t.Errorf("masked = %q", masked)
	}
	if !pb.Variables[0].Sensitive || pb.Variables[3].Sensitive || !pb.Variables[4].Sensitive {
		t.Error("Variable.Sensitive is wrong")
	}
	byName := map[string]*Local{}
	for _, lv := range pb.Locals {
		byName[lv.Name] = lv
	}
	if !byName["auth"].Sensitive || byName["greeting"].Sensitive || !byName["pick"].Sensitive {
		t.Error("Local.Sensitive is wrong")
	}
}

func TestValidationMustCheckTheVariable(t *testing.T) {
	src := `
playbook { name = "p" }
variable "b" {
  default = 2
  validation {
    condition     = true
    error_message = "no"
  }
}
phase "p" {
  command "c" { run = "true" }
}
`
	_, diags := loadSource(t, src, nil, nil)
	wantError(t, diags, "Validation does not check the variable", "The condition must refer to var.b", "p.hcl:6,21-25")
}
