# switchback — see README.md. Every target that touches the local fleet
# needs root (namespaces, mounts, one sshd per host).

GO         ?= go
BIN        := bin/switchback
FLEET      := bin/switchback-fleet
FLEET_NAME ?= demo
FLEET_DIR  := /var/lib/switchback-fleet/$(FLEET_NAME)
HOSTS      ?= 6
PLAYBOOK   ?= playbooks/examples/alpine-base.hcl
WAVES_PLAYBOOK ?= playbooks/examples/waves-demo.hcl
STATICCHECK_VERSION := v0.8.2
# Vagrant rehearsal: machines alpine-1 .. alpine-$(SWITCHBACK_VMS) of the Vagrantfile.
SWITCHBACK_VMS    ?= 3
export SWITCHBACK_VMS
REHEARSE_PLAYBOOK ?= playbooks/examples/rehearse.hcl
# Variables for it, e.g. playbooks/examples/rehearse-offline.vars.hcl on
# machines with no network (the box built here has a local repository).
REHEARSE_VAR_FILE ?=
# More flags for switchback run, e.g. --lock-wait=2m.
REHEARSE_FLAGS    ?=
REHEARSE_DIR      ?= .vagrant/switchback
# The libvirt box, built here with no download (bin/switchback-box).
BOX               := bin/switchback-alpine320.box
BOX_NAME          := switchback/alpine320
# Debian packages for the box and for Vagrant with libvirt and QEMU.
REHEARSE_PACKAGES := vagrant vagrant-libvirt libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils \
  dnsmasq-base iptables linux-image-amd64 syslinux syslinux-common mtools dosfstools e2fsprogs \
  openssh-server openssh-client sudo openrc opendoas iproute2
# rehearse-test emulates the CPU (works without hardware virtualisation);
# kvm is much faster where /dev/kvm really works.
REHEARSE_TEST_DRIVER ?= qemu
# Known vulnerabilities in the code's call graph: govulncheck needs
# https://vuln.go.dev, which CI and the development machines cannot reach,
# so it is off by default; make lint VULNCHECK=1 where the network allows.
GOVULNCHECK_VERSION ?= v1.1.4
VULNCHECK ?= 0

TOXIPROXY_VERSION   := v2.12.0
BENCHSTAT_VERSION   := v0.0.0-20260908200009-22c9c6c9d4da
BENCH_HOSTS ?= 10,50,100,200
BENCH_FORKS ?= 10

# The sharded demo: SHARDS controllers share a throwaway PostgreSQL server.
SHARD_FLEET ?= shards
SHARD_DIR   := /var/lib/switchback-fleet/$(SHARD_FLEET)
SHARD_HOSTS ?= 12
SHARDS      ?= 3
SHARD_WAVES ?= 1,25%,100%

.PHONY: all build test demo shard-demo fleet-up fleet-down rehearse rehearse-down rehearse-prereqs box rehearse-test lint prereqs go-check bench soak-rollback soak-inventory ash-measure ash-commands ash-surface soak-ash-surface

all: build

go-check:
	@command -v $(GO) >/dev/null 2>&1 || { \
	  echo "missing: Go 1.21 or newer (it then fetches the exact toolchain go.mod names by itself)."; \
	  echo "  Debian/Ubuntu: apt-get install golang-go, or see https://go.dev/doc/install"; exit 1; }

build: go-check
	$(GO) build -o $(BIN) ./cmd/switchback
	$(GO) build -o $(FLEET) ./cmd/switchback-fleet

# Installs what the local fleet needs (openssh-server, openrc, ...) when
# run as root on Debian/Ubuntu; otherwise lists exactly what is missing.
prereqs: build
	$(FLEET) prereqs
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; } || \
	  echo "optional: chromium (apt-get install -y chromium) renders the HTML reports (scan, run) in tests; they skip without it"
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1 || \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null; }; }; } || \
	  { echo "missing: PostgreSQL (apt-get install -y postgresql): the tests of the shared state start a server of their own; they skip without it, and fail under CI=true"; \
	    [ "$${CI:-}" != true ]; }
	@command -v ansible-inventory >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ansible-core >/dev/null 2>&1 || \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ansible-core >/dev/null; }; }; } || \
	  echo "missing: ansible-core (apt-get install -y ansible-core): the inventory tests compare switchback with Ansible and skip without it (fail under CI=true)"

