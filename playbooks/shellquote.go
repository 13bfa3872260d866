package playbooks

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/switchbackhq/switchback/internal/shell"
)

// shellQuoteFunc quotes a value as one word for the host's POSIX shell,
// so that variables can be put into command lines safely:
// run = "echo ${shellquote(var.motd)} > /etc/motd".
var shellQuoteFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(shell.Quote(args[0].AsString())), nil
	},
})
