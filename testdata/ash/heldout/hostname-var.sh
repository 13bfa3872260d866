#!/bin/bash
echo "report from ${HOSTNAME:-unknown}" | sed 's/from .*/from host/'
