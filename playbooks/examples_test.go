package playbooks_test

import (
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
)

// TestExamplesAreValid keeps every shipped example loadable.
func TestExamplesAreValid(t *testing.T) {
	files, _ := filepath.Glob("examples/*.hcl")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, path := range files {
		l := &playbooks.Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin()}
		if _, diags := l.Load(path, nil); diags.HasErrors() {
			t.Errorf("%s: %s", path, diags.Error())
		}
	}
}
