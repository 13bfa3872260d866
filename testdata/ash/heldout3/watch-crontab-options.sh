#!/bin/bash
set -e;
APP_HOME=$PWD
crontab() { if [ "$1" = -l ]; then cat ./crontab.txt 2>/dev/null; else cp "$1" ./crontab.txt; fi; }
function usage(){
	echo "Usage: watchdog.sh [option]";
	echo -e " -h, --help \t This help text."
	echo -e " -a, --add-crontab \t add watchdog task to crontab."
	echo -e " -w, --work\t run the watchdog program for ONE time."
}
function add_crontab(){
	crontab -l | grep -v "$APP_HOME/bin/watchdog.sh" > tmp_crontab.txt || true
	mkdir -p $APP_HOME/logs/ && touch $APP_HOME/logs/watchdog.log
	echo "* * * * * $APP_HOME/bin/watchdog.sh -w >> $APP_HOME/logs/watchdog.log 2>&1" >> tmp_crontab.txt
	crontab tmp_crontab.txt
	rm -f tmp_crontab.txt
}
usage
add_crontab
add_crontab
wc -l < ./crontab.txt
