#!/bin/bash
################################################################
# Watches the mail queue: mails the admin when it holds too many
# messages in total or from a single sender.
################################################################

# Set the correct path for commands
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
DEBUG='-q'
[[ $- = *x* ]] && DEBUG='-v'

# Stand-ins: hostname, mailq and mail print fixed answers or what they would do.
hostname() { if [ "$1" = -f ]; then echo relay2.mail.example.org; else echo relay2; fi; }
mailq() {
  for i in 1 2 3 4 5 6; do echo "B00$i     900 Wed May  8 09:00:0$i  bulk@spam.example"; echo "                                         u$i@example.net"; done
  for i in 1 2; do echo "C00$i     700 Wed May  8 09:01:0$i  app@example.org"; echo "                                         v$i@example.net"; done
  echo "-- 7 Kbytes in 8 Requests."
}
mail() { echo "mail $*"; sed 's/^/  | /'; }

# The script's basename
PROG=${0##*/}

# This host and domain
THISHOST=$(hostname)
[[ $THISHOST = *.* ]] || THISHOST=$(hostname -f)
THISDOMAIN=${THISHOST#*.}

# Default setting for options
M_TOTAL=1000
M_SINGLE=500
W_INTERVAL=300
M_RECIPIENT="postmaster@$THISDOMAIN"

set -- -t 7 -s 5 -r ops@example.org
while getopts t:s:r:i: OPT
do
    case $OPT in
    t)  M_TOTAL=$OPTARG ;;
    s)  M_SINGLE=$OPTARG ;;
    r)  M_RECIPIENT=$OPTARG ;;
    i)  W_INTERVAL=$OPTARG ;;
    *)  echo "Usage: $PROG [-t total] [-s single] [-r recipient] [-i interval]"; exit 1 ;;
    esac
done
shift $((OPTIND - 1))

TOTAL=$(mailq | awk '/Requests/ {print $5}')
echo "host $THISHOST in $THISDOMAIN: $TOTAL queued (limits $M_TOTAL/$M_SINGLE, every ${W_INTERVAL}s), debug $DEBUG"
if [ ${TOTAL:-0} -gt $M_TOTAL ]; then
    mailq | mail -s "Mail queue on $THISHOST: $TOTAL messages" $M_RECIPIENT
fi
mailq | awk '/^[A-F0-9]/ {print $NF}' | sort | uniq -c | while read COUNT SENDER
do
    [ $COUNT -gt $M_SINGLE ] || continue
    echo "$COUNT messages from $SENDER" | mail -s "Mail flood from $SENDER on $THISHOST" $M_RECIPIENT
done
