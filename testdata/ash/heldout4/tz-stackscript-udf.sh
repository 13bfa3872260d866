#!/bin/bash
# <UDF name="NODE_HOSTNAME" label="Hostname" />
# <UDF name="NODE_FQDN" label="FQDN" />
# <UDF name="NODE_TIMEZONE" label="Timezone" default="Australia/Sydney" />
# <UDF name="ADMIN_USERNAME" label="Admin username" default="linac" />

set -euo pipefail
NODE_HOSTNAME=${NODE_HOSTNAME:-web01}
NODE_FQDN=${NODE_FQDN:-web01.example.net}
NODE_TIMEZONE=${NODE_TIMEZONE:-Australia/Sydney}

# basics.sh
printf 'basics_loaded=yes\n' > basics.sh
. ./basics.sh

wget() { echo "#!/bin/sh" > install.sh; echo 'echo "installer: $*"' >> install.sh; }
wget "http://software.example.com/gpl/scripts/install.sh"
sh install.sh --force --verbose --hostname "$NODE_FQDN"
echo "${NODE_HOSTNAME} in ${NODE_TIMEZONE#*/} (basics: $basics_loaded)"
