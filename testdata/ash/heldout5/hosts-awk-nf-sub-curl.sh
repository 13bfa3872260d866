#!/bin/sh

# Build a hosts file from public ad server lists.

FILE="tmp/hosts.tmp"
mkdir -p tmp etc
curl() {
	case "$*" in
	*yoyo*) printf '127.0.0.1 ad1.example  # comment\r\n\r\n127.0.0.1\tad2.example\r\n' > "$2" ;;
	*hosts-file*) printf '127.0.0.1 ad2.example\n' ;;
	*) printf '# mvps\n0.0.0.0 ad3.example #x\n127.0.0.1 zzz.example\n' ;;
	esac
}
hostname() { case $1 in -f) echo box.example.org ;; -s) echo box ;; esac; }

curl -so $FILE -G -d hostformat=hosts -d showintro=0 -d mimetype=plaintext 'http://pgl.yoyo.org/adservers/serverlist.php'
curl -s 'http://hosts-file.net/.%5Cad_servers.txt' >> $FILE
curl -s 'http://winhelp2002.mvps.org/hosts.txt' >> $FILE
sed -i 's/127.0.0.1/0.0.0.0/g' $FILE
awk '(NF){sub(/\#.*/,"")}; (NF){sub(/\r$/,""); $1=$1; print}' $FILE | sort -u > tmp/hosts
sed -i '$d' tmp/hosts

cat << EOF > etc/hosts.tmp
127.0.0.1   localhost
127.0.1.1   $(hostname -f) $(hostname -s)

# The following lines are desirable for IPv6 capable hosts
::1     localhost ip6-localhost ip6-loopback
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters

EOF
cat tmp/hosts >> etc/hosts.tmp
mv etc/hosts.tmp etc/hosts
cat etc/hosts
