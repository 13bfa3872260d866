#! /bin/bash
#
# finddups.sh: files of the same size and checksum
#
block() { i=0; while [ $i -lt 1000 ]; do printf '%s' "$1"; i=$((i+1)); done; }
mkdir -p docs
block 'report-AAA' > docs/report.pdf
block 'report-AAA' > docs/report-final.pdf
block 'slides-BBB' > docs/slides.pdf
block 'sheet-CCCC' > docs/sheet.xls
echo small > docs/notes.txt


find . -size 20 \! -type d -exec cksum {} \; | sort | tee f.tmp | cut -f 1,2 -d ' ' | uniq -d | grep -hif - f.tmp > dup.txt
cat dup.txt
