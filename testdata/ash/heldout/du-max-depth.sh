#!/bin/bash
mkdir -p data/a data/b
echo x > data/a/f
du --max-depth=1 data | wc -l
