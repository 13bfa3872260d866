package transport

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// known_hosts lines are matched here as OpenSSH's client matches them
// (hostfile.c, match.c), not as x/crypto's knownhosts package does: that
// one splits every pattern into a host and a port and gives a pattern
// without brackets port 22, so "*" or "!*" never applies to a host on
// another port. OpenSSH matches the patterns, as text, against one name:
// the host for port 22, "[host]:port" otherwise; "*" matches both, and a
// negated pattern that matches excludes the line whatever the port.

const (
	markerCA      = "@cert-authority"
	markerRevoked = "@revoked"
)

// knownLine is one valid line of a known_hosts file.
type knownLine struct {
	marker string // "", markerCA or markerRevoked
	hosts  string // the comma-separated patterns, or a hashed name
	key    ssh.PublicKey
	known  knownhosts.KnownKey
}

// knownHosts is the lines of a set of known_hosts files, in order.
type knownHosts struct{ lines []knownLine }

// readKnownHosts reads known_hosts files. Like OpenSSH, it skips lines
// it cannot parse (a bad marker, a bad hash, a truncated or unknown key)
// rather than refuse every host.
func readKnownHosts(files ...string) (*knownHosts, error) {
	db := &knownHosts{}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		n := 0
		for sc.Scan() {
			n++
			if l, ok := parseKnownLine(sc.Text()); ok {
				l.known = knownhosts.KnownKey{Key: l.key, Filename: file, Line: n}
				db.lines = append(db.lines, l)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", file, err)
		}
	}
	return db, nil
}

func parseKnownLine(line string) (knownLine, bool) {
	var l knownLine
	rest := strings.TrimLeft(line, " \t")
	if rest == "" || rest[0] == '#' {
		return l, false
	}
	if rest[0] == '@' {
		word, after := cutField(rest)
		if word != markerCA && word != markerRevoked {
			return l, false
		}
		l.marker, rest = word, after
	}
	l.hosts, rest = cutField(rest)
	if l.hosts == "" || rest == "" || rest[0] == '#' {
		return l, false
	}
	if strings.HasPrefix(l.hosts, "|") {
		if _, _, ok := parseHashed(l.hosts); !ok {
			return l, false
		}
	}
	key, _, _, _, err := ssh.ParseAuthorizedKey([]byte(rest))
	if err != nil {
		return l, false
	}
	l.key = key
	return l, true
}

// cutField splits off the first word (up to a space or a tab) and the
// blanks after it.
func cutField(s string) (word, rest string) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeft(s[i:], " \t")
}

// lookupName is the name OpenSSH looks a host up by: the lower-cased host
// for port 22, "[host]:port" for any other.
func lookupName(hostport string) string {
	return strings.ToLower(knownhosts.Normalize(hostport))
}

// matches reports whether the line applies to name (a lookupName).
func (l *knownLine) matches(name string) bool {
	if strings.HasPrefix(l.hosts, "|") {
		salt, sum, ok := parseHashed(l.hosts)
		if !ok {
			return false
		}
		mac := hmac.New(sha1.New, salt)
		mac.Write([]byte(name))
		return hmac.Equal(mac.Sum(nil), sum)
	}
	return matchHostname(name, l.hosts) == 1
}

// parseHashed reads "|1|salt|hash", both base64 SHA-1 sized.
func parseHashed(s string) (salt, sum []byte, ok bool) {
	parts := strings.Split(s, "|")
	if len(parts) != 4 || parts[0] != "" || parts[1] != "1" {
		return nil, nil, false
	}
	salt, err1 := base64.StdEncoding.DecodeString(parts[2])
	sum, err2 := base64.StdEncoding.DecodeString(parts[3])
	if err1 != nil || err2 != nil || len(salt) != sha1.Size || len(sum) != sha1.Size {
		return nil, nil, false
	}
	return salt, sum, true
}

// matchHostname matches a lower-cased name against a comma-separated
// list of patterns, lower-casing them: -1 if a negated pattern matches, 1
// if another one does, 0 if none (OpenSSH's match_hostname).
func matchHostname(name, list string) int {
	positive := 0
	for _, sub := range strings.Split(list, ",") {
		negated := strings.HasPrefix(sub, "!")
		if negated {
			sub = sub[1:]
		}
		if len(sub) >= 1023 {
			return 0 // OpenSSH gives up on a pattern longer than its buffer
		}
		if wildcard(name, strings.ToLower(sub)) {
			if negated {
				return -1
			}
			positive = 1
		}
	}
	return positive
}

