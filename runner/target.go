package runner

import (
	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/runner/transport"
)

// TargetFor is what the transport needs of an inventory host. Port and
// user are passed only when the inventory set them, so that ssh_config
// can fill in the rest.
func TargetFor(h *inventory.Host) transport.Target {
	t := transport.Target{Name: h.Name, Address: h.Address, IdentityFile: h.IdentityFile, Jump: h.Jump}
	if h.PortGiven {
		t.Port = h.Port
	}
	if h.UserGiven {
		t.User = h.User
	}
	return t
}
