#!/bin/sh

# Stand-ins: logger prints the message it would log; haproxy checks its
# arguments; the wrapper prints what it would run; the pid file is a fixture.
mkdir -p bin run
logger() { echo "logger: $*"; }
haproxy() { echo "Configuration file is valid ($*)"; }
cat > bin/haproxy-systemd-wrapper <<'EOF'
#!/bin/sh
echo "haproxy-systemd-wrapper $*"
EOF
chmod +x bin/haproxy-systemd-wrapper
PATH="$PWD/bin:$PATH"
echo 4242 > run/haproxy.pid
set -- -f haproxy.cfg -f conf.d

set -e

logger -i -t haproxy-reload "Checking config: $*"

haproxy -c $*

logger -i -t haproxy-reload "Config checked OK, reloading PID `cat run/haproxy.pid`"

exec haproxy-systemd-wrapper $* -p run/haproxy.pid -st run/haproxy.pid