fleet-up: prereqs
	$(FLEET) up --name $(FLEET_NAME) -n $(HOSTS)

fleet-down: build
	$(FLEET) down --name $(FLEET_NAME)

# The main job: a fresh fleet of Alpine hosts, the example playbook run
# against it serially, then run again to show that nothing changes twice.
demo: prereqs
	@$(FLEET) down --name $(FLEET_NAME) >/dev/null 2>&1 || true
	$(FLEET) up --name $(FLEET_NAME) -n $(HOSTS)
	$(BIN) validate $(PLAYBOOK)
	$(BIN) plan $(PLAYBOOK) -i $(FLEET_DIR)/inventory.hcl
	$(BIN) run $(PLAYBOOK) -i $(FLEET_DIR)/inventory.hcl --known-hosts $(FLEET_DIR)/known_hosts
	@echo; echo "=== The same run again: a converged fleet reports 0 changed ==="
	$(BIN) run $(PLAYBOOK) -i $(FLEET_DIR)/inventory.hcl --known-hosts $(FLEET_DIR)/known_hosts
	@echo; echo "=== A rollout in waves: host-03 and host-04 (both in wave 2) are broken on purpose ==="
	@touch $(FLEET_DIR)/hosts/host-03/root/etc/demo-broken $(FLEET_DIR)/hosts/host-04/root/etc/demo-broken
	$(BIN) plan $(WAVES_PLAYBOOK) -i $(FLEET_DIR)/inventory.hcl
	-$(BIN) run $(WAVES_PLAYBOOK) -i $(FLEET_DIR)/inventory.hcl --known-hosts $(FLEET_DIR)/known_hosts
	@echo; echo "Exit code 4: the run halted. host-03 and host-04 failed their health check, and rollback = \"wave\""
	@echo "restored all of wave 2, host-02 too (compare host-02's /etc/motd with host-01's);"
	@echo "wave 3 (host-05, host-06) was never touched."
	@echo; echo "The fleet is still up (inventory: $(FLEET_DIR)/inventory.hcl). 'make fleet-down' removes it."

# A sharded run: a fresh fleet of SHARD_HOSTS hosts converged by SHARDS
# switchback processes, one shard each, as one run (--shard-group) on a
# throwaway PostgreSQL server: one canary fleet-wide, then waves split
# across the shards. Each shard's output, then the run as the shared store
# recorded it.
shard-demo: prereqs
	@$(FLEET) down --name $(SHARD_FLEET) >/dev/null 2>&1 || true
	$(FLEET) up --name $(SHARD_FLEET) -n $(SHARD_HOSTS)
	@mkdir -p bin/shard-demo
	$(FLEET) postgres -- sh -c 'group=demo-$$(date +%s); pids=; status=0; \
	  for i in $$(seq 1 $(SHARDS)); do \
	    $(BIN) run $(PLAYBOOK) -i $(SHARD_DIR)/inventory.hcl --known-hosts $(SHARD_DIR)/known_hosts \
	      --waves $(SHARD_WAVES) --forks 2 --shard-group $$group --shard $$i/$(SHARDS) > bin/shard-demo/shard-$$i.log 2>&1 & \
	    pids="$$pids $$!"; \
	  done; \
	  for p in $$pids; do wait $$p || status=$$?; done; \
	  for i in $$(seq 1 $(SHARDS)); do echo; echo "=== shard $$i/$(SHARDS) (bin/shard-demo/shard-$$i.log)"; cat bin/shard-demo/shard-$$i.log; done; \
	  echo; echo "=== The run, as every controller pointed at the database sees it"; \
	  $(BIN) runs list --last 1; echo; $(BIN) runs show $$($(BIN) runs list --last 1 | awk "NR == 2 { print \$$1 }"); \
	  exit $$status'
	@echo; echo "The fleet is still up ($(SHARD_DIR)/inventory.hcl); 'make fleet-down FLEET_NAME=$(SHARD_FLEET)' removes it. The database is gone."

