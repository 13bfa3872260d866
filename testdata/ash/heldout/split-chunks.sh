#!/bin/sh
seq 1 10 > big
split -l 4 big part_
ls part_* | wc -l
