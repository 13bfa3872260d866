package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// The job definitions in docs/shard-groups start N controllers. These
// tests check what a run needs from them: for every index the job system
// gives, the container's command, expanded by its shell with the job's
// environment, is a 'switchback run' whose --shard is I/N with N the
// job's own count and I = index + 1, whose --shard-group is one name for
// the whole job, and whose state comes from the environment.

// commandLine runs argv with env as the job system would, with a
// switchback on PATH that prints its arguments, and parses them as the
// command line does.
func commandLine(t *testing.T, argv []string, env map[string]string) *runCmd {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "switchback", "#!/bin/sh\nprintf '%s\\0' \"$@\"\n")
	if err := os.Chmod(filepath.Join(dir, "switchback"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = []string{"PATH=" + dir + ":/usr/bin:/bin"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%q: %v: %s", argv, err, stderr.String())
	}
	args := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var c cli
	parser, err := newParser(&c, &Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		t.Fatalf("switchback %s: %v", strings.Join(args, " "), err)
	}
	if !strings.HasPrefix(kctx.Command(), "run") {
		t.Fatalf("the job runs 'switchback %s', not a run", kctx.Command())
	}
	return &c.Run
}

// checkShards runs the command for every index and checks the shards.
func checkShards(t *testing.T, argv []string, env map[string]string, indexVar string, n int, group string) {
	t.Helper()
	for i := range n {
		e := map[string]string{indexVar: strconv.Itoa(i)}
		for k, v := range env {
			e[k] = v
		}
		run := commandLine(t, argv, e)
		if want := fmt.Sprintf("%d/%d", i+1, n); run.Shard != want {
			t.Errorf("%s=%d: --shard %q, want %q", indexVar, i, run.Shard, want)
		}
		if run.ShardGroup != group {
			t.Errorf("%s=%d: --shard-group %q, want %q, the same for every shard", indexVar, i, run.ShardGroup, group)
		}
		if _, err := parseShard(run.Shard); err != nil {
			t.Error(err)
		}
	}
}

func TestKubernetesIndexedJob(t *testing.T) {
	b, err := os.ReadFile("../../docs/shard-groups/kubernetes-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		Kind string
		Spec struct {
			CompletionMode   string `yaml:"completionMode"`
			Completions      int
			Parallelism      int
			PodFailurePolicy struct {
				Rules []struct {
					Action      string
					OnExitCodes *struct {
						Operator string
						Values   []int
					} `yaml:"onExitCodes"`
				}
			} `yaml:"podFailurePolicy"`
			Template struct {
				Spec struct {
					RestartPolicy string `yaml:"restartPolicy"`
					Containers    []struct {
						Name    string
						Command []string
						Args    []string
						Env     []struct {
							Name      string
							Value     *string
							ValueFrom map[string]map[string]string `yaml:"valueFrom"`
						}
					}
				}
			}
		}
	}
	if err := yaml.Unmarshal(b, &job); err != nil {
		t.Fatal(err)
	}
	s := job.Spec
	if job.Kind != "Job" || s.CompletionMode != "Indexed" {
		t.Fatalf("kind %q, completionMode %q: want an Indexed Job, whose pods get JOB_COMPLETION_INDEX", job.Kind, s.CompletionMode)
	}
	if s.Completions < 2 || s.Parallelism != s.Completions {
		t.Errorf("completions %d, parallelism %d: every shard must run at once (they wait for each other)", s.Completions, s.Parallelism)
	}
	if s.Template.Spec.RestartPolicy != "Never" {
		t.Errorf("restartPolicy %q: a pod failure policy needs Never", s.Template.Spec.RestartPolicy)
	}
	verdicts := false
	for _, r := range s.PodFailurePolicy.Rules {
		if r.Action == "FailJob" && r.OnExitCodes != nil && r.OnExitCodes.Operator == "In" {
			verdicts = !slices.ContainsFunc([]int{1, 2, 3, 4, 5}, func(c int) bool { return !slices.Contains(r.OnExitCodes.Values, c) })
		}
	}
	if !verdicts {
		t.Error("switchback's exit codes 1-5 are verdicts: the job must fail on them rather than retry")
	}
	if len(s.Template.Spec.Containers) != 1 {
		t.Fatalf("%d containers, want the switchback one", len(s.Template.Spec.Containers))
	}
	c := s.Template.Spec.Containers[0]
	env := map[string]string{}
	const uid = "6f1a27c4-job-uid"
	for _, e := range c.Env {
		switch {
		case e.Value != nil:
			env[e.Name] = *e.Value
		case strings.Contains(e.ValueFrom["fieldRef"]["fieldPath"], "controller-uid"):
			env[e.Name] = uid
		case e.ValueFrom["secretKeyRef"] != nil:
			env[e.Name] = "from-secret-" + e.ValueFrom["secretKeyRef"]["key"]
		}
	}
	if env["SWITCHBACK_STATE"] != "from-secret-url" {
		t.Errorf("SWITCHBACK_STATE is %q: the shared state's URL must come from a secret", env["SWITCHBACK_STATE"])
	}
	checkShards(t, append(c.Command, c.Args...), env, "JOB_COMPLETION_INDEX", s.Completions, uid)
}

func TestNomadJob(t *testing.T) {
	file, diags := hclparse.NewParser().ParseHCLFile("../../docs/shard-groups/nomad-job.nomad.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	block := func(body *hclsyntax.Body, typ string) *hclsyntax.Block {
		t.Helper()
		for _, b := range body.Blocks {
			if b.Type == typ {
				return b
			}
		}
		t.Fatalf("no %s block", typ)
		return nil
	}
	value := func(body *hclsyntax.Body, name string) cty.Value {
		t.Helper()
		attr := body.Attributes[name]
		if attr == nil {
			t.Fatalf("no attribute %s", name)
		}
		v, diags := attr.Expr.Value(&hcl.EvalContext{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return v
	}
	job := block(file.Body.(*hclsyntax.Body), "job").Body
	if v := value(job, "type"); v.AsString() != "batch" {
		t.Errorf("job type %q, want batch", v.AsString())
	}
	block(job, "parameterized") // each dispatch has a NOMAD_JOB_ID of its own
	group := block(job, "group").Body
	count, _ := value(group, "count").AsBigFloat().Int64()
	if count < 2 {
		t.Fatalf("count %d: a shard group has several shards", count)
	}
	task := block(group, "task").Body
	config := block(task, "config").Body
	argv := []string{value(config, "command").AsString()}
	for _, a := range value(config, "args").AsValueSlice() {
		argv = append(argv, a.AsString())
	}
	env := map[string]string{"NOMAD_JOB_ID": "switchback-rollout/dispatch-1764680000-3f2a9c1d", "SHARDS": value(block(task, "env").Body, "SHARDS").AsString()}
	checkShards(t, argv, env, "NOMAD_ALLOC_INDEX", int(count), env["NOMAD_JOB_ID"])
}
