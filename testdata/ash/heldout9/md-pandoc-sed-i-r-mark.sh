#!/bin/bash
# Markdown to HTML to preview in a browser and paste into a handout.
# pandoc is a stand-in on PATH: headings and paragraphs only.
mkdir -p bin
cat > bin/pandoc <<'SH'
#!/bin/sh
for a in "$@"; do f=$a; done
sed -e 's/^# \(.*\)/<h1>\1<\/h1>/' -e 's/^\([^<].*\)/<p>\1<\/p>/' "$f"
SH
chmod +x bin/pandoc
PATH="$PWD/bin:$PATH"
cat > whatis.md <<'MD'
# What is it
A game with ==bold rules== and ==two marks== here.
MD

pandoc --wrap=none -f markdown_strict ./whatis.md > whatis.html
sed -i -r 's/==([^==]*)==/<mark>\1<\/mark>/g' whatis.html
cat whatis.html
