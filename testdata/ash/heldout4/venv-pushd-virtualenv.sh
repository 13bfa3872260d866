#!/bin/bash
mkdir -p bin home
cat > bin/virtualenv <<'STUB'
#!/bin/sh
mkdir -p "$1/bin"
printf 'VIRTUAL_ENV=%s\ndeactivate() { unset VIRTUAL_ENV; }\n' "$1" > "$1/bin/activate"
STUB
cat > bin/pip <<'STUB'
#!/bin/sh
echo "pip $* (${VIRTUAL_ENV:-system})"
STUB
chmod +x bin/*
PATH=$PWD/bin:$PATH
HOME=$PWD/home
echo "requests==2.31.0" > requirements.txt
pushd . 
cd ~
virtualenv py2
source py2/bin/activate
popd 
export VIRTUAL_ENV
pip install --upgrade pip
pip install -r requirements.txt
deactivate 
echo "after: ${VIRTUAL_ENV:-none}"
