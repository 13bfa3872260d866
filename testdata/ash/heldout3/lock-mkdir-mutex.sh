lockdir=./myscript.lock
acquire() {
if mkdir "$lockdir"
then    # directory did not exist, but was created successfully
    echo >&2 "successfully acquired lock: $lockdir"
    echo "running"
else    # failed to create the directory, presumably because it already exists
    echo >&2 "cannot acquire lock, giving up on $lockdir"
    return 0
fi
}
acquire
acquire 2>/dev/null
rmdir "$lockdir"
