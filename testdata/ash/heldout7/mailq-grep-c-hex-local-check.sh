#!/bin/bash
# check_postfix_queue.sh - a local check of the postfix queue for the monitoring agent

# Stand-in: mailq lists a fixed queue.
mailq() {
cat <<'EOF'
-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------
3B1C9E0A12     2048 Tue May  7 08:12:01  app@example.org
                                         user1@example.net

A7F0D2B3C4*    1532 Tue May  7 08:12:09  app@example.org
                                         user2@example.net

E19F00AB77!     911 Tue May  7 08:13:44  cron@example.org
                                         root@example.org

-- 4 Kbytes in 3 Requests.
EOF
}

QUEUE=$(mailq 2>/dev/null | grep -c '^[A-F0-9]')
if [ -z "$QUEUE" ]; then
    echo "3 Postfix_queue - Unable to read postfix queue"
    exit 0
fi

if [ "$QUEUE" -lt 20 ]; then
    echo "0 Postfix_queue - Mail queue OK: $QUEUE messages"
elif [ "$QUEUE" -lt 100 ]; then
    echo "1 Postfix_queue - Mail queue WARNING: $QUEUE messages"
else
    echo "2 Postfix_queue - Mail queue CRITICAL: $QUEUE messages"
fi
