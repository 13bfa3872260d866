#!/bin/bash
#shebang
#
# Renames the files with a given extension: the user names the extension,
# then a prefix (today's date, YYYY-MM-DD, when just ENTER is pressed), and
# each old and new name is shown before the file is renamed.
#
# today's date is fixed here, so that runs agree
date() { echo 2024-05-01; }
touch a.log b.log c.txt
cat > answers <<'IN'
log

IN
exec < answers
DAY=$(date +%F)s
echo "Please enter the file extention:"
read EXTENTION
echo "Please enter the file prefix:(Press ENTER for $DAY)"
read

for  FILE in *.$EXTENTION
do
	if [ -z "$REPLY" ]; then
		PREFIX=$DAY
	else
		PREFIX=$REPLY
	fi
	echo "Renaming $FILE to ${PREFIX}-${FILE}"
	mv $FILE ${PREFIX}-${FILE}
done
ls
