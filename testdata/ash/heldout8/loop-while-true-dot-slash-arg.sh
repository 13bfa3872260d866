#!/bin/bash
# Hacky alternative to cron job ... runs command, sleeping for a
# specified number of minutes between runs.
#
# Usage:
#  ./keep-running ./run.sh 1440
# (here it stops after two rounds, with a short sleep)
cat > run.sh <<'EOF'
#!/bin/sh
echo "report written" >> report.log
echo "run $(wc -l < report.log)"
EOF
chmod +x run.sh
set -- run.sh 0.1

rounds=0
while true; do
  ./$1
  echo "sleeping for ${2} seconds..."
  sleep $2
  rounds=$((rounds + 1)); [ $rounds -ge 2 ] && break
done
