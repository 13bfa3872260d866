# Sizes of the directories below here, largest first, into a dated report.
# du --max-depth=3 -c -h > directories_size_`date +"%Y-%m-%d_%0k.%M.%S"`.txt
# slow: du --max-depth=1 -k | sort -nr | cut -f2 | xargs -d '\n' du -sh > directories_size_`date +"%Y-%m-%d_%0k.%M.%S"`.txt

mkdir -p photos/2023 photos/2024 music
head -c 409600 /dev/zero > photos/2023/a.jpg
head -c 1228800 /dev/zero > photos/2024/b.jpg
head -c 81920 /dev/zero > music/c.ogg

du --max-depth=4 --human-readable | sort -h -r > directories_size_`date +"%Y-%m-%d_%0k.%M.%S"`.txt

# the report's name holds the time: show how many there are, and what they say
ls directories_size_*.txt | wc -l
cat directories_size_*.txt
