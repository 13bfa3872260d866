package runner

import (
	"fmt"
	"unicode/utf8"
)

// maxErrorText bounds the text of an error in an event. Errors carry what
// a host printed (a failed command's last lines), and a host can print
// one line of megabytes: every report and the state store would hold it.
// The end of the text says most about a failure, so most of it is kept.
const (
	maxErrorText = 8 << 10
	errorHead    = 1 << 10
)

// capText shortens s to about maxErrorText bytes, keeping its beginning
// and most of its end, cut at character boundaries.
func capText(s string) string {
	if len(s) <= maxErrorText {
		return s
	}
	head, tail := errorHead, len(s)-(maxErrorText-errorHead)
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + fmt.Sprintf("\n[... %d bytes not shown ...]\n", tail-head) + s[tail:]
}

func capErr(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if capped := capText(msg); capped != msg {
		return &maskedError{msg: capped, err: err}
	}
	return err
}

// capEvent bounds the error texts an event carries. It runs after
// masking, so that no secret is cut in two and shown in part.
func capEvent(ev Event) Event {
	switch e := ev.(type) {
	case StepFinished:
		e.Err, e.Reason = capErr(e.Err), capText(e.Reason)
		return e
	case HostFinished:
		e.Err = capErr(e.Err)
		return e
	case Halted:
		e.Reason = capText(e.Reason)
		return e
	case RollbackFinished:
		e.Err = capErr(e.Err)
		return e
	}
	return ev
}
