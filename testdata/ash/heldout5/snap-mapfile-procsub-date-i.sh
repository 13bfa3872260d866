#!/bin/bash
set -- /data
subvol="$1"
date="2024-03-10"
[ -n "$(date -I)" ] || exit 1
mkdir -p snapshot/data
for d in 01 02 03 04 05 06 07 08 09 10 11 12; do mkdir -p snapshot/data/2024-02-$d; done
btrfs() {
	case $2 in
	delete) shift 2; for s; do rmdir "$s"; echo "Delete subvolume '$s'"; done ;;
	snapshot) mkdir -p "$4"; echo "Create a snapshot of '$3' in '$4'" ;;
	esac
}
if [[ $subvol == / ]]; then
	dest=snapshot/root
elif [[ $subvol ]]; then
	dest=snapshot$subvol
else
	echo "No source given, exiting…"
	exit 1
fi
[[ -f $dest ]] && rm "$dest"
[[ ! -e $dest ]] && mkdir -p "$dest"
_num=$(( $(ls "$dest" | wc -l) - 9 ))
mapfile -t snapshot < <(ls -dr "$dest"/* | tail -n $_num)
(( _num > 0 )) && btrfs subvolume delete "${snapshot[@]}"
btrfs subvolume snapshot "$subvol" "$dest/$date"
ls "$dest" | wc -l
