#!/bin/bash
{ echo "warn" >&2; } |& grep -c warn
