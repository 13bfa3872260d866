#!/bin/bash
# Script Name: mailQWatch
# Description:
#   Mails a report when the postfix queue is long.

# Stand-ins on PATH: postqueue gives a fixed queue, mail prints what it would send.
mkdir -p bin
cat > bin/postqueue <<'EOF'
#!/bin/sh
echo "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------"
echo "4F1A2B3C4D*    1200 Mon May  6 10:00:00  alerts@example.org"
echo "                                         ops@example.org"
echo ""
echo "-- 96 Kbytes in 80 Requests."
EOF
cat > bin/mail <<'EOF'
#!/bin/sh
echo "mail $*"
sed 's/^/  | /'
EOF
cat > bin/hostname <<'EOF'
#!/bin/sh
echo mx1
EOF
chmod +x bin/postqueue bin/mail bin/hostname
PATH="$PWD/bin:$PATH"

QUEUELIMIT=75
SUBJECT="Mail Queue on $HOST is currently $QUEUECOUNT"
MAILTO="support@example.org"

HOST=$(hostname)
POSTQUEUE=$(which postqueue)
QUEUELENGTH=$($POSTQUEUE -p | tail -n1 | awk '{print $5}')
QUEUECOUNT=$(echo $QUEUELENGTH | grep "[0-9]")

if [ "$QUEUECOUNT" == "" ]; then
  exit;
elif [ "$QUEUECOUNT" -gt "$QUEUELIMIT" ]; then
  $POSTQUEUE -p | mail -s "$SUBJECT" "$MAILTO"
fi
