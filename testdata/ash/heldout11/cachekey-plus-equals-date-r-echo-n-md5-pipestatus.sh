#!/usr/bin/env bash
# Cache the output of a command when first run, and answer from the cache
# while the arguments (and the files they name) have not changed.

# The cache lives below the working directory here (/tmp in the source);
# the input file gets a fixed modification time.
export TZ=UTC
mkdir -p tmp
printf 'alpha\nbeta\n' > input.txt
touch -t 202405011200 input.txt
set -- cat input.txt

# hash all arguments
KEY="$@"
EXIT_CODE=0

# hash last modified dates of any files
for arg in "$@"
do
  if [ -f "$arg" ]
  then
    KEY+=`date -r "$arg" +\ %s`
  fi
done

# use the hash as a name for temporary file
FILE="./tmp/command_cache.`echo -n "$KEY" | md5sum | cut -c -10`"
FILE_LOCK="${FILE}.lock"
echo "key: $KEY"
echo "cache file: $FILE"

# check file isn't locked
while [ -f $FILE_LOCK ]
do
  sleep 1
done

# use cached file or execute the command and cache it
if [ -f $FILE ]
then
  cat $FILE
  exit $EXIT_CODE
else
  # lock file
  touch $FILE_LOCK
  $@ | tee $FILE
  EXIT_CODE=${PIPESTATUS[0]}
  # delete cached output if command exited with an error
  if [ "$EXIT_CODE" != "0" ]
  then
    rm $FILE
  fi
  rm -f $FILE_LOCK
  exit $EXIT_CODE
fi
