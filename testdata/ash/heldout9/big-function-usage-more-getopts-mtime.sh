#! /bin/bash
#
# bigfiles - find the big files in a file system or directory tree.
#
# Usage: bigfiles -h, or see Usage below.
#
export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

Prog=bigfiles

#
# Usage - say how to call it.
#
function Usage
{

more -e >&2 <<ENDUSAGE
Usage: $Prog [-d] [-m days] [-M minsize] [directory1...]

Flags:
	-m days		:	Modification days, as find's -mtime takes them.
	-M minsize	:	Minimum size in kilobytes (default 1024).
	-d		:	Debug: show the find command.
ENDUSAGE
exit 1
}

mkdir -p var/cache var/spool
head -c 204800 /dev/zero > var/cache/pkg.tar
head -c 102400 /dev/zero > var/spool/mail.box
head -c 8192 /dev/zero > var/notes
set -- -d -m -2 -M 50 var

Debug=0
Days=""
MinSize=1024
MTime=""

while getopts "dm:M:h" opt
do
	case $opt in
	d)	Debug=1 ;;
	m)	Days=$OPTARG ;;
	M)	MinSize=$OPTARG ;;
	*)	Usage ;;
	esac
done
shift $(( OPTIND - 1 ))
[ -n "$Days" ] && MTime="-mtime $Days"

for Dir in "$@"
do
	[ "$Debug" = 1 ] && echo "find $Dir -xdev -type f -size +${MinSize}k $MTime"
	find "$Dir" -xdev -type f -size +${MinSize}k $MTime -print0 |
		xargs -0 du -k | sort -rn
done
