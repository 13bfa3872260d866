#!/bin/bash
#Program: Git_Cloner.sh
#Description: update or clone multiple git repos.
mkdir -p mgr/alpha mgr/beta
cd mgr
printf 'https://example.org/tools/gamma.git\nhttps://example.org/tools/delta.git\n' > GitLinks.txt
git() { echo "git $*"; }

ls > GITPATHTEMP.txt
cat GITPATHTEMP.txt | grep -v GITPATHTEMP.txt | grep -v GitLinks.txt > GITPATH.txt

for pths in $(cat GITPATH.txt);do
cd $pths
echo "----------------------------------------------------------"
echo "You are updating this Git repo:"
basename "$(pwd)"
echo "----------------------------------------------------------"
git pull
cd ..
done

for links in $(cat GitLinks.txt);do
echo "----------------------------------------------------------"
echo "You are downloading this Git repo:"
echo $links
echo "----------------------------------------------------------"
git clone $links
done

rm GITPATHTEMP.txt GITPATH.txt
unset pths
unset links
set -u
