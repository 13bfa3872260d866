package ash

import (
	"slices"
	"testing"
)

// TestSituations: the situation keys are given where the script shows the
// situation, and only there.
func TestSituations(t *testing.T) {
	cases := []struct {
		script string
		want   []string // keys that must be there
		not    []string // keys that must not
	}{
		{"cp a b\n", nil, []string{"applet cp :onto-existing", "applet cp :same-file", "applet cp :umask"}},
		{"cp a \"$d\"\nchmod 600 \"$d\"\n", nil, []string{"applet cp :onto-existing"}},
		{"chmod 600 \"$d\"\ncp a $d\n", []string{"applet cp :onto-existing"}, nil},
		{"echo x > /etc/app.conf\nchmod 600 /etc/app.conf\ninstall -m 644 new /etc/app.conf\n", []string{"applet install -m :onto-existing"}, []string{"applet install :onto-existing"}},
		// A file created with the default umask has the mode a copy gives
		// it: copying onto it changes nothing.
		{"echo x > /etc/app.conf\ninstall new /etc/app.conf\n", nil, []string{"applet install :onto-existing"}},
		{"echo x > b\ncp a b\ncp a b\n", nil, []string{"applet cp :onto-existing"}},
		{"umask 077\necho x > b\ncp a b\n", []string{"applet cp :onto-existing"}, nil},
		{"chmod 600 a\necho x > b\ncp a b\n", []string{"applet cp :onto-existing"}, nil},
		// Into a directory, the file written is the source's name there.
		{"chmod 600 a\ncp a .\ncp b .\n", nil, []string{"applet cp :onto-existing"}},
		{"mkdir -p out\nchmod 600 out/a\ncp a out\n", []string{"applet cp :onto-existing"}, nil},
		{"cp -p a b\ncp c b\n", []string{"applet cp :onto-existing"}, nil},
		// A path moved away or removed is no longer there to copy onto.
		{"echo x > h.bak\nmv h.bak h\ncp h h.bak\n", nil, []string{"applet cp :onto-existing"}},
		{"echo x > h.bak\nrm -f h.bak\ncp h h.bak\n", nil, []string{"applet cp :onto-existing"}},
		{"echo x > h.bak\nchmod 600 h.bak\nmv h.bak h\ncp a h\n", []string{"applet cp :onto-existing"}, nil},
		{"mv \"$f\" $f\n", []string{"applet mv :same-file"}, nil},
		{"mv \"$f\" \"$f.bak\"\n", nil, []string{"applet mv :same-file"}},
		{"mkdir out\numask 077\n", nil, []string{"applet mkdir :umask"}},
		{"umask 077\nmkdir out\n", []string{"applet mkdir :umask"}, nil},
		{"umask\nmkdir out\n", nil, []string{"applet mkdir :umask"}},
		{"clear\n", []string{"applet clear :no-TERM"}, nil},
		{"export TERM=xterm\nclear\n", nil, []string{"applet clear :no-TERM"}},
		{"TZ=UTC date\n", nil, []string{"applet date :TZ"}},
		{"export TZ=America/New_York\ndate +%H\n", []string{"applet date :TZ"}, nil},
	}
	for _, c := range cases {
		keys := scriptKeys([]byte(c.script))
		for _, k := range c.want {
			if surface.byKey[k] == nil {
				t.Fatalf("%s: not in the surface table", k)
			}
			if !slices.Contains(keys, k) {
				t.Errorf("%q: no %s (keys %q)", c.script, k, keys)
			}
		}
		for _, k := range c.not {
			if slices.Contains(keys, k) {
				t.Errorf("%q: %s, which the script does not show", c.script, k)
			}
		}
	}
}
