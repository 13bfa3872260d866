# Stand-in: the aws command prints what it would do.
mkdir -p bin target/release-1.2
cat > bin/aws <<'EOF'
#!/bin/sh
case "$1" in
--version) echo "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64" ;;
*) echo "aws $*" ;;
esac
EOF
chmod +x bin/aws
PATH="$PWD/bin:$PATH"
echo jar > target/release-1.2/blog.zip
set -- AKIDEXAMPLE secret-placeholder dl-bucket target release-1.2 https://storage.example.invalid

#upload
aws --version
aws configure set aws_access_key_id ${1}
aws configure set aws_secret_access_key ${2}
aws configure set region auto
aws configure set output json
#do upload
originalPath="${4}/${5}"
aws s3 cp ${originalPath} s3://${3}/${5}/ --recursive --checksum-algorithm CRC32 --endpoint-url ${6}
