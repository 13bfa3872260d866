package modules

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// What the user and group steps share: reading /etc/passwd and
// /etc/group in one round trip.

type passwdEntry struct {
	Name     string
	UID, GID int
	Home     string
	Shell    string
}

type groupEntry struct {
	Name    string
	GID     int
	Members []string
}

type accounts struct {
	users  map[string]passwdEntry
	groups []groupEntry
}

// accountName is a user or group name: letters, digits, . _ -, not
// starting with - (BusyBox's rule) nor with a digit (so that a name is
// never mistaken for an id), optionally ending in $ as machine accounts do.
var accountName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9._-]*\$?$`)

// maxAccountName is the longest name utmp records keep, and so the
// longest that every tool on the host handles.
const maxAccountName = 32

const accountsMarker = "--switchback-group--"

const accountsScript = "cat /etc/passwd && echo " + accountsMarker + " && cat /etc/group"

func readAccounts(ctx context.Context, h hostcmd.Host) (accounts, error) {
	out, err := h.Run(ctx, accountsScript)
	if err != nil {
		return accounts{}, err
	}
	if out.ExitCode != 0 {
		return accounts{}, commandFailed("reading /etc/passwd and /etc/group", out)
	}
	return parseAccounts(out.Stdout)
}

func parseAccounts(s string) (accounts, error) {
	passwd, group, ok := strings.Cut(s, accountsMarker+"\n")
	if !ok {
		return accounts{}, fmt.Errorf("unexpected output from the host while reading accounts: %q", hostcmd.LastLines(s, 3))
	}
	a := accounts{users: map[string]passwdEntry{}}
	for _, line := range strings.Split(passwd, "\n") {
		f := strings.Split(line, ":")
		if len(f) < 7 {
			continue // blank, or not an entry adduser would have written
		}
		uid, err1 := strconv.Atoi(f[2])
		gid, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			continue
		}
		a.users[f[0]] = passwdEntry{Name: f[0], UID: uid, GID: gid, Home: f[5], Shell: f[6]}
	}
	for _, line := range strings.Split(group, "\n") {
		f := strings.Split(line, ":")
		if len(f) < 4 {
			continue
		}
		gid, err := strconv.Atoi(f[2])
		if err != nil {
			continue
		}
		g := groupEntry{Name: f[0], GID: gid}
		for _, m := range strings.Split(f[3], ",") {
			if m = strings.TrimSpace(m); m != "" {
				g.Members = append(g.Members, m)
			}
		}
		a.groups = append(a.groups, g)
	}
	return a, nil
}

func (a accounts) group(name string) (groupEntry, bool) {
	for _, g := range a.groups {
		if g.Name == name {
			return g, true
		}
	}
	return groupEntry{}, false
}

func (a accounts) groupByID(gid int) (groupEntry, bool) {
	for _, g := range a.groups {
		if g.GID == gid {
			return g, true
		}
	}
	return groupEntry{}, false
}

// checkAccountName says what is wrong with a user or group name, or "".
func checkAccountName(kind, name string) string {
	switch {
	case name == "":
		return kind + " name is empty"
	case len(name) > maxAccountName:
		return fmt.Sprintf("%q is longer than %d characters", name, maxAccountName)
	case !accountName.MatchString(name):
		return fmt.Sprintf("%q is not a valid %s name (letters, digits, . _ -, not starting with a digit or -)", name, kind)
	}
	return ""
}
