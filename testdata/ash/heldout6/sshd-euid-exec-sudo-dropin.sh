#!/usr/bin/env bash
set -Eeuo pipefail

# Hardening
#
# - no root access with a password over ssh
hostname() { echo host1.example.org; }
sshd() {
	case "$*" in
	*-T*) printf 'permitrootlogin %s\npasswordauthentication yes\n' "$(grep -q '^PermitRootLogin no' etc/ssh/sshd_config.d/*.conf 2>/dev/null && echo no || echo yes)" ;;
	*-t*) return 0 ;;
	esac
}
mkdir -p etc/ssh
cat > etc/ssh/sshd_config <<'CFG'
Port 22
#PermitRootLogin prohibit-password
PermitRootLogin yes
#PasswordAuthentication yes
#PermitEmptyPasswords no
UsePAM yes
CFG

SSHD_CONFIG="etc/ssh/sshd_config"
DROPIN_DIR="etc/ssh/sshd_config.d"
DROPIN_FILE="$DROPIN_DIR/99-disable-root-password.conf"
BEGIN_MARK="# BEGIN no_root.sh managed block"
END_MARK="# END no_root.sh managed block"

if [[ ${EUID:-$(id -u)} -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo bash "$0" "$@"
  else
    echo "[ERROR] Run as root (or install sudo)." >&2
    exit 1
  fi
fi

sshd_effective() {
  local key="$1"
  local out

  if out="$(sshd -T -f "$SSHD_CONFIG" -C user=root -C host="$(hostname -f 2>/dev/null || hostname)" -C addr=127.0.0.1 2>/dev/null)"; then
    echo "$out" | awk -v k="$key" '$1 == k { print $2 }'
  fi
}

echo "before: permitrootlogin $(sshd_effective permitrootlogin)"

mkdir -p "$DROPIN_DIR"
if [[ -f "$DROPIN_FILE" ]]; then
  sed -i "/^$BEGIN_MARK$/,/^$END_MARK$/d" "$DROPIN_FILE"
fi
{
  echo "$BEGIN_MARK"
  echo "PermitRootLogin no"
  echo "$END_MARK"
} >> "$DROPIN_FILE"

sshd -t -f "$SSHD_CONFIG"
echo "after: permitrootlogin $(sshd_effective permitrootlogin)"
cat "$DROPIN_FILE"
