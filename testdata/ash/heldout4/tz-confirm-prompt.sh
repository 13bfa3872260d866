#!/bin/sh
new_hostname=PI$(date +"%Y%m%d%H%m" | cut -c1-2)
mkdir -p etc usr/share/zoneinfo
touch usr/share/zoneinfo/UTC
read -r -p "appnode: This script will set the timezone to UTC and hostname to $new_hostname. Are you sure? [y/N] " response <<EOF2
y
EOF2
case $response in
    [yY][eE][sS]|[yY]) 
	ln -sf "$PWD/usr/share/zoneinfo/UTC" etc/localtime
	echo "Etc/UTC" > etc/timezone
        echo $new_hostname > etc/hostname
        echo Done.
	;;
    *)
        echo "Bye."
        ;;
esac
cat etc/hostname
