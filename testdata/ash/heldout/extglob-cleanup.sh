#!/bin/bash
shopt -s extglob
mkdir -p out; touch out/keep.txt out/a.o out/b.o
rm -f out/!(keep.txt)
ls out
