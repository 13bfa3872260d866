#!/bin/bash
printf 'NAME="Debian GNU/Linux"\nID=debian\n' > os-release
init_release(){
  if [ -f ./os-release ]; then
      . ./os-release
      OS=$NAME
  elif type lsb_release >/dev/null 2>&1; then
      OS=$(lsb_release -si)
  elif [ -f ./debian_version ]; then
      OS=Debian
  else
      OS=$(uname -s)
  fi
  echo $OS
  OS=`echo "$OS" | tr '[:upper:]' '[:lower:]'`
  echo $OS
  if [[ $OS = *'ubuntu'* || $OS = *'debian'* ]]; then
    pkg='apt'
  elif [[ $OS = *'centos'* ]]; then
    pkg='yum'
  else
    exit 1
  fi
  echo $pkg
}
init_release
