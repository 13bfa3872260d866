#!/bin/sh
printf '%-10s %5s\n' name size
printf '%-10s %5d\n' app 42
