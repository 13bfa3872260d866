package inventory_test

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/inventory"
)

// The expectations below are written from Ansible's documentation, not
// from this package's output. The documents quoted:
//
//	[B] "How to build your inventory" (inventory_guide/intro_inventory)
//	[P] "Variable precedence: Where should I put a variable?"
//	    (playbook_guide/playbooks_variables), whose list runs from lowest:
//	    3. inventory file or script group vars, 4. inventory group_vars/all,
//	    6. inventory group_vars/*, 8. inventory file or script host vars,
//	    9. inventory host_vars/*
//	[I] the ini inventory plugin's description

type wantHost struct {
	address, user, identity, method string
	port                            int
	become                          bool
	groups                          []string
	vars                            map[string]cty.Value
}

func str(s string) cty.Value { return cty.StringVal(s) }
func num(n int64) cty.Value  { return cty.NumberIntVal(n) }

// with returns a copy of base with more variables.
func with(base map[string]cty.Value, kv ...any) map[string]cty.Value {
	out := maps.Clone(base)
	for i := 0; i < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1].(cty.Value)
	}
	return out
}

func ansibleFleet() (order []string, hosts map[string]wantHost, groups map[string][]string) {
	// [P] 4 over 3: group_vars/all overrides [all:vars] (ntp_server) and
	// dbservers' backup=inventory-file alike.
	all := map[string]cty.Value{"ntp_server": str("default-time.example.com"), "backup": str("group_vars-all")}
	// group_vars/webservers.json [P] 6 overrides [webservers:vars]
	// http_port=8080 [P] 3. [I] says ":vars" values are strings, but
	// ansible-core reads them as Python literals too (30 is a number below,
	// proxy.example.com, not a literal, a string): TestAgainstAnsible holds
	// switchback to what ansible-inventory does, not to what it documents.
	web := with(all, "http_port", num(8081), "proxy", str("proxy.example.com"),
		"packages", cty.TupleVal([]cty.Value{str("nginx"), str("sb-app")}))
	db := with(all, "db", cty.ObjectVal(map[string]cty.Value{"engine": str("postgres"), "port": num(5432)}))
	// [B] "A child group's variables will have higher precedence
	// (override) than a parent group's variables": southeast's 30 over
	// usa's 10.
	southeast := with(all, "some_server", str("foo.southeast.example.com"), "halon_system_timeout", num(30),
		"self_destruct_countdown", num(60), "escape_pods", num(2))
	// group_vars/raleigh/ is a directory: [B] "Ansible will read all the
	// files in these directories in lexicographical order", so
	// db_settings' ntp_server wins over cluster_settings'.
	raleigh := with(southeast, "ntp_server", str("acme.example.org"), "database_server", str("storage.example.org"),
		"cluster", str("raleigh-1"))

	hosts = map[string]wantHost{
		// [B] "Even if you do not define any groups ... Ansible creates two
		// default groups: all and ungrouped"; these three are in no other.
		"mail.example.com": {user: "ops", port: 22, vars: all},
		// [B] "adding the port number after the hostname with a colon".
		"badwolf.example.com": {user: "ops", port: 5309, vars: all},
		// [B] inventory aliases: ansible_host and ansible_port; host_vars
		// [P] 9 gives ansible_user over group_vars/all [P] 4.
		"jumper": {address: "192.0.2.50", user: "jump-admin", port: 5555, vars: all},
		// Listed before any section and in [dbservers]: only in dbservers,
		// as ungrouped holds hosts "that don't have another group aside
		// from all" [B]. ansible_python_interpreter is not a connection
		// setting switchback uses, so it stays a variable.
		"two.example.com": {user: "postgres", port: 22, become: true, method: "sudo", groups: []string{"dbservers"},
			vars: with(db, "ansible_python_interpreter", str("/usr/local/bin/python"))},
		// Inline host vars [P] 8 override group_vars/webservers [P] 6; [I]
		// inline values are Python literals, so 80 is a number.
		"foo.example.com": {user: "ops", port: 22, groups: []string{"webservers"},
			vars: with(web, "http_port", num(80), "maxRequestsPerChild", num(808))},
		"bar.example.com": {user: "ops", port: 22, groups: []string{"webservers"}, vars: web},
		// [B] ansible_group_priority: "The larger the number, the later it
		// will be merged", so a_group's testvar (priority 10) wins over
		// b_group's although b sorts after a.
		"one.example.com": {user: "postgres", port: 22, become: true, method: "sudo",
			groups: []string{"a_group", "b_group", "dbservers"}, vars: with(db, "testvar", str("a"))},
		"three.example.com": {user: "postgres", port: 22, become: true, method: "sudo", groups: []string{"dbservers"},
			identity: "/home/example/.ssh/aws.pem", vars: with(db, "backup", str("host-inline"))},
		// host_vars/host1/ is a directory: 20-web.yml is read after
		// 10-web.yml, and host_vars [P] 9 override the inline http_port=80
		// [P] 8. [B] "Any host that is a member of a child group is
		// automatically a member of the parent group".
		"host1": {user: "ops", port: 22, groups: []string{"atlanta", "southeast", "usa"},
			vars: with(southeast, "http_port", num(8001), "maxRequestsPerChild", num(808), "dns", str("atlanta-dns.example.com"))},
		// [B] "When groups of the same parent/child level are merged, it is
		// done alphabetically": raleigh's dns over atlanta's.
		"host2": {user: "ops", port: 22, groups: []string{"atlanta", "raleigh", "southeast", "usa"},
			vars: with(raleigh, "http_port", num(303), "maxRequestsPerChild", num(909), "dns", str("raleigh-dns.example.com"))},
		// host_vars/host3.yml [P] 9 over group_vars/raleigh [P] 6.
		"host3": {user: "ops", port: 22, groups: []string{"raleigh", "southeast", "usa"},
			vars: with(raleigh, "dns", str("raleigh-dns.example.com"), "ntp_server", str("override.example.com"))},
		"host4": {user: "ops", port: 22, groups: []string{"northeast", "usa"}, vars: with(all, "halon_system_timeout", num(10))},
	}
	order = []string{"mail.example.com", "badwolf.example.com", "jumper", "two.example.com", "foo.example.com", "bar.example.com"}
	groups = map[string][]string{
		"ungrouped":  {"mail.example.com", "badwolf.example.com", "jumper"},
		"webservers": {"foo.example.com", "bar.example.com"},
		"dbservers":  {"two.example.com", "one.example.com", "three.example.com"},
		"atlanta":    {"host1", "host2"},
		"raleigh":    {"host2", "host3"},
		"southeast":  {"host1", "host2", "host3"},
		"usa":        {"host1", "host2", "host3", "host4"},
		"northeast":  {"host4"},
		"a_group":    {"one.example.com"},
		"b_group":    {"one.example.com"},
		"appservers": nil,
	}
	// [B] "www[01:50].example.com": ranges are inclusive, leading zeros kept.
	for i := 1; i <= 12; i++ {
		name := fmt.Sprintf("www%02d.example.com", i)
		hosts[name] = wantHost{user: "ops", port: 22, groups: []string{"webservers"}, vars: web}
		order = append(order, name)
		groups["webservers"] = append(groups["webservers"], name)
	}
	order = append(order, "one.example.com", "three.example.com")
	// [B] "db-[a:f].example.com": alphabetic ranges.
	for _, c := range "abcdef" {
		name := fmt.Sprintf("db-%c.example.com", c)
		hosts[name] = wantHost{user: "postgres", port: 22, become: true, method: "sudo", groups: []string{"dbservers"}, vars: db}
		order = append(order, name)
		groups["dbservers"] = append(groups["dbservers"], name)
	}
	// [B] "www[01:50:2].example.com": a stride of 2 from 01.
	for _, n := range []string{"01", "03", "05", "07", "09"} {
		name := "app" + n + ".example.com"
		hosts[name] = wantHost{user: "ops", port: 22, groups: []string{"appservers"}, vars: all}
		order = append(order, name)
		groups["appservers"] = append(groups["appservers"], name)
	}
	order = append(order, "host1", "host2", "host3", "host4")
	return order, hosts, groups
}

