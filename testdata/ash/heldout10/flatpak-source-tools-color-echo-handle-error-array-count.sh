#!/usr/bin/env bash

# The shell tools are written first; sudo runs its command; flatpak is a
# stand-in
mkdir -p bin
cat > 00_shell_tools.sh <<'EOF'
color_echo() {
    case $1 in
        blue) code=34 ;;
        green) code=32 ;;
        red) code=31 ;;
        *) code=0 ;;
    esac
    printf '\033[%sm%s\033[0m\n' "$code" "$2"
}
handle_error() {
    if [ $? -ne 0 ]; then
        color_echo "red" "[ERROR] - $1"
        exit 1
    fi
}
EOF
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "flatpak $*"\n' > bin/flatpak
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Import shell tools.
source ./00_shell_tools.sh

add_flathub_repo() {
    color_echo "blue" "[INFO] - Setting up flathub repo"
    
    flatpak remote-add --if-not-exists flathub https://flathub.org/repo/flathub.flatpakrepo
    handle_error "Failed to add Flathub repo"

    color_echo "green" "[SUCCESS] - Flathub successfully added."

    color_echo "blue" "[INFO] - Updating flathub index"
    
    sudo flatpak repair
    flatpak update 
    handle_error "Failed to update Flathub repo"

    color_echo "green" "[SUCCESS] - Flathub index successfully updated"
}

install_flatpak_app() {

    flatpak_list=$1

    if [[ ${#flatpak_list[@]} -lt 1 ]]; then
        color_echo "red" "[ERROR] - No flatpak apps given"
        return 1
    fi

    for app in $flatpak_list; do
        color_echo "blue" "[INFO] - Installing $app"
        flatpak install -y flathub "$app"
        handle_error "Failed to install $app"
    done
    color_echo "green" "[SUCCESS] - Flatpak apps installed"
}

add_flathub_repo
install_flatpak_app "org.gimp.GIMP org.videolan.VLC"
