#!/bin/bash
snap_count=3
btrfs_path="vm"
date_str=`date "+%Y-%m-%d_%H-%M-%S"`
mkdir -p vm
printf '%s\n' 256 300 301 302 303 304 > vm/.ids

btrfs() {
	case "$1 $2" in
	"subvolume list")
		echo "ID 256 gen 10 parent 5 top level 5 path image/snaps/@snapshot"
		while read id; do
			[ "$id" = 256 ] || echo "ID $id gen 10 parent 256 top level 256 path snaps/snap_$id"
		done < vm/.ids ;;
	"subvolume delete")
		grep -v "^$4\$" vm/.ids > vm/.ids.new; mv vm/.ids.new vm/.ids
		echo "Delete subvolume (no-commit): 'vm/snaps/snap_$4'" ;;
	*) echo "btrfs $*" | sed "s/$date_str/DATE/" ;;
	esac
}

main=$(btrfs subvolume list -p $btrfs_path |grep snaps|grep 'snapshot$'|awk '{print $2}')
count=$(btrfs subvolume list -p $btrfs_path |awk '{if ($6 == '$main') print($2)}'|wc -l)
while [ $snap_count -lt $count ]; do
	item_snap=$(btrfs subvolume list -p $btrfs_path |awk '{if ($6 == '$main') print($2)}'| head -1)
	
	echo "Delete $item_snap"
	del=$(btrfs subvolume delete --subvolid $item_snap $btrfs_path)
	count=$((count-1))
done
echo "Create snap №$((count+1))"
btrfs subvolume snapshot -r $btrfs_path $btrfs_path/image/@snapshot/snap_$date_str
