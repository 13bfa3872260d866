#!/bin/sh
set -e
set -o pipefail

# Stand-in: hub answers pending three times, then success (a counter in a
# file); the waits are shortened.
mkdir -p stand
cat > stand/hub <<'EOF'
#!/bin/sh
n=$(cat hub.count 2>/dev/null || echo 0)
echo $((n + 1)) > hub.count
if [ "$n" -lt 3 ]; then echo pending; else echo success; fi
EOF
chmod +x stand/hub
PATH=$PWD/stand:$PATH
sleep() { :; }

if [[ "$(hub ci-status)" = "success" ]] ; then
    echo "Build already complete." 1>&2
    exit 0
fi
while [[ "$(hub ci-status)" != "pending" ]] ; do
    sleep 3
done
echo "Build in progress..." 1>&2
while [[ "$(hub ci-status)" = "pending" ]] ; do
    sleep 10
done
echo "Build complete." 1>&2
echo "hub asked $(cat hub.count) times"
