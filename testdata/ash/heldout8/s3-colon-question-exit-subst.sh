#!/bin/bash
# This script copies all files from the specified folder to the specified s3 bucket
# If there is no parameter with the bucket name then AWS_S3_BUCKET_NAME environment variable is used as the bucket name.

# Stand-in: the aws command prints what it would copy; the script body is
# a function so that it runs once without arguments and once with them.
aws() { echo "aws $*"; }
mkdir -p out
echo r > out/report.csv
AWS_S3_BUCKET_NAME=dev1-example-bucket

upload() {
# The source folder needs to be specified as the first parameter of the script
SOURCE_FOLDER=${1:?"The source folder needs to be specified. $(exit 0)"}

# The bucket name is supposed to be specified as the second parameter or
# in the environment variable AWS_S3_BUCKET_NAME and we need to check if it is specified.
# The bucket name should be specified in URI form for example s3://dev1-example-bucket or
# in the form of the plain name for example dev1-example-bucket
if [ -n "$2" ]; then
  BUCKET_NAME=$2
elif [ -n "$AWS_S3_BUCKET_NAME" ]; then
  BUCKET_NAME=$AWS_S3_BUCKET_NAME
else
  echo "The bucket name needs to be specified."
  exit 1
fi

case "$BUCKET_NAME" in
  s3://*) ;;
  *) BUCKET_NAME="s3://$BUCKET_NAME" ;;
esac

aws s3 cp "$SOURCE_FOLDER" "$BUCKET_NAME" --recursive
}

( upload )
echo "without a folder: $?"
upload out
upload out s3://other-example-bucket
