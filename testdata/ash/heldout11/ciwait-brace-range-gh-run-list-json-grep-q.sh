#!/bin/bash

# Stand-ins: gh reports the runs as in progress until the third JSON
# query; the clock gives a fixed time; the waits are shortened.
mkdir -p stand
cat > stand/gh <<'EOF'
#!/bin/sh
case "$*" in
*--json*)
  n=$(cat gh.count 2>/dev/null || echo 0); echo $((n + 1)) > gh.count
  if [ "$n" -lt 2 ]; then echo '[{"name":"Test","status":"in_progress"}]'; else echo '[{"name":"Test","status":"completed"}]'; fi ;;
"run list"*) printf 'in_progress\tESLint\tredesign\n in_progress\tTest\tredesign\n' ;;
"pr checks"*) printf 'ESLint\tpass\t1m2s\nTest\tpass\t3m40s\n' ;;
esac
EOF
cat > stand/date <<'EOF'
#!/bin/sh
echo 12:00:00
EOF
chmod +x stand/*
PATH=$PWD/stand:$PATH
sleep() { :; }

for i in {1..12}; do
    echo "=== Check $i at $(date +%H:%M:%S) ==="

    gh run list --branch redesign/beige-palette --limit 3 | grep -E "(ESLint|Test)" | head -2

    workflows_status=$(gh run list --branch redesign/beige-palette --json status,name --limit 3)

    if echo "$workflows_status" | grep -q '"status":"completed"'; then
        echo "✓ Workflows have completed!"
        break
    fi

    if [ $i -lt 12 ]; then
        echo "Waiting 30 seconds..."
        sleep 30
    fi
done

echo ""
echo "Final status:"
gh pr checks 683
