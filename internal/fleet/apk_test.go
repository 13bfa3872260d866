package fleet

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"io"
	"strings"
	"testing"
)

// gzipMembers splits concatenated gzip streams, returning each member's
// compressed bytes and its decompressed content.
func gzipMembers(t *testing.T, b []byte) (raw, plain [][]byte) {
	t.Helper()
	r := bytes.NewReader(b)
	for r.Len() > 0 {
		start := len(b) - r.Len()
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		zr.Multistream(false)
		content, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, b[start:len(b)-r.Len()])
		plain = append(plain, content)
	}
	return raw, plain
}

func TestPackageFormat(t *testing.T) {
	var hello apkPackage
	for _, p := range repoPackages() {
		if p.name == "sb-hello" && p.version == "1.1-r0" {
			hello = p
		}
	}
	b, err := hello.build()
	if err != nil {
		t.Fatal(err)
	}
	raw, plain := gzipMembers(t, b)
	if len(raw) != 2 {
		t.Fatalf("got %d gzip streams, want control and data", len(raw))
	}

	control := plain[0]
	if bytes.HasSuffix(control, make([]byte, 1024)) {
		t.Error("control tar ends with end-of-archive blocks")
	}
	h, err := tar.NewReader(bytes.NewReader(control)).Next()
	if err != nil || h.Name != ".PKGINFO" {
		t.Fatalf("control tar: %v, %v", h, err)
	}
	info := string(control[512 : 512+h.Size])
	sum := sha256.Sum256(raw[1])
	for _, want := range []string{"pkgname = sb-hello\n", "pkgver = 1.1-r0\n", "arch = x86_64\n", "datahash = " + hex.EncodeToString(sum[:]) + "\n"} {
		if !strings.Contains(info, want) {
			t.Errorf(".PKGINFO lacks %q:\n%s", want, info)
		}
	}

	tr := tar.NewReader(bytes.NewReader(plain[1]))
	files := 0
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		files++
		body, _ := io.ReadAll(tr)
		fsum := sha1.Sum(body)
		if got := h.PAXRecords["APK-TOOLS.checksum.SHA1"]; got != hex.EncodeToString(fsum[:]) {
			t.Errorf("%s: checksum record %q, want sha1 of the content", h.Name, got)
		}
	}
	if files != 2 {
		t.Errorf("data tar has %d files, want 2", files)
	}
}

func TestSignIndex(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	name, pubPEM, err := publicKeyFile(&key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	index := []byte("not really an index, but any bytes are signed the same way")
	signed, err := signIndex(index, key, name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(signed, index) {
		t.Fatal("signed index does not end with the original bytes")
	}
	_, plain := gzipMembers(t, signed[:len(signed)-len(index)])
	h, err := tar.NewReader(bytes.NewReader(plain[0])).Next()
	if err != nil || h.Name != ".SIGN.RSA."+name {
		t.Fatalf("signature entry: %v, %v", h, err)
	}
	if len(plain[0]) != 512+int((h.Size+511)/512*512) {
		t.Errorf("signature tar is %d bytes: want no end-of-archive blocks", len(plain[0]))
	}
	block, _ := pem.Decode(pubPEM)
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha1.Sum(index)
	if err := rsa.VerifyPKCS1v15(pub.(*rsa.PublicKey), crypto.SHA1, sum[:], plain[0][512:512+h.Size]); err != nil {
		t.Errorf("signature does not verify: %v", err)
	}
}
