#!/bin/bash
# Build release notes from a changelog-like file.
cat > ./CHANGES <<'EOF'
feat: add login
fix: null pointer
feat: export csv
chore: bump deps
EOF
features=()
fixes=()
while IFS= read -r line; do
	case $line in
		feat:*) features+=("${line#feat: }") ;;
		fix:*) fixes+=("${line#fix: }") ;;
	esac
done < ./CHANGES
echo "Features: ${#features[@]}"
printf ' - %s\n' "${features[@]}"
echo "Fixes: ${#fixes[@]}"
