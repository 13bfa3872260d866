#!/bin/sh
HOME=home
mkdir -p home/projects home/dotfiles/scripts/webdev/files
echo 'gulp = require "gulp"' > home/dotfiles/scripts/webdev/files/gulpfile.coffee
git() { echo "git $*"; }
cd home/projects || exit

echo "What would you like to name your project?"
read -r dirname <<'NAME'
landing page
NAME

mkdir "$dirname"
cd "$dirname" || exit

mkdir src

mkdir src/scss
touch src/scss/main.scss

mkdir src/coffeescript
touch src/coffeescript/main.coffee

touch src/index.html

git init
git add .
git commit -m "Initial Files"

cp ../../dotfiles/scripts/webdev/files/gulpfile.coffee ../"$dirname"
find . | sort
