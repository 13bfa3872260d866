#!/bin/bash
# The proxy variables, as the Arch wiki's proxy page lists them
hostname() {
	case $1 in
	-d) echo corp.example ;;
	-i) echo 192.0.2.15 ;;
	esac
}

if [ -z "${BASH_VERSION:-}" ]; then
	echo ",proxy: this script is for bash" >&2
	return 2
	exit 2
fi

,proxy_on() {
	local tmp
	if ((!$#)); then
		cat <<EOF
Usage: ,proxy_on http://some_proxy_to_set

Sets all the proxy variables to the proxy.
EOF
		return 1
	fi
	local quiet
	while (($#)); do
		case "$1" in
		-q) quiet=1; ;;
		*) break; ;;
		esac
		shift
	done
	export no_proxy="localhost,127.0.0.1,localaddress,.localdomain.com"
	if tmp=$(hostname -d 2>/dev/null) && [[ -n "$tmp" ]]; then
		no_proxy+=",.$tmp"
	fi
	if tmp=$(hostname -i 2>/dev/null) && [[ -n "$tmp" ]]; then
		no_proxy+=",$tmp"
	fi
	export http_proxy="$1" https_proxy="$1" ftp_proxy="$1" \
		HTTP_PROXY="$1" HTTPS_PROXY="$1" FTP_PROXY="$1" NO_PROXY="$no_proxy"
	if [[ -z "${quiet:-}" ]]; then
		echo "Proxy variables set to $1"
	fi
}

,proxy_off() {
	unset http_proxy https_proxy ftp_proxy no_proxy
	unset HTTP_PROXY HTTPS_PROXY FTP_PROXY NO_PROXY
	echo "Proxy variables removed."
}

,proxy_on
,proxy_on -q http://proxy.corp.example:3128
env | grep -i '_proxy=' | sort
,proxy_off
