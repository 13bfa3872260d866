// Package transport connects to hosts. SSH is the only transport today;
// the runner sees it through the Dialer and Conn interfaces so that tests
// of pure engine logic and later transports need no SSH server.
package transport

import (
	"context"
	"errors"
	"fmt"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Target is where and as whom to connect, as the inventory says it.
// Empty fields (a zero Port) are left to ssh_config and the defaults.
type Target struct {
	Name         string
	Address      string
	Port         int
	User         string
	IdentityFile string
	// Jump is the inventory's jump host list: [user@]host[:port], several
	// separated by commas, outermost first.
	Jump string
}

// Dialer opens connections.
type Dialer interface {
	Dial(ctx context.Context, t Target) (Conn, error)
}

// Conn is one open connection to a host, reused for every command the
// run sends there.
type Conn interface {
	hostcmd.Host
	Close() error
}

// UnreachableError says the host could not be reached, or was lost: the
// runner reports such a host as unreachable rather than failed.
type UnreachableError struct {
	Host string
	Err  error
}

func (e *UnreachableError) Error() string { return fmt.Sprintf("%s: %v", e.Host, e.Err) }
func (e *UnreachableError) Unwrap() error { return e.Err }

// IsUnreachable reports whether err means the host was not reachable.
func IsUnreachable(err error) bool {
	var u *UnreachableError
	return errors.As(err, &u)
}