// TestAnsibleInventories loads the same fleet written as INI and as YAML
// and compares both with what Ansible's documentation says they hold.
func TestAnsibleInventories(t *testing.T) {
	order, want, wantGroups := ansibleFleet()
	if len(want) < 30 {
		t.Fatalf("the fixture has %d hosts, want 30 or more", len(want))
	}
	// The directory holds both files; Ansible 2.14 skips .ini files in a
	// directory, so as a directory it is hosts.yml's inventory (with a
	// warning).
	for _, file := range []string{"hosts.ini", "hosts.yml", ""} {
		t.Run("file="+file, func(t *testing.T) {
			inv, diags := inventory.Load(hclparse.NewParser(), "../testdata/inventories/ansible/"+file)
			if len(diags) > 0 && !(file == "" && len(diags) == 1 && diags[0].Summary == "File skipped") {
				t.Fatal(diags.Error())
			}
			var names []string
			for _, h := range inv.Hosts {
				names = append(names, h.Name)
			}
			if !slices.Equal(names, order) {
				t.Errorf("hosts = %v\nwant    %v", names, order)
			}
			for _, h := range inv.Hosts {
				w, ok := want[h.Name]
				if !ok {
					continue
				}
				if w.address == "" {
					w.address = h.Name
				}
				if h.Address != w.address || h.Port != w.port || h.User != w.user || h.IdentityFile != w.identity ||
					h.Become != w.become || h.BecomeMethod != w.method || h.Jump != "" {
					t.Errorf("%s: address %q port %d user %q identity %q become %v %q jump %q\nwant %q %d %q %q %v %q",
						h.Name, h.Address, h.Port, h.User, h.IdentityFile, h.Become, h.BecomeMethod, h.Jump,
						w.address, w.port, w.user, w.identity, w.become, w.method)
				}
				if !slices.Equal(h.Groups, w.groups) {
					t.Errorf("%s: groups %v, want %v", h.Name, h.Groups, w.groups)
				}
				// Connection variables stay among the variables, as in
				// Ansible; they are checked as settings above.
				vars := maps.Clone(h.Vars)
				maps.DeleteFunc(vars, func(k string, _ cty.Value) bool { return connectionVars[k] })
				checkVars(t, h.Name, vars, w.vars)
			}

			gotGroups := map[string][]string{}
			for _, g := range inv.Groups {
				gotGroups[g.Name] = g.Hosts
			}
			if len(gotGroups["all"]) != len(order) {
				t.Errorf("all has %d hosts, want %d", len(gotGroups["all"]), len(order))
			}
			delete(gotGroups, "all")
			if !maps.EqualFunc(gotGroups, wantGroups, sameSet) {
				t.Errorf("groups:\n got %v\nwant %v", gotGroups, wantGroups)
			}
			for g, children := range map[string][]string{
				"southeast": {"atlanta", "raleigh"},
				"usa":       {"northeast", "southeast"},
				"all":       {"a_group", "appservers", "b_group", "dbservers", "ungrouped", "usa", "webservers"},
			} {
				if got := inv.Group(g).Children; !sameSet(got, children) {
					t.Errorf("children of %s = %v, want %v", g, got, children)
				}
			}
		})
	}
}

var connectionVars = map[string]bool{"ansible_host": true, "ansible_port": true, "ansible_user": true,
	"ansible_ssh_private_key_file": true, "ansible_become": true, "ansible_become_method": true}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

func checkVars(t *testing.T, host string, got, want map[string]cty.Value) {
	t.Helper()
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("%s: variable %s missing, want %#v", host, k, w)
			continue
		}
		if !g.RawEquals(w) && !(g.Type().Equals(w.Type()) && g.Equals(w).True()) {
			t.Errorf("%s: %s = %#v, want %#v", host, k, g, w)
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: unexpected variable %s = %#v", host, k, g)
		}
	}
}
