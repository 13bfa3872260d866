package runner

import (
	"sort"
	"strings"
)

// Masked replaces sensitive values in everything the engine reports.
const Masked = "(sensitive)"

// masker hides secrets in text. Longer secrets are replaced first, so
// that a secret containing another is hidden whole.
type masker struct{ secrets []string }

func newMasker(secrets []string) *masker {
	var kept []string
	for _, s := range secrets {
		if strings.TrimSpace(s) != "" {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return len(kept[i]) > len(kept[j]) })
	return &masker{secrets: kept}
}

func (m *masker) text(s string) string {
	if m == nil {
		return s
	}
	for _, secret := range m.secrets {
		s = strings.ReplaceAll(s, secret, Masked)
	}
	return s
}

// err masks an error's message; the error itself is kept for errors.As
// (an unreachable host stays unreachable).
func (m *masker) err(err error) error {
	if m == nil || err == nil {
		return err
	}
	msg := err.Error()
	if masked := m.text(msg); masked != msg {
		return &maskedError{msg: masked, err: err}
	}
	return err
}

type maskedError struct {
	msg string
	err error
}

func (e *maskedError) Error() string { return e.msg }
func (e *maskedError) Unwrap() error { return e.err }

// event masks the text an event carries.
func (m *masker) event(ev Event) Event {
	if m == nil || len(m.secrets) == 0 {
		return ev
	}
	switch e := ev.(type) {
	case StepFinished:
		e.Diff, e.Reason, e.Err = m.text(e.Diff), m.text(e.Reason), m.err(e.Err)
		return e
	case HostFinished:
		e.Err = m.err(e.Err)
		return e
	case Halted:
		e.Reason = m.text(e.Reason)
		return e
	case RollbackFinished:
		e.Err = m.err(e.Err)
		return e
	}
	return ev
}
