#!/bin/bash
mkdir -p bin
printf '#!/bin/sh\nexit 0\n' > bin/apt-get
chmod +x bin/apt-get
PATH="$PWD/bin:$PATH"
CURDIR="${BASH_SOURCE[0]}";RL="readlink";([[ `uname -s`=='Darwin' ]] || RL="$RL -f")
while([ -h "${CURDIR}" ]) do CURDIR=`$RL "${CURDIR}"`; done
N="/dev/null";pushd .>$N;cd `dirname ${CURDIR}`>$N;CURDIR=`pwd`;popd>$N
IS_DEB=0
IS_RHEL=0
RUN=0
apt-get -h > /dev/null 2>&1
if (($? == 0)) ; then IS_DEB=1 ; fi
yum --help > /dev/null 2>&1
if (($? == 0)) ; then IS_RHEL=1 ; fi
if [ $IS_DEB -eq 1 ]
then
  echo "would run ${CURDIR##*/}/_install-deb.sh"
  RUN=1
fi
if [ $IS_RHEL -eq 1 ]
then
  echo "would run _install-rhel.sh"
  RUN=1
fi
if [ $RUN -ne 1 ]
then
  echo "unknown system"
fi
