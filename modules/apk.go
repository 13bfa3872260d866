package modules

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Apk keeps packages present, absent or at their newest version with
// Alpine's apk, and can refresh the index, upgrade everything, add
// repositories and group packages under a virtual name.
//
// What would happen is asked of apk itself: Check runs the same apk
// command with --simulate, so the plan names exactly the packages
// (dependencies included) that would be installed, upgraded or purged.
type Apk struct {
	Packages     []string // as written: "name", "name=1.0-r0", "name~1.0", "name@tag"
	State        string   // "present", "absent" or "latest"
	UpdateCache  bool
	Upgrade      bool
	Repositories []string
	NoCache      bool
	Virtual      string
}

var _ Module = (*Apk)(nil)

// Writes is the repositories file when the step adds to it; the world
// file and the database are apk's and always in a snapshot.
func (m *Apk) Writes() []string {
	if len(m.Repositories) == 0 {
		return nil
	}
	return []string{apkRepositoriesFile}
}

type apkConfig struct {
	Packages     []string `hcl:"packages,optional"`
	State        *string  `hcl:"state,optional"`
	UpdateCache  *bool    `hcl:"update_cache,optional"`
	Upgrade      *bool    `hcl:"upgrade,optional"`
	Repositories []string `hcl:"repositories,optional"`
	NoCache      *bool    `hcl:"no_cache,optional"`
	Virtual      *string  `hcl:"virtual,optional"`
}

const (
	apkRepositoriesFile = "/etc/apk/repositories"
	apkWorldFile        = "/etc/apk/world"
	apkInstalledDB      = "/lib/apk/db/installed"
)

// apkName matches what apk accepts as a package name, including the
// so:, cmd: and pc: names that packages provide; anything else is a typo
// or an injection attempt and is refused before a host is touched.
var apkName = regexp.MustCompile(`^(?:(?:so|cmd|pc):)?[A-Za-z0-9][A-Za-z0-9+._-]*$`)

// apkConstraint is one package as world entries write it: a name, an
// optional version constraint and an optional repository tag.
type apkConstraint struct {
	Name    string
	Op      string // "", "=", "~", ">=", "<=", ">", "<"
	Version string
	Tag     string // without the @
}