# A rehearsal on Vagrant machines: bring them up, then run a playbook in
# waves with Vagrant snapshots to roll back to. Runs log in as root with
# the machines' own keys (the Vagrantfile allows it): the saved
# ssh-config says User root instead of vagrant. With libvirt, the box is
# the one 'make box' built; SWITCHBACK_LIBVIRT_DRIVER=qemu where there is
# no working KVM.
rehearse: build
	@command -v vagrant >/dev/null 2>&1 || { \
	  echo "missing: Vagrant and a provider for it (VirtualBox, or libvirt: 'make box')"; exit 1; }
	vagrant up
	@mkdir -p $(REHEARSE_DIR)
	vagrant ssh-config | sed 's/^  User vagrant$$/  User root/' > $(REHEARSE_DIR)/ssh-config
	$(BIN) plan $(REHEARSE_PLAYBOOK) $(if $(REHEARSE_VAR_FILE),--var-file $(REHEARSE_VAR_FILE)) -i vagrant:$(REHEARSE_DIR)/ssh-config
	$(BIN) run $(REHEARSE_PLAYBOOK) $(if $(REHEARSE_VAR_FILE),--var-file $(REHEARSE_VAR_FILE)) -i vagrant:$(REHEARSE_DIR)/ssh-config \
	  --host-key-check accept-new --known-hosts $(REHEARSE_DIR)/known_hosts $(REHEARSE_FLAGS)
	@echo; echo "The machines are still up: 'vagrant snapshot list', '$(BIN) rollback RUN -i vagrant:$(REHEARSE_DIR)/ssh-config --known-hosts $(REHEARSE_DIR)/known_hosts'."
	@echo "'make rehearse-down' destroys them."

# Machines made again get new host keys: forget the old ones with them.
rehearse-down:
	vagrant destroy -f
	rm -rf $(REHEARSE_DIR)

