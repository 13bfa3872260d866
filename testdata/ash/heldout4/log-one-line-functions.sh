#!/usr/bin/env bash
log_info() { echo -e "\033[1;34m[INFO]\033[0m $*"; }
log_success() { echo -e "\033[1;32m[SUCCESS]\033[0m $*"; }
log_error() { echo -e "\033[1;31m[ERROR]\033[0m $*"; }

log_info "installing devcontainer tools"
log_success "tools installed"
log_error "missing token" "for" "registry"
