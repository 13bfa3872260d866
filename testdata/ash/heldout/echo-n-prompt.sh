#!/bin/sh
echo -n "Starting daemon: "
echo "done."
