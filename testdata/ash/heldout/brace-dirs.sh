#!/bin/bash
mkdir -p app/{logs,tmp,cache}
ls app | tr '\n' ' '; echo