var (
	apkConstraintRe = regexp.MustCompile(`^([^=<>~@]+)(?:(=|~|>=|<=|>|<)([^=<>~@]+))?(?:@([A-Za-z0-9._-]+))?$`)
	// apkVersion is an Alpine version: numbers separated by dots, an
	// optional letter, _alpha/_p/… suffixes, -rN; ~ allows a prefix.
	apkVersion = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)*[a-z]?(?:_[a-z]+[0-9]*)*(?:-r[0-9]+)?$`)
)

// parseApkConstraint splits "name", "name=1.0-r0", "gtk+3.0>=3.24",
// "name~1.2", "name@edge" into their parts. Names may hold dashes and
// digits ("py3-foo-2"), so the split is at the operator, never at a dash.
func parseApkConstraint(s string) (apkConstraint, bool) {
	m := apkConstraintRe.FindStringSubmatch(s)
	if m == nil || !apkName.MatchString(strings.TrimPrefix(m[1], ".")) {
		return apkConstraint{}, false
	}
	c := apkConstraint{Name: m[1], Op: m[2], Version: m[3], Tag: m[4]}
	if c.Op != "" && !apkVersion.MatchString(c.Version) && (c.Op != "~" || !apkVersionPrefix.MatchString(c.Version)) {
		return apkConstraint{}, false
	}
	return c, true
}

// apkVersionPrefix is what a fuzzy (~) constraint may give: the start of
// a version.
var apkVersionPrefix = regexp.MustCompile(`^[0-9][0-9a-z._-]*$`)

// ApkType registers the apk step.
func ApkType() Type {
	return Type{Name: "apk", Decode: decodeApk}
}

func decodeApk(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg apkConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Apk{Packages: cfg.Packages, State: "present", Repositories: cfg.Repositories}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	m.UpdateCache = cfg.UpdateCache != nil && *cfg.UpdateCache
	m.Upgrade = cfg.Upgrade != nil && *cfg.Upgrade
	m.NoCache = cfg.NoCache != nil && *cfg.NoCache
	if cfg.Virtual != nil {
		m.Virtual = *cfg.Virtual
	}
	switch m.State {
	case "present", "absent", "latest":
	default:
		diags = append(diags, attrError(body, "state", "Invalid package state",
			fmt.Sprintf("state is %q; use \"present\", \"absent\" or \"latest\".", m.State)))
	}
	if len(m.Packages) == 0 && m.Virtual == "" && !m.Upgrade && !m.UpdateCache && len(m.Repositories) == 0 {
		diags = append(diags, attrError(body, "packages", "No packages",
			"packages is empty; list at least one package name, or set upgrade, update_cache or repositories."))
	}
	for _, p := range m.Packages {
		c, ok := parseApkConstraint(p)
		switch {
		case !ok:
			diags = append(diags, attrError(body, "packages", "Invalid package name",
				fmt.Sprintf("%q is not an apk package: a name (letters, digits and + . _ -, starting with a letter or digit), optionally followed by =VERSION, ~VERSION, >=VERSION, <=VERSION, >VERSION or <VERSION, and @TAG.", p)))
		case m.State == "absent" && (c.Op != "" || c.Tag != ""):
			diags = append(diags, attrError(body, "packages", "Version in an absent package",
				fmt.Sprintf("%q: state = \"absent\" removes a package whatever its version; give the name alone.", p)))
		case m.State == "latest" && c.Op != "":
			diags = append(diags, attrError(body, "packages", "Version with state = \"latest\"",
				fmt.Sprintf("%q pins a version, which contradicts state = \"latest\"; drop the version or use state = \"present\".", p)))
		}
	}
	for _, r := range m.Repositories {
		if r == "" || strings.ContainsAny(r, "\n\r\x00") || strings.TrimSpace(r) != r || strings.HasPrefix(r, "#") {
			diags = append(diags, attrError(body, "repositories", "Invalid repository",
				fmt.Sprintf("%q is not a repository line: give a URL or an absolute path (with an optional @tag in front), one per list element.", r)))
		}
	}
	if m.Virtual != "" {
		switch {
		case !apkName.MatchString(strings.TrimPrefix(m.Virtual, ".")) || strings.Contains(m.Virtual, ":"):
			diags = append(diags, attrError(body, "virtual", "Invalid virtual package name",
				fmt.Sprintf("%q is not a package name (letters, digits and + . _ -; a leading dot is usual: \".build-deps\").", m.Virtual)))
		case m.State == "latest":
			diags = append(diags, attrError(body, "virtual", "virtual with state = \"latest\"",
				"a virtual package has no newer version; use state = \"present\" or \"absent\"."))
		case len(m.Packages) == 0 && m.State == "present":
			diags = append(diags, attrError(body, "virtual", "Empty virtual package",
				"virtual needs the packages it groups; list them in packages."))
		}
	}
	if m.Upgrade && m.State == "absent" {
		diags = append(diags, attrError(body, "upgrade", "upgrade with state = \"absent\"",
			"upgrade upgrades every installed package; put it in a step of its own."))
	}
	return m, diags
}

func (m *Apk) Summary() string {
	var d []string
	if len(m.Repositories) > 0 {
		d = append(d, "repositories "+strings.Join(m.Repositories, ", "))
	}
	if m.UpdateCache {
		d = append(d, "update index")
	}
	if len(m.Packages) > 0 {
		s := "packages " + m.State + ": " + strings.Join(m.Packages, ", ")
		if m.Virtual != "" {
			s = "virtual " + m.Virtual + " " + m.State + ": " + strings.Join(m.Packages, ", ")
		}
		d = append(d, s)
	} else if m.Virtual != "" {
		d = append(d, "virtual "+m.Virtual+" "+m.State)
	}
	if m.Upgrade {
		d = append(d, "upgrade all")
	}
	return strings.Join(d, "; ")
}

// apkFlags are the options every apk command of the step gets.
func (m *Apk) apkFlags() string {
	f := "--no-progress"
	if m.NoCache {
		f += " --no-cache"
	}
	return f
}

// apkAction is what Apply does, decided by Check.
type apkAction struct {
	repositories *string // new /etc/apk/repositories, if it changes
	packages     string  // the apk command for packages; empty for none
	upgrade      bool
	update       bool // refresh the index again: it failed while checking
}

// Markers between the sections of Check's one round trip.
const (
	apkMarkWorld     = "--switchback-world--"
	apkMarkInstalled = "--switchback-installed--"
	apkMarkRepos     = "--switchback-repositories--"
	apkMarkSums      = "--switchback-index--"
	apkMarkSimulate  = "--switchback-simulate--"
)

// apkIndexSums prints a checksum of every index apk reads: the cached
// copies of remote repositories and the indexes of local ones.
const apkIndexSums = `{ for r in $(sed -e 's/#.*//' -e 's/^@[^ ]* //' /etc/apk/repositories); do
case $r in /*) cat "$r/$(apk --print-arch)/APKINDEX.tar.gz" 2>/dev/null ;; esac; done
cat /var/cache/apk/APKINDEX.*.tar.gz /etc/apk/cache/APKINDEX.*.tar.gz 2>/dev/null; } | sha256sum
`

func (m *Apk) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	// One round trip: the world, the installed database and the
	// repositories, the index refresh if asked for, and apk's own answer
	// to "what would you do", under --simulate.
	var s strings.Builder
	fmt.Fprintf(&s, "echo %s; cat %s\necho %s; grep -E '^[PVpD]:|^$' %s\necho %s; cat %s 2>/dev/null\n",
		apkMarkWorld, apkWorldFile, apkMarkInstalled, apkInstalledDB, apkMarkRepos, apkRepositoriesFile)
	if m.UpdateCache {
		// The index is refreshed while checking, even under --check: it
		// only touches apk's cache, and "latest" can only be judged
		// against a fresh index.
		s.WriteString("echo " + apkMarkSums + "\n" + apkIndexSums +
			"apk update -q " + m.apkFlags() + m.repositoryFlags() + " >/dev/null 2>&1 || echo 'update failed'\n" + apkIndexSums)
	}
	s.WriteString("echo " + apkMarkSimulate + "\n")
	s.WriteString(m.simulation())
	out, err := h.Run(ctx, s.String())
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return Plan{}, commandFailed("reading the apk world and database", out)
	}
	sec, err := apkSections(out.Stdout, m.UpdateCache)
	if err != nil {
		return Plan{}, err
	}
	world := parseWorld(sec[apkMarkWorld])
	db := parseInstalled(sec[apkMarkInstalled])

	var diff strings.Builder
	act := apkAction{}
	hadRepos := sec[apkMarkRepos]
	if newRepos := addRepositoryLines(hadRepos, m.Repositories); newRepos != hadRepos {
		act.repositories = &newRepos
		for _, r := range m.Repositories {
			if !hasRepositoryLine(hadRepos, r) {
				fmt.Fprintf(&diff, "+ repository %s\n", r)
			}
		}
	}
	if m.UpdateCache {
		sums := fields(sec[apkMarkSums])
		switch {
		case slices.Contains(sums, "update failed") && act.repositories != nil:
			// Likely a key an earlier step installs, under --check.
			diff.WriteString("! apk update failed with the new repositories; does an earlier step add their key?\n")
			act.update = true
		case slices.Contains(sums, "update failed"):
			return Plan{}, fmt.Errorf("apk update failed on the host; run \"apk update\" there to see why")
		case len(sums) == 2 && sums[0] != sums[1]:
			diff.WriteString("~ package index refreshed (apk update)\n")
		}
	}
	cmd, worldDiff, err := m.planPackages(world, db)
	if err != nil {
		return Plan{}, err
	}
	actions, problem := parseSimulation(sec[apkMarkSimulate])
	diff.WriteString(worldDiff)
	if problem != "" {
		// Under --check, a repository or key that an earlier step would
		// add is not there yet, so apk cannot plan: say so and leave the
		// verdict to apk itself when the step is applied.
		if cmd == "" && !m.Upgrade {
			return Plan{}, &hostcmd.Error{Msg: "apk cannot do what the step asks: " + problem, Output: out}
		}
		fmt.Fprintf(&diff, "! apk cannot plan this yet (%s); does an earlier step add a repository or key?\n", problem)
		act.packages, act.upgrade = cmd, m.Upgrade
		return Change(diff.String(), act), nil
	}
	touched := false
	for _, a := range actions {
		if a.Name == m.Virtual || cmd == "" && a.Verb != "Upgrading" {
			continue // the virtual package itself, named by worldDiff; or nothing asked
		}
		touched = true
		diff.WriteString(a.String() + "\n")
	}
	if cmd != "" && (worldDiff != "" || touched) {
		act.packages = cmd
	}
	act.upgrade = m.Upgrade && hasUpgrades(actions)
	if diff.Len() == 0 {
		return NoChange(m.noChangeReason()), nil
	}
	// With only "package index refreshed" in the plan, Apply has nothing
	// left to do: Check refreshed it.
	return Change(diff.String(), act), nil
}

// repositoryFlags name the step's repositories to apk while checking,
// before the repositories file has them.
func (m *Apk) repositoryFlags() string {
	f := ""
	for _, r := range m.Repositories {
		f += " --repository " + shell.Quote(r[strings.LastIndex(r, " ")+1:])
	}
	return f
}

// simulation is the shell that asks apk, with --simulate, what the step
// would do: the packages apk would install, upgrade or purge, with the
// repositories the step adds already in use.
func (m *Apk) simulation() string {
	flags := m.apkFlags() + m.repositoryFlags()
	var b strings.Builder
	switch {
	case len(m.Packages) == 0 && (m.Virtual == "" || m.State != "absent"):
	case m.State == "absent":
		// Only what the world names can be deleted; the rest is absent
		// already (or a dependency, which planPackages reports).
		names := m.Packages
		if m.Virtual != "" {
			names = []string{m.Virtual}
		}
		b.WriteString("set --\nfor n in " + shell.Join(names...) + "; do\n" +
			"\tif sed -e 's/[=<>~@].*//' " + apkWorldFile + " | grep -qxF -- \"$n\"; then set -- \"$@\" \"$n\"; fi\ndone\n" +
			"if [ $# -gt 0 ]; then apk del --simulate " + flags + " -- \"$@\" 2>&1; echo \"exit $?\"; fi\n")
	default:
		extra := ""
		if m.State == "latest" {
			extra = " --upgrade"
		}
		if m.Virtual != "" {
			extra += " --virtual " + shell.Quote(m.Virtual)
		}
		b.WriteString("apk add --simulate " + flags + extra + " -- " + shell.Join(m.Packages...) + " 2>&1; echo \"exit $?\"\n")
	}
	if m.Upgrade {
		b.WriteString("apk upgrade --simulate " + flags + " 2>&1; echo \"exit $?\"\n")
	}
	return b.String()
}

