#!/bin/bash
days=7
cutoff=$(date -d "$days days ago" +%Y%m%d) && echo "cutoff computed"
