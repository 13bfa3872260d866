#!/usr/bin/env bash

# The shared helpers and the backlight file are below the working directory.
mkdir -p lib sys/class/backlight/intel_backlight
echo 30 > sys/class/backlight/intel_backlight/brightness
cat > lib/common.sh <<'EOF'
ENABLE_LOGGING=${ENABLE_LOGGING:-1}
DEBUG=${DEBUG:-1}
SUDO=
log() { [ "$ENABLE_LOGGING" = 1 ] && echo "[log] $*"; }
debug() { [ "$DEBUG" = 1 ] && echo "[debug] $*"; }
check_env() {
  eval "val=\${$1}"
  if [ -z "$val" ]; then
    echo "$1 is not set" >&2
    exit 1
  fi
}
EOF
export SCREEN_DEVICE=sys/class/backlight/intel_backlight/brightness

CMD_PATH=$(dirname "./screen.sh")
source $CMD_PATH/lib/common.sh
#ENABLE_LOGGING=0
#DEBUG=0

# device to control screen brightness
# e.g., like /sys/class/backlight/intel_backlight/brightness
check_env "SCREEN_DEVICE"

OFF_BRIGHTNESS=0
ON_BRIGHTNESS=30
MAX_BRIGHTNESS=100  # maximum brightness level
CURRENT_BRIGHTNESS=$(cat $SCREEN_DEVICE)

function screen_off() {
 if [ "$CURRENT_BRIGHTNESS" = "$OFF_BRIGHTNESS" ]; then
  debug "Screen is already off."
  return
 fi

 log "Turning off screen..."
 echo $OFF_BRIGHTNESS | $SUDO tee $SCREEN_DEVICE
}

function screen_on() {
 if [ "$CURRENT_BRIGHTNESS" = "$ON_BRIGHTNESS" ]; then
  debug "Screen is already on."
  return
 fi

 log "Turning on screen..."
 echo $ON_BRIGHTNESS | $SUDO tee $SCREEN_DEVICE
}

for action in on off; do
case "$action" in
  on) screen_on ;;
  off) screen_off ;;
esac
CURRENT_BRIGHTNESS=$(cat $SCREEN_DEVICE)
done
