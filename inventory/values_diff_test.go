package inventory_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/ansibletest"
	"github.com/switchbackhq/switchback/inventory"
)

// TestINIValuesAgainstAnsible reads random INI values, literals and not,
// with switchback and with the ini plugin's own _parse_value, and
// compares them as ansible-inventory would print them.
func TestINIValuesAgainstAnsible(t *testing.T) {
	d := ansibletest.Start(t)
	n := envInt(t, "SWITCHBACK_ANSIBLE_VALUES", 3000)
	r := rand.New(rand.NewPCG(uint64(envInt(t, "SWITCHBACK_ANSIBLE_SEED", 1)), 7))
	gen := &genInventory{r: r}
	texts := make([]string, n)
	for i := range texts {
		if r.IntN(4) == 0 {
			texts[i] = tokenSoup(r)
		} else {
			texts[i] = gen.pyLiteral(0, false)
		}
	}
	want, err := d.INIValues(texts)
	if err != nil {
		t.Fatal(err)
	}
	compared, refused, unprintable, differ := 0, 0, 0, 0
	for i, text := range texts {
		v, err := inventory.PyValue(text)
		switch {
		case strings.Contains(want[i].Error, "unhashable") && err != nil:
			refused++
			continue
		case strings.Contains(want[i].Error, "unhashable") || err != nil:
			differ++
			t.Errorf("INI value %q: Ansible %s, switchback %v", text, want[i].Error, err)
			continue
		case want[i].Error != "":
			// A set or complex number, which ansible-inventory cannot print.
			unprintable++
			continue
		}
		compared++
		got := inventory.ValueJSON(v)
		if !sameJSON(want[i].JSON, got) {
			differ++
			if differ <= 10 {
				t.Errorf("INI value %q: Ansible %s, switchback %s", text, want[i].JSON, strings.TrimSpace(got))
			}
		}
	}
	t.Logf("%d INI values compared (%d refused by both, %d that Ansible cannot print skipped), %d differ", compared, refused, unprintable, differ)
}

// TestYAMLValuesAgainstAnsible reads random variables files (YAML 1.1
// scalars, flow collections, tags, merge keys, repeated keys) with
// switchback and with Ansible's own loader.
func TestYAMLValuesAgainstAnsible(t *testing.T) {
	d := ansibletest.Start(t)
	n := envInt(t, "SWITCHBACK_ANSIBLE_VALUES", 3000) / 5
	r := rand.New(rand.NewPCG(uint64(envInt(t, "SWITCHBACK_ANSIBLE_SEED", 1)), 9))
	gen := &genInventory{r: r}
	docs := make([]string, n)
	for i := range docs {
		var b strings.Builder
		if r.IntN(5) == 0 {
			b.WriteString("base: &base {a: 1, b: [2]}\n")
		}
		for range 1 + r.IntN(5) {
			key := gen.pick([]string{"a", "b", "c", "1", "yes", "~", "'q'", "1.5", "<<"})
			value := gen.yamlValue(0)
			if key == "<<" {
				value = gen.pick([]string{"*base", "{z: 1}", "[*base, {a: 9}]"})
				if !strings.Contains(b.String(), "&base") {
					value = "{z: 1}"
				}
			}
			fmt.Fprintf(&b, "%s: %s\n", key, value)
		}
		docs[i] = b.String()
	}
	want, err := d.YAMLDocs(docs)
	if err != nil {
		t.Fatal(err)
	}
	compared, refused, unprintable, differ := 0, 0, 0, 0
	for i, doc := range docs {
		got, diags := inventory.VarsJSON("vars.yml", []byte(doc))
		switch {
		case strings.Contains(want[i].Error, "JSON serializable") || strings.Contains(want[i].Error, "keys must be"):
			unprintable++
			continue
		case want[i].Error != "" && diags.HasErrors():
			refused++
			continue
		case want[i].Error != "":
			differ++
			t.Errorf("YAML %q: Ansible fails (%s), switchback reads %s", doc, want[i].Error, got)
			continue
		case diags.HasErrors():
			differ++
			t.Errorf("YAML %q: Ansible reads %s, switchback fails: %s", doc, want[i].JSON, diags.Error())
			continue
		}
		compared++
		if !sameJSON(want[i].JSON, got) {
			differ++
			if differ <= 10 {
				t.Errorf("YAML %q: Ansible %s, switchback %s", doc, want[i].JSON, strings.TrimSpace(got))
			}
		}
	}
	t.Logf("%d YAML variables files compared, %d refused by both, %d that Ansible cannot print, %d differ", compared, refused, unprintable, differ)
}

// tokenSoup strings Python tokens together at random: mostly not
// literals, which must stay the text they are.
func tokenSoup(r *rand.Rand) string {
	tokens := []string{"1", "-", "+", "(", ")", "[", "]", "{", "}", ",", ":", "'a'", `"b"`, "True", "None", "x", "#", " ", ".", "e", "j", "_", "0x", "b'", "'", `\`, "=", "1.5"}
	var b strings.Builder
	for range 1 + r.IntN(8) {
		b.WriteString(tokens[r.IntN(len(tokens))])
	}
	return b.String()
}

func sameJSON(a, b string) bool {
	var x, y any
	if decodeJSON(a, &x) != nil || decodeJSON(b, &y) != nil {
		return false
	}
	_, diff := jsonDiff("", x, y)
	return diff == ""
}
