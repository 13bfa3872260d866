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
# Known vulnerabilities in the code's call graph; needs https://vuln.go.dev
# (offline: make lint VULNCHECK=0, and run it where the network allows).
GOVULNCHECK_VERSION ?= v1.1.4
VULNCHECK ?= 1

.PHONY: all build test demo fleet-up fleet-down lint prereqs go-check

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
