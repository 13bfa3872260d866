#!/bin/bash
pip() { echo "  (pip $*)"; }
virtualenv() { mkdir -p "$1/bin"; echo 'PS1="(venv) $PS1"' > "$1/bin/activate"; }
echo "pip install virtualenv"
pip install virtualenv

echo "virtualenv venv"
virtualenv venv

echo "source venv/bin/activate"
source venv/bin/activate
echo "activated with: $(cat venv/bin/activate)"
