#!/bin/bash
# Rotate and cleanup log files
mkdir -p cron.daily log/app
printf '#!/bin/sh\necho "logrotate ran"\n' > cron.daily/logrotate; chmod +x cron.daily/logrotate
touch log/a.gz log/app/b.gz log/syslog.1 log/app/x.old.2 log/keep.log
./cron.daily/logrotate
find ./log -type f -name "*.gz" -exec rm -f {} \;
find ./log -type f -name "*.1" -exec rm -f {} \;
find ./log -type f -name "*.old*" -exec rm -f {} \; 
find ./log -type f | sort
