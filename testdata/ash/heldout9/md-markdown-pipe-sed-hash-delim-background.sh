#!/bin/bash

# Brings readme.html up to date with README.md.
# markdown and firefox are stand-ins on PATH.
mkdir -p bin
cat > bin/markdown <<'SH'
#!/bin/sh
sed -e 's/^# \(.*\)/<h1>\1<\/h1>/' -e 's/^!\[\(.*\)\](\(.*\))/<img src="\2" alt="\1">/' "$1"
SH
cat > bin/firefox <<'SH'
#!/bin/sh
echo "browser opens $1"
SH
chmod +x bin/markdown bin/firefox
PATH="$PWD/bin:$PATH"
cat > README.md <<'MD'
# Project
![shot](/img/shot.png?raw=true)
MD

markdown README.md  | sed 's#?raw=true##g' | sed 's#img src="/#img src="#g' > readme.html
cat readme.html

# open the result to look at it
firefox readme.html &
wait
