package ash

import (
	"bytes"
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// The situations an applet meets rather than is given (probed as
// "applet NAME :situation"): what a script shows of them.
//
//   - :same-file: cp, mv, ln, install or link given the same path as source
//     and destination;
//   - :onto-existing: a destination the script wrote before (a
//     redirection, touch, an earlier copy) that has a mode of its own, or
//     a source that has: one the script gave with chmod, a file created
//     under a umask, or written by a call with options (cp -p, install
//     -m). A file created with the default umask has the mode a copy
//     gives it, so copying onto it changes nothing;
//   - :umask: a file created after the script set a umask;
//   - :no-TERM: clear, unless the script sets TERM itself (cron and ssh
//     without a terminal give it none);
//   - :TZ: date in a script that sets TZ to a zone name, for which a base
//     Alpine has no data.

// situationState is what the keyer has seen of a script so far.
type situationState struct {
	written  map[string]bool // paths written or given a mode, as the script spells them
	moded    map[string]bool // of those, the ones with a mode of their own
	dirs     map[string]bool // directories the script makes
	umask    bool
	setsTERM bool
	zoneTZ   bool
}

func newSituationState(f *syntax.File) situationState {
	s := situationState{written: map[string]bool{}, moded: map[string]bool{}, dirs: map[string]bool{}}
	syntax.Walk(f, func(n syntax.Node) bool {
		if as, ok := n.(*syntax.Assign); ok && as.Name != nil {
			switch as.Name.Value {
			case "TERM":
				s.setsTERM = true
			case "TZ":
				v := ""
				if as.Value != nil {
					v = partial(as.Value)
				}
				if strings.Contains(v, "/") || strings.Contains(v, unknown) {
					s.zoneTZ = true
				}
			}
		}
		return true
	})
	return s
}

// pathText is a word as the script spells it, quotes aside, so that
// "$conf" and $conf name the same file.
func pathText(w *syntax.Word) string {
	var b bytes.Buffer
	if err := syntax.NewPrinter().Print(&b, w); err != nil {
		return ""
	}
	return strings.NewReplacer(`"`, "", `'`, "").Replace(b.String())
}

// operands are a command's arguments that are not options.
func operands(words []*syntax.Word) []*syntax.Word {
	var out []*syntax.Word
	opts := true
	for _, w := range words {
		a := partial(w)
		switch {
		case opts && a == "--":
			opts = false
		case opts && len(a) > 1 && a[0] == '-':
		default:
			out = append(out, w)
		}
	}
	return out
}

// situations adds the situation keys of an applet's call, then records
// what the call writes.
func (k *keyer) situations(c *syntax.CallExpr, name string) {
	s := &k.situation
	has := func(what string) bool { return surface.byKey["applet "+name+" :"+what] != nil }
	ops := operands(c.Args[1:])
	if name == "chmod" && len(ops) > 1 {
		for _, w := range ops[1:] {
			s.written[pathText(w)] = true
			s.moded[pathText(w)] = true
		}
	}
	if name == "rm" {
		for _, w := range ops {
			delete(s.written, pathText(w))
			delete(s.moded, pathText(w))
		}
	}
	if name == "touch" {
		for _, w := range ops {
			s.create(pathText(w))
		}
	}
	if name == "mkdir" {
		for _, w := range ops {
			s.dirs[pathText(w)] = true
		}
	}
	if name == "umask" && len(c.Args) > 1 {
		s.umask = true
	}
	if name == "clear" && !s.setsTERM && has("no-TERM") {
		k.add(c.Pos(), "applet clear :no-TERM")
	}
	if name == "date" && s.zoneTZ && has("TZ") {
		k.add(c.Pos(), "applet date :TZ")
	}
	if s.umask && has("umask") {
		k.add(c.Pos(), "applet "+name+" :umask")
	}
	if len(ops) == 0 {
		return
	}
	dest := pathText(ops[len(ops)-1])
	for _, w := range ops[:len(ops)-1] {
		if pathText(w) == dest && has("same-file") {
			k.add(c.Pos(), "applet "+name+" :same-file")
			break
		}
	}
	// Into a directory, each source is written under its own name.
	srcs := ops[:len(ops)-1]
	dests := []string{dest}
	if writesFileLast[name] && s.isDir(dest) {
		dests = nil
		for _, w := range srcs {
			dests = append(dests, strings.TrimSuffix(dest, "/")+"/"+path.Base(pathText(w)))
		}
	}
	modes := false
	for _, w := range srcs {
		modes = modes || s.moded[pathText(w)]
	}
	onto := false
	for _, d := range dests {
		onto = onto || s.written[d] && (modes || s.moded[d])
	}
	if onto && has("onto-existing") {
		// With options, the probes of those options in the situation
		// say what becomes of the destination.
		opts := situationOptions(c.Args[1:])
		found := false
		for _, o := range opts {
			if key := "applet " + name + " " + o + " :onto-existing"; surface.byKey[key] != nil {
				k.add(c.Pos(), key)
				found = true
			}
		}
		if !found && len(opts) == 0 {
			k.add(c.Pos(), "applet "+name+" :onto-existing")
		}
	}
	if name == "mv" {
		// The sources are gone: a later copy onto one of their paths
		// creates the file.
		for _, w := range ops[:len(ops)-1] {
			delete(s.written, pathText(w))
			delete(s.moded, pathText(w))
		}
	}
	if writesFileLast[name] {
		for _, d := range dests {
			s.create(d)
			// A copy that keeps or sets a mode (cp -p, install -m, mv)
			// gives the file one of its own.
			if modes || len(situationOptions(c.Args[1:])) > 0 {
				s.moded[d] = true
			}
		}
	}
}

// create records a file the script creates: under a umask, with a mode
// of its own.
func (s *situationState) create(p string) {
	s.written[p] = true
	if s.umask {
		s.moded[p] = true
	}
}

// isDir says whether a destination is a directory: one the script
// makes, ".", "..", or a path ending in "/".
func (s *situationState) isDir(p string) bool {
	return s.dirs[p] || p == "." || p == ".." || p == "~" || strings.HasSuffix(p, "/")
}

// situationOptions names a call's options as the probes do: --name
// without its value, and each letter of -abc.
func situationOptions(words []*syntax.Word) []string {
	var out []string
	for _, w := range words {
		a := partial(w)
		switch {
		case a == "--":
			return out
		case strings.HasPrefix(a, "--"):
			name, _, _ := strings.Cut(a, "=")
			out = append(out, name)
		case len(a) > 1 && a[0] == '-' && !strings.Contains(a, unknown):
			for _, l := range a[1:] {
				out = append(out, "-"+string(l))
			}
		}
	}
	return out
}

// writesLast are the applets whose last operand is a file they write.
var writesLast = map[string]bool{"cp": true, "mv": true, "install": true, "ln": true, "link": true,
	"mkdir": true, "mkfifo": true, "tee": true}

// writesFileLast are those whose last operand is a file, not a directory.
var writesFileLast = map[string]bool{"cp": true, "mv": true, "install": true, "ln": true, "link": true, "tee": true}

// redirected records a file a redirection writes.
func (k *keyer) redirected(r *syntax.Redirect) {
	switch r.Op {
	case syntax.RdrOut, syntax.AppOut, syntax.RdrClob, syntax.RdrAll, syntax.AppAll:
		if r.Word != nil {
			k.situation.create(pathText(r.Word))
		}
	}
}

// situationWords say a situation in a message: "cp onto a file that
// exists".
var situationWords = map[string]string{
	"same-file":     "with the same file as source and destination",
	"onto-existing": "onto a file that exists",
	"umask":         "under a umask",
	"no-TERM":       "without TERM (as under cron or ssh without a terminal)",
	"TZ":            "with TZ naming a zone (a base Alpine has no zone data: apk add tzdata)",
}

// situationSuggestions say how to write a situation so that both tools
// do the same.
var situationSuggestions = map[string]string{
	"same-file":     "skip the call when source and destination are the same file",
	"onto-existing": "write over the file with `cat SRC > DEST`, which keeps its mode under both, or `chmod` it after the copy",
	"umask":         "give the file its mode explicitly (`chmod`, `install -m MODE`)",
	"no-TERM":       "clear only on a terminal (`[ -t 1 ] && clear`), or set TERM (`TERM=${TERM:-dumb}`)",
	"TZ":            "install tzdata on the host (apk add tzdata), or work in UTC",
}

// situationSuggestion is the suggestion for a situation key, if it is one.
func situationSuggestion(key string) string {
	_, situation, ok := strings.Cut(key, " :")
	if !ok {
		return ""
	}
	return situationSuggestions[situation]
}
