#!/bin/bash
# Naively runs the script every 5 mins using sleep
# Ideally, use a cron job to run the script at a specific interval

# Usage: ./run_interval.sh <script_to_run> <seconds_to_sleep>
# (here it stops after two rounds, with a short sleep)
cat > collect.sh <<'EOF'
#!/bin/sh
echo "collected $1"
EOF
chmod +x collect.sh
set -- "./collect.sh --all" 0.1

n=0
while true; do
		$1
		sleep $2
		n=$((n + 1)); [ $n -ge 2 ] && break
done
