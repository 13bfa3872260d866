#!/bin/bash
{ echo out; echo err >&2; } &> run.log
wc -l < run.log