func (m *Apk) noChangeReason() string {
	switch {
	case len(m.Packages) > 0:
		return "all packages " + m.State
	case m.Upgrade:
		return "every package is at its newest version"
	}
	return "nothing to do"
}

// planPackages decides the apk command for the packages and what the
// world file gains or loses, from the world and the installed database.
func (m *Apk) planPackages(world []apkConstraint, db apkDB) (cmd, worldDiff string, err error) {
	if len(m.Packages) == 0 && m.Virtual == "" {
		return "", "", nil
	}
	var diff strings.Builder
	inWorld := func(name string) (apkConstraint, bool) {
		for _, w := range world {
			if w.Name == name {
				return w, true
			}
		}
		return apkConstraint{}, false
	}
	if m.State == "absent" {
		var todo []string
		names := m.Packages
		if m.Virtual != "" {
			names = []string{m.Virtual}
		}
		for _, p := range names {
			if w, ok := inWorld(p); ok {
				todo = append(todo, p)
				fmt.Fprintf(&diff, "- world %s\n", w.String())
			} else if db.provides(p) && m.Virtual == "" {
				return "", "", fmt.Errorf("%s is installed as a dependency of other packages, so apk would not remove it; remove those packages first", p)
			}
		}
		if len(todo) == 0 {
			return "", "", nil
		}
		return "apk del " + m.apkFlags() + " -- " + shell.Join(todo...), diff.String(), nil
	}

	if m.Virtual != "" {
		deps := make([]string, len(m.Packages))
		copy(deps, m.Packages)
		slices.Sort(deps)
		_, listed := inWorld(m.Virtual)
		have := db.deps[m.Virtual]
		if listed && slices.Equal(have, deps) && db.satisfiesAll(m.Packages) {
			return "", "", nil
		}
		if !listed || !slices.Equal(have, deps) {
			fmt.Fprintf(&diff, "+ world %s (virtual: %s)\n", m.Virtual, strings.Join(deps, " "))
		}
		return "apk add " + m.apkFlags() + " --virtual " + shell.Quote(m.Virtual) + " -- " + shell.Join(m.Packages...), diff.String(), nil
	}

	var todo []string
	for _, p := range m.Packages {
		c, _ := parseApkConstraint(p)
		w, listed := inWorld(c.Name)
		// A bare name is satisfied by any world entry of that name, so
		// that a pin made elsewhere stays; a constraint must be the
		// world's entry as written.
		wanted := listed && (c.Op == "" && c.Tag == "" || w == c)
		switch {
		case !listed:
			fmt.Fprintf(&diff, "+ world %s\n", p)
		case !wanted:
			fmt.Fprintf(&diff, "~ world %s → %s\n", w.String(), p)
		}
		if !wanted || !db.provides(c.Name) || m.State == "latest" {
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		return "", "", nil
	}
	upgrade := ""
	if m.State == "latest" {
		upgrade = " --upgrade"
	}
	return "apk add " + m.apkFlags() + upgrade + " -- " + shell.Join(todo...), diff.String(), nil
}

func (c apkConstraint) String() string {
	s := c.Name + c.Op + c.Version
	if c.Tag != "" {
		s += "@" + c.Tag
	}
	return s
}

func (m *Apk) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	act, _ := p.state.(apkAction)
	if act.repositories != nil {
		if err := writeFile(ctx, h, writeSpec{Path: apkRepositoriesFile, Content: *act.repositories, Perm: defaultFilePerm, Follow: true}, ""); err != nil {
			return err
		}
	}
	if act.update {
		if err := runScript(ctx, h, "apk update", "apk update -q "+m.apkFlags()); err != nil {
			return err
		}
	}
	if act.packages != "" {
		if err := runScript(ctx, h, strings.Join(strings.Fields(act.packages)[:2], " "), act.packages); err != nil {
			return err
		}
	}
	if act.upgrade {
		return runScript(ctx, h, "apk upgrade", "apk upgrade "+m.apkFlags())
	}
	return nil
}

