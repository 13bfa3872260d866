package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
)

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"bogus"}, {"up", "--bogus"}} {
		var out, errOut bytes.Buffer
		if err := run(args, &out, &errOut); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
	var out, errOut bytes.Buffer
	err := run([]string{"status", "--name", "no-such-fleet"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "no fleet no-such-fleet") {
		t.Errorf("status of a missing fleet: %v", err)
	}
}

func TestUpStatusDown(t *testing.T) {
	name := fmt.Sprintf("cli-test-%d", os.Getpid())
	var out bytes.Buffer
	err := run([]string{"up", "-n", "2", "--name", name}, &out, &out)
	if errors.Is(err, fleet.ErrUnavailable) {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	t.Cleanup(func() { _ = fleet.Down(fleet.FleetDir(name)) })
	if err != nil {
		t.Fatalf("up: %v\n%s", err, &out)
	}
	for _, want := range []string{"inventory.hcl", "known_hosts", "id_ed25519", "host-01", "host-02  127.83."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("up output lacks %q:\n%s", want, &out)
		}
	}
	out.Reset()
	if err := run([]string{"status", "--name", name}, &out, &out); err != nil || strings.Count(out.String(), "running") != 2 {
		t.Errorf("status: %v\n%s", err, &out)
	}
	if err := run([]string{"down", "--name", name}, &out, &out); err != nil {
		t.Fatalf("down: %v", err)
	}
	if _, err := os.Stat(fleet.FleetDir(name)); !os.IsNotExist(err) {
		t.Errorf("fleet dir after down: %v", err)
	}
	if err := run([]string{"down", "--name", name}, &out, &out); err != nil {
		t.Errorf("second down: %v", err)
	}
}
