#!/bin/sh

# Stand-ins: the aws command shows what it would upload and whether the
# credentials file is there; the home directory is local.
mkdir -p bin home dist
cat > bin/aws <<'EOF'
#!/bin/sh
echo "aws $* (credentials: $(grep -c = "$HOME/.aws/credentials") lines)"
EOF
chmod +x bin/aws
PATH="$PWD/bin:$PATH"
export HOME=$PWD/home
echo one > dist/app.js; echo two > dist/app.css
FILES="dist/app.js dist/app.css"
AWS_S3_BUCKET=robot-artifacts DEST=builds/42 AWS_REGION=us-west-2
AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=secret-placeholder
set -- --acl private --no-progress

set -e

mkdir -p ~/.aws
touch ~/.aws/credentials

echo "[default]
aws_access_key_id = ${AWS_ACCESS_KEY_ID}
aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}" > ~/.aws/credentials

for FILE in ${FILES}
do
    aws s3 cp ${FILE} s3://${AWS_S3_BUCKET}/${DEST} --region ${AWS_REGION} $*
done

rm -rf ~/.aws
ls -A home
