#!/bin/sh
set -e
mkdir -p ./pkg ./root/usr/local/bin
printf '#!/bin/sh\necho tool\n' > ./pkg/tool
install -m 0755 ./pkg/tool ./root/usr/local/bin/tool
install -d -m 0750 ./root/var/lib/tool
stat -c '%a %n' ./root/usr/local/bin/tool ./root/var/lib/tool
