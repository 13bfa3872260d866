#!/bin/bash

function log() {
    echo -e "\033[37m$@\033[0m"
}

function log_info() {
    echo -e "\033[32m$@\033[0m"
}

function log_warn() {
    echo -e "\033[33m$@\033[0m"
}

function log_error() {
    echo -e "\033[31m$@\033[0m"
}

log "starting" "job"
log_info "step 1 of 2"
log_warn "retrying"
log_error "gave up after 3 tries"
