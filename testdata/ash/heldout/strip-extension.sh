#!/bin/bash
for f in report.tar.gz notes.txt; do
  echo "${f%%.*} ${f##*.} ${f%.*}"
done
