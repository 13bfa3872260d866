package runner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/runner/rollout"
)

// leakyStep plans a diff and fails with an error that both quote a secret.
type leakyStep struct{ secret string }

func (s leakyStep) Summary() string { return "leaky" }
func (s leakyStep) Check(context.Context, hostcmd.Host) (modules.Plan, error) {
	return modules.Change("+ password="+s.secret+"\n", nil), nil
}
func (s leakyStep) Apply(context.Context, hostcmd.Host, modules.Plan) error {
	return &hostcmd.Error{Msg: "login failed", Output: hostcmd.Output{Stderr: "bad password " + s.secret, ExitCode: 1}}
}

func TestSecretsAreMaskedInEvents(t *testing.T) {
	const secret = "hunter2-s3cret"
	rec := &recorder{}
	e := &Engine{Dialer: &fakeDialer{}, Observer: rec, Secrets: []string{secret, "", "  "}}
	recap := e.Run(context.Background(), playbook(leakyStep{secret: secret}), hosts("h1"), rollout.Route{})
	if recap.ExitCode() != ExitFailed {
		t.Fatalf("exit %d, want %d", recap.ExitCode(), ExitFailed)
	}
	seen := 0
	for _, ev := range rec.events {
		text := fmt.Sprintf("%+v", ev)
		if sf, ok := ev.(StepFinished); ok && sf.Err != nil {
			text += sf.Err.Error()
			var stepErr *hostcmd.Error
			if !errors.As(sf.Err, &stepErr) {
				t.Error("masking lost the error's type")
			}
		}
		if hf, ok := ev.(HostFinished); ok && hf.Err != nil {
			text += hf.Err.Error()
		}
		if strings.Contains(text, secret) {
			t.Errorf("%T leaks the secret: %s", ev, text)
		}
		seen += strings.Count(text, Masked)
	}
	if seen == 0 {
		t.Error("nothing was masked: the test proves nothing")
	}
	if err := recap.Hosts[0].Err; err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("recap error %v leaks the secret", err)
	}
}

func TestMaskerPrefersLongerSecrets(t *testing.T) {
	m := newMasker([]string{"abcd", "abcdefg"})
	if got := m.text("x abcdefg y abcd"); got != "x "+Masked+" y "+Masked {
		t.Errorf("got %q", got)
	}
}
