#!/bin/bash
set -e
set -o pipefail
GROUP=web
ID=d-42
CURRENT_RELEASE=./releases/$GROUP/$ID
SYMLINK=./$GROUP
mkdir -p $CURRENT_RELEASE ./releases/$GROUP/d-41
ln -sfn ./releases/$GROUP/d-41 $SYMLINK
PREVIOUS_RELEASE=`readlink $SYMLINK`
rm -f $SYMLINK
ln -s $CURRENT_RELEASE $SYMLINK
SERVICE=app-testing
if [ $GROUP == 'web' ]; then
    SERVICE=app-production
fi
echo "restart $SERVICE (was $PREVIOUS_RELEASE)"
