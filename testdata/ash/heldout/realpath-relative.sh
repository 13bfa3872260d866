#!/bin/bash
mkdir -p x/y
realpath --relative-to=x x/y
