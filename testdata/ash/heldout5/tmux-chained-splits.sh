#!/bin/bash
mkdir -p bin
cat > bin/tmux <<'STUB'
#!/bin/sh
for a in "$@"; do printf '<%s>' "$a"; done
echo
STUB
chmod +x bin/tmux
PATH="$PWD/bin:$PATH"

tmux new-session \; \
split-window -h -t $session:0 \; \
split-window -v -t $session:0.0 \; \
split-window -v -t $session:0.1 \; \
send-keys -t $session:0 "clear" C-m \; \
send-keys -t $session:0.0 "clear" C-m \; \
send-keys -t $session:0.1 "clear" C-m \; \
send-keys -t $session:0.2 "clear" C-m \;