// apkSections cuts Check's output at its markers.
func apkSections(out string, sums bool) (map[string]string, error) {
	marks := []string{apkMarkWorld, apkMarkInstalled, apkMarkRepos}
	if sums {
		marks = append(marks, apkMarkSums)
	}
	marks = append(marks, apkMarkSimulate)
	sec := map[string]string{}
	rest := out
	for i, mark := range marks {
		_, after, ok := strings.Cut(rest, mark+"\n")
		if !ok {
			return nil, fmt.Errorf("unexpected output from the host while reading apk state: %q", hostcmd.LastLines(out, 3))
		}
		if i > 0 {
			sec[marks[i-1]] = rest[:len(rest)-len(after)-len(mark)-1]
		}
		rest = after
	}
	sec[marks[len(marks)-1]] = rest
	return sec, nil
}

// parseWorld reads /etc/apk/world; "!name" entries (conflicts) are no
// wish and are skipped, as are entries this step could not have written.
func parseWorld(world string) []apkConstraint {
	var out []apkConstraint
	for _, entry := range strings.Fields(world) {
		if strings.HasPrefix(entry, "!") {
			continue
		}
		if c, ok := parseApkConstraint(entry); ok {
			out = append(out, c)
		} else {
			name := entry
			if i := strings.IndexAny(entry, "=<>~@"); i >= 0 {
				name = entry[:i]
			}
			out = append(out, apkConstraint{Name: name, Op: "?", Version: entry[len(name):]})
		}
	}
	return out
}

