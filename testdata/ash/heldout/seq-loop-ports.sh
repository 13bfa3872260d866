#!/bin/bash
for port in {8000..8003}; do
  echo "checking $port"
done
