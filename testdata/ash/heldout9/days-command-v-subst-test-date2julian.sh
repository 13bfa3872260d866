#!/bin/bash
# Number of days between two dates.
#
# usage:
#   ndays DATE1 [DATE2]
#
# args:
#   DATE1   First date (YYYY-mm-dd as a rule, other forms too)
#   DATE2   Last date (today by default)
#
# needs:
#   date2julian, gnu date
# -----------------------------------------------------------------------------

# date2julian is a stand-in on PATH: the Julian day number of YYYY-mm-dd
mkdir -p bin
cat > bin/date2julian <<'SH'
#!/bin/sh
echo "$1" | awk -F- '{ a = int((14 - $2) / 12); y = $1 + 4800 - a; m = $2 + 12 * a - 3
  print $3 + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045 }'
SH
chmod +x bin/date2julian
PATH="$PWD/bin:$PATH"
set -- "2024-02-10" "2024-03-05"

[ $(command -v date2julian 1>/dev/null) ] || echo 'not found'
case "$#" in
    1 ) DATE1=$(date -d "$1" +%F)
        DATE2=$(date +%F)
        ;;
    2 ) DATE1=$(date -d "$1" +%F)
        DATE2=$(date -d "$2" +%F)
        ;;
    * ) echo -e "syntax: $(basename ndays) DATE1 [DATE2]"
        exit 2
        ;;
esac

jd1=$(date2julian $DATE1)
jd2=$(date2julian $DATE2)
echo "$DATE1 to $DATE2: $(( jd2 - jd1 )) days"
