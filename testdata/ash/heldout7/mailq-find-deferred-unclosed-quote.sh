#/bin/bash
# Stand-ins: mail and postsuper print what they would do.
mail() { echo "mail $*"; cat; }
postsuper() { echo "postsuper $*"; }
mkdir -p var/spool/postfix/deferred/A var/spool/postfix/deferred/B
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
  : > var/spool/postfix/deferred/A/A$i
  : > var/spool/postfix/deferred/B/B$i
done
#for i in `postqueue -p | grep MAILER-DAEMON | awk {'print $1'}` ; do postsuper -d $i ; done
NUM=`find var/spool/postfix/deferred -type f | wc -l`
if [ $NUM -gt 25 ]
then echo "Current Email Queue size is $NUM" | mail -s "Email Queue Critical on $HOSTNAME postmaster@example.org
postsuper -d ALL
fi
