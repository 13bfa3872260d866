#!/bin/bash

# Stand-in: the aws command prints what it would do; two backups, the
# second a second newer.
aws() { echo "aws $*"; }
mkdir -p vault/backups
FILE_PATH=vault/backups AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=secret-placeholder AWS_DEFAULT_REGION=eu-west-1
echo old > vault/backups/vault-0101.snap
sleep 1
echo new > vault/backups/vault-0102.snap

aws configure set aws_access_key_id $AWS_ACCESS_KEY_ID
aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY
aws configure set region $AWS_DEFAULT_REGION
file_name=$(ls -ltc $FILE_PATH | head -n 2 | tail -n 1 | awk '{print $NF}')
echo '------------------ Copying Files To Bucket -----------------------------'
aws s3 cp $FILE_PATH/$file_name s3://BUCKET_NAME/
echo '------------ DONE -------------------------------------------------------'
