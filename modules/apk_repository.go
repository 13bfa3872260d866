package modules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// ApkRepository keeps one line of /etc/apk/repositories present or
// absent, leaving every other line as it is.
type ApkRepository struct {
	Repository string
	line       *Line
}

var _ Module = (*ApkRepository)(nil)

// Writes is the repositories file.
func (m *ApkRepository) Writes() []string { return []string{apkRepositoriesFile} }

type apkRepositoryConfig struct {
	Repository string  `hcl:"repository"`
	State      *string `hcl:"state,optional"`
}

// ApkRepositoryType registers the apk_repository step.
func ApkRepositoryType() Type {
	return Type{Name: "apk_repository", Decode: decodeApkRepository}
}

func decodeApkRepository(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg apkRepositoryConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	state := "present"
	if cfg.State != nil {
		state = *cfg.State
	}
	r := cfg.Repository
	if r == "" || strings.ContainsAny(r, "\n\r\x00") || strings.TrimSpace(r) != r || strings.HasPrefix(r, "#") {
		diags = append(diags, attrError(body, "repository", "Invalid repository",
			fmt.Sprintf("%q is not a repository line: give a URL or an absolute path, optionally after an @tag (\"@edge https://…\").", r)))
	}
	if state != "present" && state != "absent" {
		diags = append(diags, attrError(body, "state", "Invalid repository state",
			fmt.Sprintf("state is %q; use \"present\" or \"absent\".", state)))
	}
	return &ApkRepository{Repository: r, line: &Line{Path: apkRepositoriesFile, Line: r, State: state, Create: true}}, diags
}

func (m *ApkRepository) Summary() string {
	return "apk repository " + m.Repository + " " + m.line.State
}

func (m *ApkRepository) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	return m.line.Check(ctx, h)
}

func (m *ApkRepository) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	return m.line.Apply(ctx, h, p)
}
