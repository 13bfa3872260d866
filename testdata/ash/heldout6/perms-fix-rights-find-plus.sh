# default rights on files (755 for directories, 644 for regular files)
# USAGE: fix_rights $dir[…]
fix_rights() {
	for dir in "$@"; do
		if [ ! -d "$dir" ]; then
			return 1
		fi
		find "$dir" -type d -exec chmod 755 '{}' +
		find "$dir" -type f -exec chmod 644 '{}' +
	done
}

mkdir -p game/data game/bin
touch game/data/level1.pak game/bin/start
chmod 700 game/data
chmod 777 game/bin/start

fix_rights game
echo "fixed: $?"
find game ! -perm 755 -type d | wc -l
find game ! -perm 644 -type f | wc -l
fix_rights game missing-dir
echo "missing: $?"
