#!/bin/bash
# Stand-in: helm lists the releases it has installed, kept in a file.
helm() {
	case "$1" in
	ls) cat releases 2>/dev/null ;;
	install) echo "$2" >> releases; echo "NAME: $2 STATUS: deployed REVISION: 1 ($4)" ;;
	upgrade) echo "Release \"$2\" has been upgraded. ($4)" ;;
	esac
}
app_version=1.4.2

for run in 1 2; do
TAG=$app_version
result=$(eval helm ls | grep test)
if [ $? -ne "0" ]; then
   helm install test --set image.tag=$TAG testchart
else
   helm upgrade test --set image.tag=$TAG testchart
fi
done
