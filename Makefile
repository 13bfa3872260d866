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
REHEARSE_DIR      := .vagrant/switchback
# Known vulnerabilities in the code's call graph: govulncheck needs
# https://vuln.go.dev, which CI and the development machines cannot reach,
# so it is off by default; make lint VULNCHECK=1 where the network allows.
GOVULNCHECK_VERSION ?= v1.1.4
VULNCHECK ?= 0

TOXIPROXY_VERSION   := v2.12.0
BENCHSTAT_VERSION   := v0.0.0-20260908200009-22c9c6c9d4da
BENCH_HOSTS ?= 10,50,100,200
BENCH_FORKS ?= 10

.PHONY: ash-measure ash-surface soak-ash-surface all build test demo fleet-up fleet-down rehearse rehearse-down lint prereqs go-check bench

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
	  echo "optional: chromium (apt-get install -y chromium) renders the HTML scan report in tests; they skip without it"

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
	@echo; echo "Exit code 4: the run halted. Wave 2 was rolled back (compare host-02's /etc/motd with host-01's);"
	@echo "wave 3 (host-05, host-06) was never touched."
	@echo; echo "The fleet is still up (inventory: $(FLEET_DIR)/inventory.hcl). 'make fleet-down' removes it."

# A rehearsal on Vagrant machines: bring them up, then run a playbook in
# waves with Vagrant snapshots to roll back to. Runs log in as root with
# the machines' own keys (the Vagrantfile allows it): the saved
# ssh-config says User root instead of vagrant.
rehearse: build
	@command -v vagrant >/dev/null 2>&1 || { \
	  echo "missing: Vagrant and a provider for it (VirtualBox or libvirt); see https://developer.hashicorp.com/vagrant/install"; exit 1; }
	vagrant up
	@mkdir -p $(REHEARSE_DIR)
	vagrant ssh-config | sed 's/^  User vagrant$$/  User root/' > $(REHEARSE_DIR)/ssh-config
	$(BIN) plan $(REHEARSE_PLAYBOOK) -i vagrant:$(REHEARSE_DIR)/ssh-config
	$(BIN) run $(REHEARSE_PLAYBOOK) -i vagrant:$(REHEARSE_DIR)/ssh-config \
	  --host-key-check accept-new --known-hosts $(REHEARSE_DIR)/known_hosts
	@echo; echo "The machines are still up: 'vagrant snapshot list', '$(BIN) rollback RUN -i vagrant:$(REHEARSE_DIR)/ssh-config --known-hosts $(REHEARSE_DIR)/known_hosts'."
	@echo "'make rehearse-down' destroys them."

# Machines made again get new host keys: forget the old ones with them.
rehearse-down:
	vagrant destroy -f
	rm -rf $(REHEARSE_DIR)

# All tests, the fleet tests included (they need root), then the linters.
test: prereqs
	$(GO) test -timeout 20m ./...
	$(GO) test -race -timeout 10m ./runner/...
	@$(MAKE) --no-print-directory lint

lint: go-check
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	@if [ "$(VULNCHECK)" != 0 ]; then $(GO) run golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION) ./...; fi

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
# precision of lint-sh's exit code on the three held-apart corpora
# (testdata/ash/heldout*, labelled by running each script under a fleet
# host's ash and under bash), and precision on scripts written for ash
# (OpenRC's, the Alpine minirootfs'). Relabels the corpora on a fleet first.
ash-measure: build
	$(GO) test ./internal/ash -count=1 -run 'TestHeldoutTruth|TestAlpineShownToBreak'
	$(GO) test ./internal/ash -count=1 -run 'TestHeldoutScore|TestAlpinePrecision' -v | grep -E 'held-apart corpus,|written for ash|^(---|ok|FAIL)'

# Regenerates internal/ash/testdata/surface.json: every probe of bash's
# surface run under a fleet host's ash and under bash (about a minute).
ash-surface: build
	$(GO) test ./internal/ash -count=1 -run 'TestSurface$$' -update -v -timeout 30m

# Every probe of the surface table run again and checked against its
# verdict (make test runs every 8th, and TestSurfaceTable re-judges the
# whole table from what it recorded).
soak-ash-surface: build
	SWITCHBACK_ASH_SURFACE=all $(GO) test ./internal/ash -count=1 -run 'TestSurface$$' -v -timeout 30m
