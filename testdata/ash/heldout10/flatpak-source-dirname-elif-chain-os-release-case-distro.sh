#!/bin/bash

# The common functions and the os-release file are below the working
# directory (none is beside the script); sudo runs its command; apt and
# flatpak are stand-ins
mkdir -p bin scripts/utils etc
cat > scripts/utils/common_functions.sh <<'EOF'
print_status() { echo "[*] $1"; }
print_success() { echo "[+] $1"; }
print_error() { echo "[-] $1"; }
EOF
printf 'NAME="Debian GNU/Linux"\nID=debian\nVERSION_ID="12"\n' > etc/os-release
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
for c in apt flatpak; do
  printf '#!/bin/sh\necho "%s $*"\n' "$c" > "bin/$c"
done
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Source common functions
# Check if common_functions.sh exists in the utils directory
if [ -f "$(dirname "$0")/../utils/common_functions.sh" ]; then
    source "$(dirname "$0")/../utils/common_functions.sh"
# Check if common_functions.sh exists in the scripts/utils directory
elif [ -f "$(dirname "$0")/../../scripts/utils/common_functions.sh" ]; then
    source "$(dirname "$0")/../../scripts/utils/common_functions.sh"
# Check if it exists in the parent directory's scripts/utils directory
elif [ -f "$(dirname "$0")/../../../scripts/utils/common_functions.sh" ]; then
    source "$(dirname "$0")/../../../scripts/utils/common_functions.sh"
# As a last resort, try the scripts/utils directory from where we are
else
    source "scripts/utils/common_functions.sh"
fi

print_status "Installing Flatpak..."
if [ -f etc/os-release ]; then
    . etc/os-release
    DISTRO=$ID
fi

case "$DISTRO" in
    ubuntu|debian|pop)
        sudo apt install -y flatpak
        ;;
    fedora)
        sudo dnf install -y flatpak
        ;;
    *)
        print_error "Unsupported distribution: $DISTRO"
        exit 1
        ;;
esac

print_status "Adding the Flathub repository..."
flatpak remote-add --if-not-exists flathub https://flathub.org/repo/flathub.flatpakrepo
print_success "Flatpak installed with Flathub"
