#!/usr/bin/env bash
mkdir -p etc
echo 'Debian GNU/Linux 12 \n \l' > etc/issue
echo 'Linux version 6.1.0 (debian-kernel@lists.debian.org)' > proc-version
echoContent() { echo "[$1] $2"; }
checkSystem(){
	if [[ ! -z `find ./etc -name "redhat-release"` ]] || [[ ! -z `cat ./proc-version | grep -i "centos" | grep -v grep ` ]]
	then
		release="centos"
		installType='yum -y install'
	elif [[ ! -z `cat ./etc/issue | grep -i "debian" | grep -v grep` ]] || [[ ! -z `cat ./proc-version | grep -i "debian" | grep -v grep` ]]
	then
		release="debian"
		installType='apt -y install'
	elif [[ ! -z `cat ./etc/issue | grep -i "ubuntu" | grep -v grep` ]]
	then
		release="ubuntu"
		installType='apt -y install'
	fi
	if [[ -z ${release} ]]
	then
		echoContent red "unsupported system"
		exit 0;
	fi
	echoContent green "$release: $installType"
}
checkSystem
