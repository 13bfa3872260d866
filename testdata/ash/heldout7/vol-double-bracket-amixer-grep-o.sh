#!/bin/bash

# Stand-ins: amixer answers with a fixed mixer state; volnoti-show prints.
amixer() {
  if [ "$1" = set ]; then echo "amixer $*"; return; fi
  cat <<'EOF'
Simple mixer control 'Master',0
  Capabilities: pvolume pswitch pswitch-joined
  Playback channels: Front Left - Front Right
  Limits: Playback 0 - 65536
  Mono:
  Front Left: Playback 42598 [65%] [on]
  Front Right: Playback 42598 [65%] [on]
EOF
}
mkdir -p bin
cat > bin/volnoti-show <<'EOF'
#!/bin/sh
echo "osd: $1"
EOF
chmod +x bin/volnoti-show
PATH="$PWD/bin:$PATH"
set -- up


[[ $1 == "up" ]] && amixer set Master 5%+
[[ $1 == "down" ]] && amixer set Master 5%-
[[ $1 == "mute" ]] && amixer set Master toggle
volume=$(amixer -D pulse get Master | grep -o "\[.*%\]" | grep -o "[0-9]*" | head -n1)

echo $volume
volnoti-show  $volume 
