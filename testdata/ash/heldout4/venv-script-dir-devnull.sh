mkdir -p bin
printf '#!/bin/sh\nif [ "$1" = install ]; then echo "pip $*"; fi\n' > bin/pip
printf '#!/bin/sh\nmkdir -p "$1/bin"; echo "echo activated" > "$1/bin/activate"\n' > bin/virtualenv
chmod +x bin/pip bin/virtualenv
PATH=$PWD/bin:$PATH
pip install virtualenv
SCRIPT_DIR=$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )
virtualenv venv
source "$SCRIPT_DIR/venv/bin/activate" 2>/dev/null || echo "no venv beside $(basename "$SCRIPT_DIR")"
echo numpy > pyPackages.txt
pip install -r "$SCRIPT_DIR/pyPackages.txt"
