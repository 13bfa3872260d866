#!/usr/bin/env bash
mkdir -p etc tmp
printf '127.0.0.1 localhost\n# Dan Pollock old list\n127.0.0.1 old.example\n' > etc/hosts
lynx() {
	cat <<'PAGE'
   Blocking unwanted connections with a hosts file
   # This hosts file is brought to you by Dan Pollock
   127.0.0.1 ad.example
   127.0.0.1 track.example
   # 1202 top
PAGE
}
lynx -dump -nolist http://someonewhocares.org/hosts/ | sed -n -E -e '/Dan Pollock/,$ p' | grep -ve '[[:digit:]]\{4\} top$' > tmp/hosts.advert-block
cat etc/hosts | sed -E -e '/Dan Pollock/,$d' > tmp/hosts.minimal
cp etc/hosts etc/hosts.original; cat tmp/hosts.minimal tmp/hosts.advert-block > etc/hosts
cat etc/hosts
