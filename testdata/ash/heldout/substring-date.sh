#!/bin/bash
stamp=20240315T101500
year=${stamp:0:4}
month=${stamp:4:2}
echo "$year-$month"