// worldNames lists the package names of /etc/apk/world.
func worldNames(world string) []string {
	var names []string
	for _, c := range parseWorld(world) {
		names = append(names, c.Name)
	}
	return names
}

// apkDB is what the installed database says: each package's version,
// the names packages provide, and each package's dependencies.
type apkDB struct {
	versions map[string]string
	provided map[string]bool
	deps     map[string][]string // sorted
}

// parseInstalled reads the P (name), V (version), p (provides) and D
// (depends) lines of /lib/apk/db/installed: fixed single-letter keys,
// one package per blank-line separated stanza, so no name needs to be
// split from its version.
func parseInstalled(s string) apkDB {
	db := apkDB{versions: map[string]string{}, provided: map[string]bool{}, deps: map[string][]string{}}
	name := ""
	for _, l := range strings.Split(s, "\n") {
		key, val, ok := strings.Cut(l, ":")
		if !ok {
			name = ""
			continue
		}
		switch key {
		case "P":
			name = val
			db.provided[val] = true
		case "V":
			db.versions[name] = val
		case "p":
			for _, v := range strings.Fields(val) {
				n, _, _ := strings.Cut(v, "=")
				db.provided[n] = true
			}
		case "D":
			d := strings.Fields(val)
			slices.Sort(d)
			db.deps[name] = d
		}
	}
	return db
}

