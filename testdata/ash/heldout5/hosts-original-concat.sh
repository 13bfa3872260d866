#!/bin/bash 
mkdir -p etc
printf '127.0.0.1 localhost\n::1 localhost\n' > etc/hosts
wget() {
	case $1 in
	*hosts.local) echo '10.0.0.5 nas.home' > "$3" ;;
	*) printf '# blocklist\r\n0.0.0.0 ad.example\r\n' > "$3" ;;
	esac
}

if [ ! -f etc/hosts.original ]; then
    cp etc/hosts etc/hosts.original
fi

wget https://hosts.local -O etc/hosts.local
wget http://winhelp2002.mvps.org/hosts.txt -O etc/hosts.blocklist
cat etc/hosts.original etc/hosts.local etc/hosts.blocklist > etc/hosts
wc -l < etc/hosts
