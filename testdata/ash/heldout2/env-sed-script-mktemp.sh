#!/bin/sh
# replaces every ${{NAME}} of a template with the environment's NAME
export SITE=example.org OWNER=ops
printf 'site: ${{SITE}}\nowner: ${{OWNER}}\nkeep: ${{UNSET_NAME}}\n' > tmpl.txt
set -- tmpl.txt
SED_SCRIPT_FILE=`mktemp ./stmpl.XXXXXX` || exit 1
env | sed 's/[\%]/\\&/g;s/\([^=]*\)=\(.*\)/s%${{\1}}%\2%g/' > $SED_SCRIPT_FILE
cat $1 | sed -f $SED_SCRIPT_FILE
rm $SED_SCRIPT_FILE
