package snapshot

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Type is one snapshot provider as a playbook names it (snapshot {
// provider = "btrfs" ... }) and as the state store recorded it. A new
// provider is one file holding the provider and its Type, plus one line
// in Builtin; the playbook loader and rollback know providers only
// through this list.
//
// Types are free of the playbook language: the loader decodes a block's
// settings by their declared shape and hands them over as a Body, as
// Terraform's core decodes a backend's configuration against the schema
// the backend declares.
type Type struct {
	Name string
	// About says what the provider is, in the list an unknown provider
	// name is answered with.
	About string
	// Settings are what a snapshot block may give this provider, besides
	// provider itself.
	Settings []Setting
	// Decode builds the provider from a snapshot block's settings,
	// reporting what is wrong with them through b.Invalid. Its result is
	// not used when anything was reported.
	Decode func(b Body) Provider
	// FromRecord rebuilds the provider that restores and deletes s, from
	// what its Take recorded with it (Snapshot.Settings).
	FromRecord func(s *Snapshot) Provider
}

// Setting is one attribute of a snapshot block.
type Setting struct {
	Name string
	// List is a list of strings; otherwise the value is one string.
	List bool
	// Required shows how to write the setting, for the error when a
	// block leaves it out; "" for an optional one.
	Required string
}

// Body is a snapshot block as the playbook loader read it: the settings
// it gave, each already decoded to its declared shape.
type Body interface {
	// String is the value of a string setting; false when the block does
	// not give it or it did not decode (which the loader reported).
	String(name string) (string, bool)
	// Strings is the value of a list setting, likewise.
	Strings(name string) ([]string, bool)
	// Invalid reports what is wrong with the value of setting name.
	Invalid(name, summary, detail string)
	// Writes are the paths the playbook's steps say they write.
	Writes() []string
}

// Types is a list of snapshot providers.
type Types []Type

// Builtin lists every snapshot provider switchback ships, in one place.
func Builtin() Types {
	return Types{
		FilesType(),
		BtrfsType(),
		VagrantType(),
		CommandType(),
	}
}

// Lookup finds the provider a name stands for.
func (ts Types) Lookup(name string) (Type, bool) {
	i := slices.IndexFunc(ts, func(t Type) bool { return t.Name == name })
	if i < 0 {
		return Type{}, false
	}
	return ts[i], true
}

// ForSnapshot builds the provider that restores and deletes s, from what
// was recorded with it. A snapshot recorded without a provider name was
// taken by the files provider.
func (ts Types) ForSnapshot(s *Snapshot) (Provider, error) {
	name := s.Provider
	if name == "" {
		name = "files"
	}
	t, ok := ts.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("snapshot of run %s was taken by provider %q, which this switchback does not know", s.RunID, s.Provider)
	}
	return t.FromRecord(s), nil
}

// validPaths reports each path of a list setting that validate refuses,
// and returns the list.
func validPaths(b Body, setting string, validate func(string) error, what string) []string {
	paths, _ := b.Strings(setting)
	for _, p := range paths {
		if err := validate(p); err != nil {
			b.Invalid(setting, "Invalid snapshot "+setting, capitalize(err.Error())+"; give absolute paths of "+what+".")
		}
	}
	return paths
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// nonEmpty reports a command setting given as blank text.
func nonEmpty(b Body, setting, hint string) string {
	v, ok := b.String(setting)
	if ok && strings.TrimSpace(v) == "" {
		b.Invalid(setting, "Empty snapshot command", fmt.Sprintf("%s is empty; %s", setting, hint))
	}
	return v
}
