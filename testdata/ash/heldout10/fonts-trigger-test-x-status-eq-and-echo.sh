#
# This helpers runs fc-cache after fontconfig has been installed,
# and update its list of fonts.
#
# The target root is the working directory: its usr/bin/fc-cache is a stand-in
mkdir -p usr/bin
printf '#!/bin/sh\necho "fc-cache $*"\n' > usr/bin/fc-cache
chmod +x usr/bin/fc-cache

if [ -x usr/bin/fc-cache ]; then
	usr/bin/fc-cache -f
	[ "$?" -eq 0 ] && echo "=> Updated fontconfig fonts cache."
fi
