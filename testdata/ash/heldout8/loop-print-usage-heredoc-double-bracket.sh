#!/bin/bash
# (stops after two cycles here, with a short sleep)
cat > probe.sh <<'EOF'
#!/bin/sh
echo "probe ok"
EOF
chmod +x probe.sh

print_usage()
{
cat << EOF
Run cyclic test using provided script/command with delay between the cycles

Usage $0 <command.sh> <sleep_in_seconds>

EOF
}

cyclic() {
if [[ "$#" -lt 2 ]]; then
    print_usage;
    return 1
fi

COMMAND=$1
SLEEP=$2

cycle=0
while [ 1 ]; do
	echo 
	$COMMAND 
	sleep $SLEEP
	cycle=$((cycle + 1)); [ $cycle -ge 2 ] && break
done
}

cyclic ./probe.sh
echo "status $?"
cyclic ./probe.sh 0.1
