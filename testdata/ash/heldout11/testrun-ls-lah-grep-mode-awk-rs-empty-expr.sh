#!/bin/bash
#set -x

# Fixtures: test programs that print a summary line as the second last
# line, and a script that is not a test; fixed modification times.
export TZ=UTC
printf '#!/bin/sh\necho "running"\necho "Passed 5 Failed 1 Skipped 0"\necho "done"\n' > testraster
printf '#!/bin/sh\necho "running"\necho "Passed 7 Failed 0 Skipped 2"\necho "done"\n' > testcontrast
printf '#!/bin/sh\necho helper\n' > helper.sh
chmod 755 testraster testcontrast helper.sh
touch -t 202001010000 testraster testcontrast helper.sh .

LIST=`ls -lah |grep rwxr-xr-x |grep -v ^d |grep -v pl$ |grep -v ~$ |grep -v .sh$ |awk '{print $8}'|awk '$1=$1' RS=`

TOTALEXES=0
TOTALFAILED=0
TOTALPASSED=0
TOTALSKIPPED=0
for FILE in $LIST; 
do 
  RESULT=`./${FILE} | tail -2 |head -1`
  PASSED=`echo ${RESULT} | awk '{print $2}'`
  FAILED=`echo ${RESULT} | awk '{print $4}'`
  SKIPPED=`echo ${RESULT} | awk '{print $6}'`
  TOTALFAILED=`expr $TOTALFAILED + $FAILED`
  TOTALPASSED=`expr $TOTALPASSED + $PASSED`
  TOTALSKIPPED=`expr $TOTALSKIPPED + $SKIPPED`
  TOTALEXES=`expr $TOTALEXES + 1`
done
  echo "-------------------------------"
  echo "TOTAL TESTS  : ${TOTALEXES}"
  echo "-------------------------------"
  echo "TOTAL TEST CASES PASSED  : ${TOTALPASSED}"
  echo "TOTAL TEST CASES FAILED  : ${TOTALFAILED}"
  echo "TOTAL TEST CASES SKIPPED : ${TOTALSKIPPED}"
  echo "-------------------------------"
