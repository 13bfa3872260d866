#!/bin/bash

# the clock is a stand-in on PATH: each date +%s is ten seconds later
mkdir -p bin
cat > bin/date <<'SH'
#!/bin/sh
if [ "$1" = +%s ]; then
  n=$(cat clock 2>/dev/null || echo 0)
  echo $((n + 1)) > clock
  echo $((1700000000 + (n + 0) / 1 * 10))
else
  exec /bin/date "$@"
fi
SH
chmod +x bin/date
PATH="$PWD/bin:$PATH"

echo "How many minutes?"

read minutes <<'IN'
1
IN

clear

seconds=minutes*60; 
date1=$((`date +%s` + $seconds)); 
echo "Countdown: $minutes minutes"
while [ "$date1" -ge `date +%s` ]; do 
	echo -ne "$(date -u --date @$(($date1 - `date +%s` )) +%H:%M:%S)\r"; 
done
echo
