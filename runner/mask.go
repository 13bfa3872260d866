package runner

import "github.com/switchbackhq/switchback/internal/redact"

// Masked replaces sensitive values in everything the engine reports.
const Masked = redact.Masked

// masker hides secrets in the events the engine reports: in every form
// they take in text (see package redact), and in diffs whole.
type masker struct{ r *redact.Redactor }

func newMasker(secrets []string) *masker {
	return &masker{r: redact.New(secrets)}
}

func (m *masker) text(s string) string {
	if m == nil {
		return s
	}
	return m.r.Text(s)
}

// diff hides a step's diff: whole when the step uses a secret or the
// diff shows one.
func (m *masker) diff(d string, stepUsesSecret bool) string {
	if stepUsesSecret {
		d = redact.HideContents(d)
	}
	if m == nil {
		return d
	}
	return m.r.Diff(d, false)
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
	if m == nil || m.r.Empty() {
		return ev
	}
	switch e := ev.(type) {
	case StepFinished:
		e.Diff, e.Reason, e.Err = m.diff(e.Diff, false), m.text(e.Reason), m.err(e.Err)
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
