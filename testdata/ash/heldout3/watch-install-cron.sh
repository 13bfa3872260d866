#!/bin/bash
crontab() { cat > ./crontab.txt; }
echo "Installing watchdog cron job..."
# Add cron job to run watchdog every minute
(crontab -l 2>/dev/null | grep -v "watchdog.sh"; echo "* * * * * /home/pi/watchdog.sh") | crontab -
echo "✓ Watchdog installed"
echo ""
echo "View watchdog logs: tail -f ~/watchdog.log"
cat ./crontab.txt
