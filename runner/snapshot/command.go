package snapshot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Command snapshots hosts with commands the playbook gives: a cloud's or
// a hypervisor's snapshot tool, say. The commands run through /bin/sh on
// the controller, or on the host with OnHost, and find what they act on
// in the environment:
//
//	SWITCHBACK_HOST      the host's inventory name
//	SWITCHBACK_ADDRESS   the address switchback connects to
//	SWITCHBACK_RUN       the run id
//	SWITCHBACK_SNAPSHOT  for save, a name to give the snapshot
//	                     ("switchback-<run>"); for restore and delete, the
//	                     last line save printed, or that name if it
//	                     printed nothing (a cloud's snapshot id, say)
//
// Values are passed as environment variables, not pasted into the
// command, so a host name never needs quoting; quote the variables
// themselves ("$SWITCHBACK_HOST"). A command that exits non-zero fails
// the snapshot, or the restore. The provider cannot check that a
// snapshot was not modified since: that is up to the restore command.
type Command struct {
	SaveCommand, RestoreCommand, DeleteCommand string
	OnHost                                     bool

	// Dir is where controller-side commands run (default: the current
	// directory); it is recorded, so a later rollback runs them there too.
	Dir string
}

var _ Provider = (*Command)(nil)

// CommandType is the command provider.
func CommandType() Type {
	return Type{
		Name: "command", About: "commands of your own, on the controller or the host",
		Settings: []Setting{{Name: "save", Required: `save = "..."`}, {Name: "restore", Required: `restore = "..."`}, {Name: "delete"}, {Name: "on"}},
		Decode: func(b Body) Provider {
			const hint = "give the shell command, or leave out delete if snapshots are removed another way."
			c := &Command{SaveCommand: nonEmpty(b, "save", hint), RestoreCommand: nonEmpty(b, "restore", hint), DeleteCommand: nonEmpty(b, "delete", hint)}
			if on, ok := b.String("on"); ok {
				if on != "controller" && on != "host" {
					b.Invalid("on", "Invalid value for on", fmt.Sprintf("on = %q: the commands run on \"controller\" (the default) or on the \"host\".", on))
				}
				c.OnHost = on == "host"
			}
			return c
		},
		FromRecord: func(s *Snapshot) Provider {
			return &Command{RestoreCommand: s.Settings["restore"], DeleteCommand: s.Settings["delete"], OnHost: s.Settings["on"] == "host", Dir: s.Settings["dir"]}
		},
	}
}

func (c *Command) onController() bool { return !c.OnHost }

// Take runs the save command and records the restore and delete
// commands, and where controller-side commands run, with the snapshot.
func (c *Command) Take(ctx context.Context, t Target, runID string) (*Snapshot, error) {
	if !runIDPattern.MatchString(runID) {
		return nil, fmt.Errorf("run id %q cannot name a snapshot", runID)
	}
	settings := map[string]string{"restore": c.RestoreCommand, "delete": c.DeleteCommand, "on": "controller"}
	if c.OnHost {
		settings["on"] = "host"
	} else {
		dir := c.Dir
		if dir == "" {
			var err error
			if dir, err = os.Getwd(); err != nil {
				return nil, fmt.Errorf("finding the directory to run snapshot commands in: %w", err)
			}
		}
		settings["dir"] = dir
	}
	name := "switchback-" + runID
	out, err := c.run(ctx, t, runID, name, c.SaveCommand, "the snapshot's save command")
	if err != nil {
		return nil, err
	}
	if id := lastLine(out); id != "" {
		name = id
	}
	return &Snapshot{Provider: "command", RunID: runID, Location: name, Settings: settings}, nil
}

// Restore runs the restore command.
func (c *Command) Restore(ctx context.Context, t Target, s *Snapshot) error {
	if c.RestoreCommand == "" {
		return fmt.Errorf("the snapshot of run %s was recorded without a restore command", s.RunID)
	}
	_, err := c.run(ctx, t, s.RunID, s.Location, c.RestoreCommand, "the snapshot's restore command")
	return err
}

// Delete runs the delete command; without one there is nothing switchback
// can delete.
func (c *Command) Delete(ctx context.Context, t Target, s *Snapshot) error {
	if c.DeleteCommand == "" {
		return fmt.Errorf("the playbook gave no delete command for snapshot %s: delete it by hand", s.Location)
	}
	_, err := c.run(ctx, t, s.RunID, s.Location, c.DeleteCommand, "the snapshot's delete command")
	return err
}

func (c *Command) run(ctx context.Context, t Target, runID, snapshot, command, what string) (string, error) {
	vars := [][2]string{
		{"SWITCHBACK_HOST", t.Name},
		{"SWITCHBACK_ADDRESS", t.Address},
		{"SWITCHBACK_RUN", runID},
		{"SWITCHBACK_SNAPSHOT", snapshot},
	}
	if c.OnHost {
		var export strings.Builder
		export.WriteString("export")
		for _, v := range vars {
			export.WriteString(" " + v[0] + "=" + shell.Quote(v[1]))
		}
		out, err := run(ctx, t.Host, export.String()+"\n"+command, what)
		return out.Stdout, err
	}
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", command)
	cmd.Dir = c.Dir
	cmd.Env = os.Environ()
	for _, v := range vars {
		cmd.Env = append(cmd.Env, v[0]+"="+v[1])
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return "", fmt.Errorf("running %s on the controller: %w", what, err)
		}
		return "", &hostcmd.Error{Msg: what + " failed on the controller",
			Output: hostcmd.Output{Stdout: stdout.String(), Stderr: stderr.String(), ExitCode: exit.ExitCode()}}
	}
	return stdout.String(), nil
}

func lastLine(s string) string {
	l := lines(s)
	if len(l) == 0 {
		return ""
	}
	return l[len(l)-1]
}
