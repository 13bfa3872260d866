#!/bin/bash

# Removes old kernel versions from Fedora.
whoami() { echo root; }
dnf() {
	case $1 in
	list)
		printf '%s\n' \
			'kernel-core.x86_64 6.5.6-300.fc39 @updates' \
			'kernel-core.x86_64 6.6.9-200.fc39 @updates' \
			'kernel-modules.x86_64 6.5.6-300.fc39 @updates' \
			'kernel-modules.x86_64 6.6.9-200.fc39 @updates' \
			'kernel.x86_64 6.5.6-300.fc39 @updates' \
			'kernel.x86_64 6.6.9-200.fc39 @updates' ;;
	remove) shift; echo "dnf remove $*" ;;
	esac
}

# Without root privileges, quit.
if [[ $(whoami) != 'root' ]]; then
	printf '\n%s\n\n' "You need to be root to run this script!"
	exit
fi

arch='x86_64'
pause_msg='Does this look OK? [y/n]: '

declare -A kernels regex
declare -a types dnf_pkgs keep remove

types=('core' 'devel' 'devel_matched' 'headers' 'kernel' 'modules' 'modules_extra')

regex[column]="^(.*${arch}) (.*) (@.*) *$"
regex[pkg]='^(.*) (.*)$'
regex[version]='^([0-9]+)\.([0-9]+)\.([0-9]+)\-([0-9]+)\.fc[0-9]+'

regex[core]="^kernel\-core\.${arch}$"
regex[kernel]="^kernel\.${arch}$"
regex[modules]="^kernel\-modules\.${arch}$"

mapfile -t dnf_pkgs < <(dnf list --installed)

for line in "${dnf_pkgs[@]}"; do
	[[ $line =~ ${regex[column]} ]] || continue
	name=${BASH_REMATCH[1]}
	version=${BASH_REMATCH[2]}
	for type in "${types[@]}"; do
		[[ -n ${regex[$type]} && $name =~ ${regex[$type]} ]] || continue
		if [[ -z ${kernels[$type]} ]]; then
			kernels[$type]=$version
		else
			remove+=("${name%.${arch}}-${kernels[$type]}")
			kernels[$type]=$version
		fi
	done
done

for type in "${!kernels[@]}"; do
	keep+=("$type ${kernels[$type]}")
done

printf 'keep: %s\n' "${keep[@]}" | sort
printf 'remove: %s\n' "${remove[@]}"

read -p "$pause_msg" answer <<'EOF'
y
EOF
if [[ $answer == 'y' ]]; then
	dnf remove "${remove[@]}"
fi
