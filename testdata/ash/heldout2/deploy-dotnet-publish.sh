#!/bin/bash
git() { echo "git $*"; }
dotnet() { echo "dotnet $*"; [ "$1" = publish ] && mkdir -p "$3" && echo bin > "$3/app.dll"; }
systemctl() { echo "systemctl $*"; }
git reset --hard origin/master
git pull
dotnet restore
dotnet publish -o ./www/app1
systemctl restart app1.service
ls ./www/app1
