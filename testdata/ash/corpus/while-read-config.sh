#!/bin/sh
cat > ./app.conf <<'EOF'
# comment
port = 8080
host = 0.0.0.0

workers = 4
EOF
while IFS='=' read -r key value; do
	key=$(echo "$key" | tr -d ' ')
	case $key in ''|'#'*) continue ;; esac
	value=$(echo "$value" | sed 's/^ *//')
	printf '%s -> %s\n' "$key" "$value"
done < ./app.conf
