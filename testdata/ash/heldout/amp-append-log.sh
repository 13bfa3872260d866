#!/bin/bash
echo start > run.log
{ echo out; echo err >&2; } &>> run.log
wc -l < run.log
