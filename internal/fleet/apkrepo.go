package fleet

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
)

// repoMount is where every host sees the fleet's apk repository (read-only).
const repoMount = "/mnt/repo"

// repoPackages is the repository every fleet gets: enough for installs,
// pinned versions, upgrades, dependencies and an OpenRC service.
func repoPackages() []apkPackage {
	hello := func(v string) apkPackage {
		return apkPackage{name: "sb-hello", version: v, desc: "switchback test program",
			files: []apkFile{
				{path: "usr/bin/sb-hello", mode: 0o755, body: "#!/bin/sh\necho \"sb-hello " + v + "\"\n"},
				{path: "usr/share/sb-hello/VERSION", mode: 0o644, body: v + "\n"},
			}}
	}
	return []apkPackage{
		// The minirootfs' world names libc-utils without shipping it.
		{name: "libc-utils", version: "0.7.2-r5", desc: "Meta package to pull in correct libc", depends: []string{"musl-utils"}},
		hello("1.0-r0"),
		hello("1.1-r0"),
		{name: "sb-daemon", version: "1.0-r0", desc: "switchback test daemon", files: []apkFile{
			{path: "usr/bin/sb-daemon", mode: 0o755, body: sbDaemon},
			{path: "etc/init.d/sb-daemon", mode: 0o755, body: sbDaemonInit},
			{path: "etc/conf.d/sb-daemon", mode: 0o644, body: sbDaemonConf},
		}},
		{name: "sb-lib", version: "1.0-r0", desc: "switchback test library", files: []apkFile{
			{path: "usr/lib/sb-lib/libsb.txt", mode: 0o644, body: "sb-lib 1.0-r0\n"},
		}},
		{name: "sb-app", version: "1.0-r0", desc: "switchback test application", depends: []string{"sb-lib"}, files: []apkFile{
			{path: "usr/bin/sb-app", mode: 0o755, body: "#!/bin/sh\necho \"sb-app 1.0-r0 using $(cat /usr/lib/sb-lib/libsb.txt)\"\n"},
		}},
		// Installed by asking for the virtual name it provides.
		{name: "sb-mta", version: "1.0-r0", desc: "switchback test mail agent", provides: []string{"sb-mail-agent=1.0"}, files: []apkFile{
			{path: "usr/sbin/sb-mta", mode: 0o755, body: "#!/bin/sh\necho sb-mta\n"},
		}},
	}
}

// ExtraRepo is a second repository inside the fleet's repository mount,
// signed with a key no host trusts: trusting it is a step's work. Its
// public key is ExtraRepoKey, readable from the controller through any
// host's Path.
const (
	ExtraRepo    = repoMount + "/extra"
	ExtraRepoKey = ExtraRepo + "/keys"
)

// extraPackages fill ExtraRepo; the version has a _p suffix, as some
// Alpine packages do.
func extraPackages() []apkPackage {
	return []apkPackage{
		{name: "sb-extra", version: "1.0_p1-r0", desc: "switchback test package of the extra repository", files: []apkFile{
			{path: "usr/bin/sb-extra", mode: 0o755, body: "#!/bin/sh\necho sb-extra 1.0_p1-r0\n"},
		}},
	}
}

const sbDaemon = `#!/bin/sh
# Writes a heartbeat (the current time) every INTERVAL seconds until killed.
interval=${1:-1}
while :; do
	date +%s > /run/sb-daemon.heartbeat
	sleep "$interval"
done
`

const sbDaemonInit = `#!/sbin/openrc-run
description="switchback test daemon"
command=/usr/bin/sb-daemon
command_args="${SB_DAEMON_INTERVAL:-1}"
command_background=true
pidfile=/run/sb-daemon.pid
`

const sbDaemonConf = `# Seconds between heartbeats written to /run/sb-daemon.heartbeat.
SB_DAEMON_INTERVAL=1
`

// buildRepo builds the fleet's repository into root's /mnt/repo, with
// its key installed in root's /etc/apk/keys, and the extra repository,
// whose key is left beside it.
func buildRepo(root string) error {
	pub, keyName, err := buildSignedRepo(root, repoMount, repoPackages())
	if err != nil {
		return err
	}
	if err := writeFileIn(root, "etc/apk/keys/"+keyName, pub, 0o644); err != nil {
		return err
	}
	pub, keyName, err = buildSignedRepo(root, ExtraRepo, extraPackages())
	if err != nil {
		return fmt.Errorf("extra repository: %w", err)
	}
	return writeFileIn(root, ExtraRepoKey[1:]+"/"+keyName, pub, 0o644)
}

// buildSignedRepo builds packages into root's repo/x86_64, indexes them
// with the root's own apk and signs the index with a fresh RSA key,
// whose public key and file name it returns.
func buildSignedRepo(root, repo string, packages []apkPackage) (pub []byte, keyName string, err error) {
	dir := filepath.Join(root, repo, "x86_64")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("create repository: %w", err)
	}
	args := []string{"/sbin/apk", "index", "--quiet", "--allow-untrusted",
		"-d", "switchback fleet test packages", "-o", repo + "/x86_64/APKINDEX.unsigned.tar.gz"}
	for _, p := range packages {
		b, err := p.build()
		if err != nil {
			return nil, "", err
		}
		if err := os.WriteFile(filepath.Join(dir, p.fileName()), b, 0o644); err != nil {
			return nil, "", fmt.Errorf("write package: %w", err)
		}
		args = append(args, repo+"/x86_64/"+p.fileName())
	}
	if _, err := chroot(root, args...); err != nil {
		return nil, "", fmt.Errorf("index repository: %w", err)
	}
	unsigned := filepath.Join(dir, "APKINDEX.unsigned.tar.gz")
	index, err := os.ReadFile(unsigned)
	if err != nil {
		return nil, "", fmt.Errorf("read index: %w", err)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, "", fmt.Errorf("generate repository key: %w", err)
	}
	keyName, pub, err = publicKeyFile(&key.PublicKey)
	if err != nil {
		return nil, "", err
	}
	signed, err := signIndex(index, key, keyName)
	if err != nil {
		return nil, "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "APKINDEX.tar.gz"), signed, 0o644); err != nil {
		return nil, "", fmt.Errorf("write index: %w", err)
	}
	if err := os.Remove(unsigned); err != nil {
		return nil, "", fmt.Errorf("remove unsigned index: %w", err)
	}
	return pub, keyName, nil
}

// publicKeyFile names the key as apk does (the name is what the index
// signature refers to) and returns its PEM form.
func publicKeyFile(pub *rsa.PublicKey) (name string, pemBytes []byte, err error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", nil, fmt.Errorf("encode repository key: %w", err)
	}
	sum := sha256.Sum256(der)
	name = "switchback-fleet-" + hex.EncodeToString(sum[:4]) + ".rsa.pub"
	return name, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), nil
}

// signIndex prepends the signature stream apk v2 expects: a gzipped tar
// entry .SIGN.RSA.<keyname> (no end-of-archive blocks) holding the
// RSA/SHA-1 PKCS#1 v1.5 signature of the index bytes.
func signIndex(index []byte, key *rsa.PrivateKey, keyName string) ([]byte, error) {
	sum := sha1.Sum(index)
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA1, sum[:])
	if err != nil {
		return nil, fmt.Errorf("sign index: %w", err)
	}
	stream, err := gzipTar([]tarEntry{{name: ".SIGN.RSA." + keyName, mode: 0o644, body: string(sig)}}, false)
	if err != nil {
		return nil, fmt.Errorf("signature stream: %w", err)
	}
	return append(stream, index...), nil
}
