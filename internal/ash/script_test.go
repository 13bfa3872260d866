package ash

import "testing"

func TestWhyScript(t *testing.T) {
	tests := []struct {
		path, src string
		want      bool
	}{
		{"a/x.sh", "", true},
		{"a/x.bash", "echo", true},
		{"a/APKBUILD", "pkgname=x\n", true},
		{"a/APKBUILD.orig", "pkgname=x\n", false},
		{"a/t", "#!/usr/bin/env atf-sh\n", true},
		{"a/t", "#!/usr/bin/env -S bash -e\n", true},
		{"a/t", "#!/usr/bin/env -Sbash -e\n", true},
		{"a/t", "#!/usr/bin/env -i PATH=/bin sh\n", true},
		{"a/t", "#!/usr/bin/env -u HOME ash\n", true},
		{"a/t", "#!/usr/bin/env python3\n", false},
		{"a/t", "#!/usr/bin/env\n", false},
		{"a/t", "#! /bin/busybox sh\n", true},
		{"a/t", "#!/sbin/openrc-run\n", true},
		{"a/t", "#!/usr/bin/perl -w\n", false},
		{"a/t", "echo no shebang\n", false},
	}
	for _, tt := range tests {
		why, got := WhyScript(tt.path, []byte(tt.src))
		if got != tt.want {
			t.Errorf("WhyScript(%q, %q) = %v (%s), want %v", tt.path, tt.src, got, why, tt.want)
		}
	}
}
