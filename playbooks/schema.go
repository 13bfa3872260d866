package playbooks

import "github.com/hashicorp/hcl/v2"

var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "playbook"},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "phase", LabelNames: []string{"name"}},
		{Type: "rollout"},
		{Type: "snapshot"},
		{Type: "handler", LabelNames: []string{"name"}},
	},
}

var playbookSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "name", Required: true},
		{Name: "description"},
		{Name: "hosts"},
	},
}

// labelledPlaybookSchema is the header of playbook "name" { ... }, named
// by its label.
var labelledPlaybookSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "name"},
		{Name: "description"},
		{Name: "hosts"},
	},
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"},
		{Name: "default"},
		{Name: "description"},
		{Name: "sensitive"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}},
}

// phaseSchema accepts depends_on and one block per registered step
// type, each labelled with the step's name.
func phaseSchema(stepTypes []string) *hcl.BodySchema {
	s := &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "depends_on"}}}
	for _, t := range stepTypes {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: t, LabelNames: []string{"name"}})
	}
	return s
}
