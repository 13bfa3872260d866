#!/bin/bash
helper() { echo "helper ran"; }
export -f helper
bash -c helper 2>/dev/null || echo "no helper in child"