# Installs (as root, on Debian) what the box and Vagrant with libvirt need.
rehearse-prereqs:
	@missing=$$(for p in $(REHEARSE_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing >/dev/null; \
	fi

# The libvirt box: Alpine 3.20 from the minirootfs with OpenRC, OpenSSH,
# sudo and the vagrant user, booting a Debian kernel; no download.
box: prereqs rehearse-prereqs
	$(GO) build -o bin/switchback-box ./cmd/switchback-box
	bin/switchback-box build -o $(BOX)
	vagrant box add --force --name $(BOX_NAME) $(BOX)

# make rehearse for real on two libvirt machines: converge, a rigged
# failure, the Vagrant snapshot restore, the machines' files read over
# SSH. About 10 minutes with QEMU emulating the CPU; not part of test.
# Where no libvirtd runs, one is started for the test in its own network
# namespace and stopped after it.
rehearse-test: build box
	bin/switchback-box libvirt -- env SWITCHBACK_REHEARSE=1 SWITCHBACK_LIBVIRT_DRIVER=$(REHEARSE_TEST_DRIVER) \
	  $(GO) test -count=1 -timeout 60m -run '^TestRehearsal$$' -v ./cmd/switchback

# All tests, the fleet tests included (they need root), then the linters.
test: prereqs
	$(GO) test -timeout 20m ./...
	$(GO) test -race -timeout 10m ./runner/...
	@$(MAKE) --no-print-directory lint

# The differential tests of inventories against the real Ansible, long:
# SOAK_CASES random inventories (make test runs 120), 20 times as many
# single INI values and a twentieth as many inventories of connection
# variables checked against ansible's ssh command lines, from seed
# SOAK_SEED. About a minute per 300 cases on an idle machine.
SOAK_CASES ?= 2000
SOAK_SEED  ?= 100000
soak-inventory: prereqs
	SWITCHBACK_ANSIBLE_CASES=$(SOAK_CASES) SWITCHBACK_ANSIBLE_SEED=$(SOAK_SEED) SWITCHBACK_ANSIBLE_VALUES=$$(( $(SOAK_CASES) * 20 )) \
	  SWITCHBACK_ANSIBLE_CONNECTION_CASES=$$(( $(SOAK_CASES) / 20 )) \
	  $(GO) test -count=1 -timeout 0 -run 'Against' -v ./inventory/

lint: go-check
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	@if [ "$(VULNCHECK)" != 0 ]; then $(GO) run golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION) ./...; fi

# The rollback property test at length: N generated cases from SEED (each a
# random tree, random snapshot paths, random steps of every writing type,
# then a restore compared with a fingerprint of the whole host). Prints
# the cases, seeds and failures (go test in the package's directory shows
# that line even when every case passes); see docs/reliability.md.
SEED ?= 1000
N    ?= 200
soak-rollback: prereqs
	cd cmd/switchback && SWITCHBACK_SOAK_SEED=$(SEED) SWITCHBACK_SOAK_N=$(N) $(GO) test -count=1 -timeout 0 -run '^TestRollbackProperty$$'

# switchback against the OpenSSH floor (one script per host, xargs -P) on
# fresh fleets of BENCH_HOSTS hosts, without and with 25 ms added each way
# by toxiproxy; writes the tables to docs/performance.md, then the Go
# micro-benchmarks through benchstat. Takes minutes; not part of test.
bench: prereqs
	GOBIN=$(CURDIR)/bin/toxiproxy $(GO) install github.com/Shopify/toxiproxy/v2/cmd/server@$(TOXIPROXY_VERSION)
	$(GO) build -o bin/switchback-bench ./cmd/switchback-bench
	bin/switchback-bench -hosts $(BENCH_HOSTS) -forks $(BENCH_FORKS) -switchback $(BIN) -toxiproxy bin/toxiproxy/server
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./playbooks ./modules ./runner/rollout > bin/micro-bench.txt
	$(GO) run golang.org/x/perf/cmd/benchstat@$(BENCHSTAT_VERSION) bin/micro-bench.txt

# The ash analyzer measured on data it was not built from: recall and
# precision of lint-sh's exit code on the eleven held-apart corpora
# (testdata/ash/heldout*, labelled by running each script under a fleet
# host's ash and under bash), on the development corpus, and precision on
# scripts written for ash (OpenRC's, the Alpine minirootfs'). Relabels the
# corpora on a fleet first.
ash-measure: build
	$(GO) test ./internal/ash -count=1 -run 'TestHeldoutTruth|TestAlpineShownToBreak'
	$(GO) test ./internal/ash -count=1 -run 'TestHeldoutScore|TestAlpinePrecision|TestCorpusScore' -v | grep -E 'held-apart corpus,|written for ash|corpus: |constructs only|^(---|ok|FAIL)'

# Regenerates internal/ash/testdata/commands.tsv: the commands of the
# Alpine minirootfs and OpenRC, and those of this machine's Debian
# packages that Alpine lacks (with runner/scan's Alpine package names).
ash-commands:
	$(GO) test ./internal/ash -count=1 -run 'TestCommandTable$$' -update

# Regenerates internal/ash/testdata/surface.json: every probe of bash's
# surface run under a fleet host's ash and under bash (about a minute).
ash-surface: build
	$(GO) test ./internal/ash -count=1 -run 'TestSurface$$' -update -v -timeout 30m

# Every probe of the surface table run again and checked against its
# verdict (make test runs every 8th, and TestSurfaceTable re-judges the
# whole table from what it recorded).
soak-ash-surface: build
	SWITCHBACK_ASH_SURFACE=all $(GO) test ./internal/ash -count=1 -run 'TestSurface$$' -v -timeout 30m
