#!/bin/bash
mkdir -p opt
echo cert > opt/site.pem
openssl() { echo "notBefore=Jan  1 00:00:00 2024 GMT"; echo "notAfter=2040-01-01 00:00:00"; }
port="443"
RETVAL=0
TIMEOUT=25
name=site.pem
TIMESTAMP=`echo | date +%Y`
EXPIRE_DATE=`echo | openssl x509 -in ./opt/$name -noout -dates 2>/dev/null | grep notAfter | cut -d'=' -f2`
EXPIRE_SECS=`date -d "${EXPIRE_DATE}" +%s`
EXPIRE_TIME=$(( ${EXPIRE_SECS} - `date +%s` ))
if test $EXPIRE_TIME -lt 0
then
 RETVAL=0
else
 RETVAL=$(( ${EXPIRE_TIME} / 24 / 3600 / 1000 ))
fi
echo "${RETVAL} thousand days (checked $TIMESTAMP)"
