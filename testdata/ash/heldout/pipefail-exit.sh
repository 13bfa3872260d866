#!/bin/bash
set -o pipefail
if ! false | true; then echo "pipeline failed"; fi
