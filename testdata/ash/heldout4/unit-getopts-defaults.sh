#!/bin/sh
#

#
# systemd-service - Install systemd service; see 'systemd-service help'.
#

# The service name.  Default: directory name.
NAME=

# The service description.
DESCRIPTION=

# User running the service. Default: current user.
USER=

# Command to execute.  Default: 'start.sh'
CMD=

# Set to 'yes' if the service should be restarted by systemd
RESTART=

set -- -n worker -d "Queue worker" -r yes
while getopts c:d:fn:p:r:u: OPT; do
    case "$OPT" in
      c)    CMD="$OPTARG";;
      d)    DESCRIPTION="$OPTARG";;
      f)    force=yes;;
      n)    NAME="$OPTARG";;
      r)    RESTART="$OPTARG";;
      u)    USER="$OPTARG";;
      *)    echo "bad option" >&2; exit 2;;
    esac
done
shift $((OPTIND - 1))

NAME=${NAME:-$(basename "$PWD")}
USER=${USER:-$(id -un)}
CMD=${CMD:-start.sh}
cat > "$NAME.service" <<UNIT
[Unit]
Description=${DESCRIPTION:-$NAME}

[Service]
User=$USER
ExecStart=$PWD/$CMD
UNIT
[ "$RESTART" = yes ] && echo "Restart=always" >> "$NAME.service"
sed "s|$PWD|.|" "$NAME.service"
echo "force=${force:-no}"
