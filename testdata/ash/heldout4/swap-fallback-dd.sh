# $1 - name
# $2 - distrelease
# $3 - mountpoint
set -- guest bookworm mnt
name=${1}
distrelease=${2}
mnt=${3}
mkdir -p ${mnt}/etc
exec 3>&1

echo "Creating swap file for ${name} (${distrelease})..." >&3
fallocate -l 1M ${mnt}/swap || dd if=/dev/zero of=${mnt}/swap bs=4k count=256
time mkswap ${mnt}/swap >/dev/null 2>&1
echo '/swap  none  swap  defaults  0 0' >> ${mnt}/etc/fstab
cat ${mnt}/etc/fstab

# vim: set filetype=sh :
