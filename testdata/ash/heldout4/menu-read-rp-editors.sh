#!/usr/bin/env bash
# menu.sh
nano() { echo "(nano would open)"; }
vi() { echo "(vi would open)"; }
links() { echo "(links would open)"; }

while true; do
  cat <<EOF
Options:
1) nano
2) vi
3) links
4) exit
EOF

  read -rp "Select option[1-4]: " choice
  case "$choice" in
    1) nano ;;
    2) vi ;;
    3) links ;;
    4) echo "Exit"; break ;;
    *) echo "Invalid option" ;;
  esac
done <<'INPUT'
2
5
4
INPUT
