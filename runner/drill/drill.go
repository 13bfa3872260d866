// Package drill rehearses rollbacks: a fingerprint of a host's whole
// filesystem taken before a run is compared with one taken after the
// run was rolled back, and what did not come back is listed with the
// snapshot paths that would have saved it.
package drill

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Skipped are what a fingerprint leaves out: what the kernel and running
// processes own, caches, logs, mounted media, and switchback's own state.
var Skipped = []string{"/proc", "/sys", "/dev", "/run", "/tmp", "/var/tmp", "/var/run", "/var/lock", "/var/cache",
	"/var/log", "/var/lib/switchback", "/mnt", "/media"}

// Fingerprint describes every entry of the host's filesystem but
// Skipped: type and mode, owner, link count, and for a file its size and
// sha256, for a link its target. Keys are absolute paths, any bytes.
type Fingerprint map[string]string

// Take reads the host's fingerprint in two walks (metadata, then the
// content of regular files). Records are separated by a random token,
// so names may hold newlines.
func Take(ctx context.Context, h hostcmd.Host) (Fingerprint, error) {
	var b [12]byte
	_, _ = rand.Read(b[:])
	tok := "@fp" + hex.EncodeToString(b[:])
	var prune []string
	for _, s := range Skipped {
		prune = append(prune, "-path "+shell.Quote(s))
	}
	walk := `find / \( ` + strings.Join(prune, " -o ") + ` -o -name '.switchback-restore.*' \) -prune -o `
	script := `T=` + tok + `
` + walk + `-exec sh -c 'T=$1; shift; stat -c "$T %f %u %g %h %s|%n|%N" -- "$@"' sh "$T" {} + 2>/dev/null
echo "$T sums"
` + walk + `-type f -exec sh -c 'T=$1; shift; for f do printf "%s " "$T"; sha256sum < "$f" | cut -c1-64; printf "%s\n" "$f"; done' sh "$T" {} + 2>/dev/null
exit 0
`
	var out []byte
	if st, ok := h.(transport.Streamer); ok {
		var buf bytes.Buffer
		o, err := st.Stream(ctx, script, &buf)
		if err != nil {
			return nil, err
		}
		if o.ExitCode != 0 {
			return nil, &hostcmd.Error{Msg: "taking a fingerprint failed", Output: o}
		}
		out = buf.Bytes()
	} else {
		o, err := h.Run(ctx, script)
		if err != nil {
			return nil, err
		}
		if o.ExitCode != 0 {
			return nil, &hostcmd.Error{Msg: "taking a fingerprint failed", Output: o}
		}
		out = []byte(o.Stdout)
	}
	return parse(string(out), tok)
}

// parse reads what Take's script printed.
func parse(out, tok string) (Fingerprint, error) {
	meta, sums, ok := strings.Cut(out, tok+" sums\n")
	if !ok {
		return nil, fmt.Errorf("the fingerprint did not arrive whole")
	}
	fp := Fingerprint{}
	for _, rec := range records(meta, tok) {
		// "f u g h s|name|name" or "...|name|'name' -> 'target'"
		fields, rest, ok := strings.Cut(rec, "|")
		if !ok {
			continue
		}
		f := strings.Fields(fields)
		if len(f) != 5 {
			continue
		}
		raw, err := strconv.ParseUint(f[0], 16, 32)
		if err != nil {
			continue
		}
		name, target := splitName(rest)
		desc := fmt.Sprintf("%06o %s:%s", raw, f[1], f[2])
		switch raw & 0o170000 {
		case 0o120000:
			desc += " -> " + strconv.Quote(target)
		case 0o100000:
			desc += " links " + f[3] + " size " + f[4]
		}
		fp[name] = desc
	}
	for _, rec := range records(sums, tok) {
		sum, name, ok := strings.Cut(rec, "\n")
		if ok && len(sum) == 64 {
			if d, known := fp[name]; known {
				fp[name] = d + " sha256 " + sum[:16]
			}
		}
	}
	return fp, nil
}

// records splits text into the records that begin with "tok ".
func records(text, tok string) []string {
	var out []string
	for _, r := range strings.Split("\n"+text, "\n"+tok+" ") {
		if r = strings.TrimSuffix(r, "\n"); r != "" {
			out = append(out, r)
		}
	}
	return out
}

// splitName takes "name|name" or "name|'name' -> 'target'" (what
// BusyBox stat prints for %n|%N) apart: the name is the prefix that the
// rest repeats.
func splitName(rest string) (name, target string) {
	for i := 0; i < len(rest); i++ {
		if rest[i] != '|' {
			continue
		}
		n := rest[:i]
		q := rest[i+1:]
		if q == n || q == "'"+n+"'" {
			return n, ""
		}
		if t, ok := strings.CutPrefix(q, "'"+n+"' -> '"); ok && strings.HasSuffix(t, "'") {
			return n, strings.TrimSuffix(t, "'")
		}
	}
	return rest, ""
}

// Diff is a path whose state after the rollback is not what it was
// before the run.
type Diff struct {
	Path string
	What string // "changed", "added by the run", "removed by the run"
}

// Compare lists the paths of after that differ from before.
func Compare(before, after Fingerprint) []Diff {
	var out []Diff
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			out = append(out, Diff{p, "removed by the run"})
		case a != b:
			out = append(out, Diff{p, "changed (" + b + " -> " + a + ")"})
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, Diff{p, "added by the run"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Suggest gives the snapshot paths that would hold every path of diffs:
// the deepest directory the paths under each top-level directory share,
// never shallower than two levels (a path one level deep is itself).
func Suggest(diffs []Diff) []string {
	groups := map[string][]string{}
	for _, d := range diffs {
		parts := strings.Split(strings.TrimPrefix(d.Path, "/"), "/")
		key := "/" + parts[0]
		if len(parts) > 1 {
			key += "/" + parts[1]
		}
		groups[key] = append(groups[key], d.Path)
	}
	var out []string
	for key, paths := range groups {
		common := paths[0]
		for _, p := range paths[1:] {
			for common != key && !strings.HasPrefix(p+"/", common+"/") {
				common = path.Dir(common)
			}
		}
		if len(paths) > 1 || common != paths[0] {
			out = append(out, common)
			continue
		}
		out = append(out, key) // one path: its directory at two levels, for what else it writes there
	}
	sort.Strings(out)
	return slices.Compact(out)
}
