#!/bin/bash
#
# Script to upload a file to Amazon S3 bucket
#
# Amazon S3 onfiguration is read from (in this order):
#   1. the working directory
#   2. The user's home directory
# (in that order)
#
# SHELLS3_BUCKET="your_amazon_bucket"
# SHELLS3_AWS_ACCESS_KEY_ID="your_s3_key"
# SHELLS3_AWS_SECRET_ACCESS_KEY="your_secret"
# SHELLS3_AWS_REGION=${SHELLS3_AWS_REGION:-"us-east-1"}
#

# Stand-ins: openssl and file (which a base system lacks) give fixed
# answers; curl prints what it would send, not the date.
mkdir -p bin
cat > bin/openssl <<'EOF'
#!/bin/sh
cat >/dev/null; printf 'fixed-signature'
EOF
cat > bin/file <<'EOF'
#!/bin/sh
echo "text/plain"
EOF
cat > bin/curl <<'EOF'
#!/bin/sh
for a in "$@"; do case "$a" in Content-Type:*|Authorization:*) echo "  $a";; https://*) echo "  PUT $a";; esac; done
EOF
chmod +x bin/openssl bin/file bin/curl
PATH="$PWD/bin:$PATH"
cat > .s3u.conf <<'EOF'
SHELLS3_BUCKET="example-bucket"
SHELLS3_AWS_ACCESS_KEY_ID="AKIDEXAMPLE"
SHELLS3_AWS_SECRET_ACCESS_KEY="secret-placeholder"
EOF
echo "notes" > notes.txt
set -- notes.txt

MIMEPATTERN="[0-9a-zA-Z-]/[0-9a-zA-Z-]"

# read property file
config_file=".s3u.conf"
if [ -f "$(pwd)/$config_file" ]; then
  source "$(pwd)/$config_file"
elif [ -f "$HOME/$config_file" ]; then
  source "$HOME/$config_file"
fi

bucket=$SHELLS3_BUCKET
key=$SHELLS3_AWS_ACCESS_KEY_ID
secret=$SHELLS3_AWS_SECRET_ACCESS_KEY
region=${SHELLS3_AWS_REGION:-"us-east-1"}

file=$1
if [ ! -f "$file" ]; then
  echo "No such file: $file"
  exit 1
fi

contentType=$(file -b --mime-type "$file")
if ! [[ $contentType =~ $MIMEPATTERN ]]; then
  contentType="application/octet-stream"
fi

resource="/${bucket}/$(basename $file)"
dateValue=`date -R`
stringToSign="PUT\n\n${contentType}\n${dateValue}\n${resource}"
signature=`echo -en ${stringToSign} | openssl sha1 -hmac ${secret} -binary | base64`

echo "Uploading $file to s3://$bucket ($region)"
curl -X PUT -T "${file}" \
  -H "Host: ${bucket}.s3.amazonaws.com" \
  -H "Date: ${dateValue}" \
  -H "Content-Type: ${contentType}" \
  -H "Authorization: AWS ${key}:${signature}" \
  https://${bucket}.s3.amazonaws.com/$(basename $file)
