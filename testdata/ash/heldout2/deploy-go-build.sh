#!/bin/bash
git() { echo "git $*"; }
go() { echo "go $*"; [ "$1" = build ] && [ "$2" = -o ] && : > "$3"; }
systemctl() { echo "systemctl $*"; }
mkdir -p home/deployer
# Change to the desired directory
cd home
# Pull the latest commit from the Git repository
git pull
# Change to the deployer directory
cd deployer
# Build the Go file
go build -o deployer
# Restart the service
systemctl restart deployer.service
ls
# Finish the script
exit 0
