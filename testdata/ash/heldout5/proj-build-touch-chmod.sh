#!/bin/bash

# This script is used to build a project's folders
git() { echo "git $*"; }
set -- backup-tool

# Create a new directory that matches the name of the project.

project_name=$1
mkdir "$project_name"

# Move into the new directory.
cd "$project_name"


# Create a new file called README.md in the new directory.
touch README.md

# Create a new file that matches the project’s name in the new directory and give it the .sh extension.
touch "$project_name.sh"

# Initialize a new Git repository in the project directory.
git init

# Make the new script file executable, for yourself and for anyone who clones it.

chmod +x "$project_name.sh"

git add --chmod=+x "$project_name.sh"
ls -l | awk 'NR>1 {print $1, $NF}'