func (db apkDB) provides(name string) bool { return db.provided[name] }

func (db apkDB) satisfiesAll(pkgs []string) bool {
	for _, p := range pkgs {
		c, _ := parseApkConstraint(p)
		if !db.provides(c.Name) {
			return false
		}
	}
	return true
}

// apkAct is one line of apk's progress: "(2/3) Upgrading sb-hello (1.0-r0 -> 1.1-r0)".
type apkAct struct {
	Verb, Name, From, To string
}

var apkActLine = regexp.MustCompile(`^\(\d+/\d+\) (Installing|Upgrading|Downgrading|Reinstalling|Replacing|Purging) (\S+) \(([^)]*)\)`)

func (a apkAct) String() string {
	switch a.Verb {
	case "Installing":
		return "+ " + a.Name + " " + a.To
	case "Purging":
		return "- " + a.Name + " " + a.From
	case "Upgrading", "Replacing":
		return "~ " + a.Name + " " + a.From + " → " + a.To
	case "Downgrading":
		return "~ " + a.Name + " " + a.From + " → " + a.To + " (downgrade)"
	}
	return "~ " + a.Name + " " + a.To + " (" + strings.ToLower(a.Verb) + ")"
}

// parseSimulation reads the output of the --simulate commands: the
// packages apk would touch, or the error that stops it.
func parseSimulation(out string) ([]apkAct, string) {
	var acts []apkAct
	var errs []string
	for _, raw := range strings.Split(out, "\n") {
		l := strings.TrimSpace(raw)
		if m := apkActLine.FindStringSubmatch(l); m != nil {
			a := apkAct{Verb: m[1], Name: m[2]}
			if from, to, ok := strings.Cut(m[3], " -> "); ok {
				a.From, a.To = from, to
			} else if a.Verb == "Purging" {
				a.From = m[3]
			} else {
				a.To = m[3]
			}
			acts = append(acts, a)
			continue
		}
		if strings.HasPrefix(l, "ERROR:") || strings.HasPrefix(raw, "  ") && l != "" {
			errs = append(errs, l)
		}
		if strings.HasPrefix(l, "exit ") && l != "exit 0" && len(errs) == 0 {
			errs = append(errs, "apk "+l)
		}
	}
	return acts, strings.Join(errs, "; ")
}

func hasUpgrades(acts []apkAct) bool {
	for _, a := range acts {
		if a.Verb == "Upgrading" || a.Verb == "Replacing" {
			return true
		}
	}
	return false
}

// addRepositoryLines appends the repositories the file lacks, keeping
// every line it has.
func addRepositoryLines(content string, repos []string) string {
	out := content
	for _, r := range repos {
		if hasRepositoryLine(out, r) {
			continue
		}
		if out != "" && !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		out += r + "\n"
	}
	return out
}

func hasRepositoryLine(content, repo string) bool {
	for _, l := range strings.Split(content, "\n") {
		if strings.TrimSpace(l) == repo {
			return true
		}
	}
	return false
}
