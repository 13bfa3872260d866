#!/bin/bash
#
# lowerExtension: Force extensions to lower-case
#
# To do:
#     Make into an option on 'renameFiles'.
#
touch report.TXT image.PNG
set -- report.TXT image.PNG
if [[ "$1" == "-h" ]]; then
    echo "Force extensions of the listed files, to lower-case."
    exit
fi

for x in $*; do
   set e = $x:e
   set r = $x:r
   set elower = `echo $e | tr '[:upper:]' '[:lower:]'`
   set newname = $r.$elower
   echo $x "-->" $newname
   mv $x $newname
end