// wildcard matches s against a pattern of literal bytes, "?" (any one
// byte) and "*" (any run of bytes), anchored at both ends.
func wildcard(s, pattern string) bool {
	si, pi := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(pattern) && (pattern[pi] == '?' || pattern[pi] == s[si]):
			si++
			pi++
		case pi < len(pattern) && pattern[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			mark++
			si, pi = mark, star+1
		default:
			return false
		}
	}
	for pi < len(pattern) && pattern[pi] == '*' {
		pi++
	}
	return pi == len(pattern)
}

// forHost returns the lines that apply to hostport or, when none do and
// its port is not 22, those of its bare name, where check looks next.
func (db *knownHosts) forHost(hostport string) []knownLine {
	if db == nil {
		return nil
	}
	lines := db.named(lookupName(hostport))
	if host, port, err := net.SplitHostPort(hostport); len(lines) == 0 && err == nil && port != "22" {
		lines = db.named(lookupName(net.JoinHostPort(host, "22")))
	}
	return lines
}

// named returns the lines that apply to name (a lookupName).
func (db *knownHosts) named(name string) []knownLine {
	var out []knownLine
	for _, l := range db.lines {
		if l.matches(name) {
			out = append(out, l)
		}
	}
	return out
}

func sameKey(a, b ssh.PublicKey) bool { return bytes.Equal(a.Marshal(), b.Marshal()) }

// revoked returns the @revoked line for key among lines: the key itself,
// the plain key of a certificate, or the authority that signed it.
func revoked(lines []knownLine, key ssh.PublicKey) (knownLine, bool) {
	candidates := []ssh.PublicKey{key}
	if cert, ok := key.(*ssh.Certificate); ok {
		candidates = append(candidates, cert.Key, cert.SignatureKey)
	}
	for _, l := range lines {
		if l.marker != markerRevoked {
			continue
		}
		for _, c := range candidates {
			if sameKey(l.key, c) {
				return l, true
			}
		}
	}
	return knownLine{}, false
}

// check verifies key for hostport: nil when a plain line of the host
// has it (or a @cert-authority line of the host signed it), a
// *knownhosts.RevokedError for a revoked key, a *knownhosts.KeyError
// listing the host's plain keys otherwise (none: the host is unknown).
//
// A host on a port other than 22 that no line names with its port is
// looked up again by its bare name, as OpenSSH's client does ("checking
// without port identifier"): a key recorded for the bare name is
// accepted, a different one leaves the host unknown, not changed. A key
// revoked for the bare name is refused (OpenSSH would call the host
// unknown there).
func (db *knownHosts) check(hostport string, remote net.Addr, key ssh.PublicKey) error {
	err := db.checkName(lookupName(hostport), hostport, remote, key)
	host, port, splitErr := net.SplitHostPort(hostport)
	if splitErr != nil || port == "22" || !unknownHost(err) {
		return err
	}
	bare := db.checkName(lookupName(net.JoinHostPort(host, "22")), hostport, remote, key)
	var rev *knownhosts.RevokedError
	if bare == nil || errors.As(bare, &rev) {
		return bare
	}
	return err
}

// noAuthorityError says no @cert-authority line of the host signed the
// certificate it presented.
type noAuthorityError struct{ hostport string }

func (e *noAuthorityError) Error() string {
	return "no @cert-authority line for " + e.hostport + " signed its host certificate"
}

// unknownHost says a check found no line for the host at all.
func unknownHost(err error) bool {
	var keyErr *knownhosts.KeyError
	var noCA *noAuthorityError
	return errors.As(err, &noCA) || errors.As(err, &keyErr) && len(keyErr.Want) == 0
}

// checkName checks key against the lines that apply to name.
func (db *knownHosts) checkName(name, hostport string, remote net.Addr, key ssh.PublicKey) error {
	lines := db.named(name)
	if l, ok := revoked(lines, key); ok {
		return &knownhosts.RevokedError{Revoked: l.known}
	}
	if cert, ok := key.(*ssh.Certificate); ok {
		authority := func(auth ssh.PublicKey) bool {
			for _, l := range lines {
				if l.marker == markerCA && sameKey(l.key, auth) {
					return true
				}
			}
			return false
		}
		if !authority(cert.SignatureKey) {
			return &noAuthorityError{hostport: hostport}
		}
		// Validity, principals and the signature.
		checker := &ssh.CertChecker{IsHostAuthority: func(auth ssh.PublicKey, _ string) bool { return authority(auth) }}
		return checker.CheckHostKey(hostport, remote, key)
	}
	keyErr := &knownhosts.KeyError{}
	for _, l := range lines {
		if l.marker != "" {
			continue
		}
		if sameKey(l.key, key) {
			return nil
		}
		keyErr.Want = append(keyErr.Want, l.known)
	}
	return keyErr
}
