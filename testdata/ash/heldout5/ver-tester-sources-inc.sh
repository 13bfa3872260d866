# Commandline-driver tester for version comparison shell functions
cat > version.inc.sh <<'INC'
version_less_than () {
    [ "$1" = "$2" ] && return 1
    first=$(printf '%s\n%s\n' "$1" "$2" | sort -t. -k1,1n -k2,2n -k3,3n | head -1)
    [ "$first" = "$1" ]
}
INC

. ./version.inc.sh

set -- 1.10.2 1.9
#
# Compare versions
#
if [ "$1" = "" -o "$2" = "" ]
then
    echo "Missing version parameters" >&2
    exit 2
fi

if version_less_than $1 $2
then
    echo "$1 < $2"
else
    echo "$1 >= $2"
fi
