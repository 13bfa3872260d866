#!/bin/sh
cat > ./users.txt <<'EOF'
alice:1001:dev
bob:1002:ops
EOF
while IFS=: read -r user uid group; do
	echo "would add $user ($uid) to $group"
done < ./users.txt
