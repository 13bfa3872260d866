#!/bin/bash

# Stand-in: the aws command prints what it would send where.
aws() { echo "aws $*"; }
mkdir -p files/img
echo hello > s3.text
echo a > files/a.txt; echo b > files/img/b.png

export S3Bucket="s3://svcc-demo-bucket-1"

aws s3 ls $S3Bucket

#copy local file to the S3 bucket
aws s3 cp ./s3.text s3://svcc-demo-bucket-1

#sync the local directories on the S3 Bucket
aws s3 sync ./files s3://svcc-demo-bucket-1/files

