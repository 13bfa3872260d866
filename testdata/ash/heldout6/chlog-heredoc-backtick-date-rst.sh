#!/usr/bin/env bash
#
# Writes the change log between two tags given as arguments
#
# e.g. ./changelog.sh 0.19.8 0.20.0
date() { echo "Mon 15 Jan 2024 10:00:00 GMT"; }
git() { printf '%s\n%s' '  * `view commit &bull; <https://example.org/pipeline/commit/1f2e3d>`_ Faster flat fields' '  * `view commit &bull; <https://example.org/pipeline/commit/4c5b6a>`_ New plot option'; }
mkdir -p docs
set -- 0.19.8 0.20.0

tag1=$1
tag2=$2

clog=docs/change_log_${tag1}_${tag2}.rst

cat<<EOF > $clog
.. changelog created on `date`

.. include:: globals.rst

|pipe| pipeline change log from ${tag1} to ${tag2}
***************************************************

Changes from git, oldest first:

EOF

git log ${tag1}..${tag2} --pretty=format:'  * `view commit &bull; <https://example.org/pipeline/commit/%H>`_ %s' --reverse >> $clog
cat $clog
