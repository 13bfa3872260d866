# from a question on showing a countdown or a stopwatch in a terminal

# the clock is a stand-in on PATH: a second passes every three date +%s
mkdir -p bin
cat > bin/date <<'SH'
#!/bin/sh
if [ "$1" = +%s ]; then
  n=$(cat clock 2>/dev/null || echo 0)
  echo $((n + 1)) > clock
  echo $((1700000000 + (n + 2) / 3 * 1))
else
  exec /bin/date "$@"
fi
SH
chmod +x bin/date
PATH="$PWD/bin:$PATH"

countdown(){
    date1=$((`date +%s` + $1));
    while [ "$date1" -ge `date +%s` ]; do 
    ## More than 24h away?
    days=$(($(($(( $date1 - $(date +%s))) * 1 ))/86400))
    echo -ne "\033[H\033[2K\033[10C$days day(s) and $(date -u --date @$(($date1 - `date +%s`)) +%H:%M:%S)\033[K\n\033[2K"; 
    sleep 0.1
    done
}

stopwatch(){
    date1=`date +%s`; 
    n=0
    while true; do 
    n=$((n + 1)); [ $n -gt 3 ] && break	# (bounded here)
    days=$(( $(($(date +%s) - date1)) / 86400 ))
    echo -ne "$days day(s) and $(date -u --date @$((`date +%s` - $date1)) +%H:%M:%S)\r";
    sleep 0.1
    done
}

countdown 2
stopwatch
echo
