#!/bin/bash

# Stand-ins: screen, su and whoami print what they would do.
mkdir -p bin srv/minecraft/dev/world backups
echo "chunk" > srv/minecraft/dev/world/level.dat
cat > bin/screen <<'EOF'
#!/bin/sh
echo "screen $*"
EOF
chmod +x bin/screen
PATH="$PWD/bin:$PATH"
whoami() { echo rsmc; }
su() { echo "su $*"; }

#Settings
# Service should be unique with no shared words between any other servers running
SERVICE='rsmc-dev'
# Seconds to wait before checking if started
START_WAIT=1
# Seconds to wait before checking if stop
STOP_WAIT=1
# Seconds to wait before restarting (between start/stop)
RESTART_WAIT=1
# Seconds to wait after notice server is shutting down
STOP_DELAY=1
EXECUTABLE='minecraft_server.jar'
OPTIONS='nogui'
USERNAME='rsmc'
WORLD='world'
MCPATH='srv/minecraft/dev'
BACKUPPATH='backups'
MAXHEAP=8196
MINHEAP=2048
HISTORY=1024
CPU_COUNT=4
JAVA='java -classpath lib/*:.'
INVOCATION="${JAVA} -Xmx${MAXHEAP}M -Xms${MINHEAP}M -XX:+UseConcMarkSweepGC \
-XX:+CMSIncrementalPacing -XX:ParallelGCThreads=$CPU_COUNT -XX:+AggressiveOpts \
-jar $EXECUTABLE $OPTIONS"

ME=`whoami`
as_user() {
  if [ $ME == $USERNAME ] ; then
    bash -c "$1"
  else
    su - $USERNAME -c "$1"
  fi
}

is_running() {
  if ps aux | grep -v grep | grep SCREEN | grep "$SERVICE " > /dev/null
  then
    return 0
  fi
  return 1
}

mc_status() {
  if is_running; then
    echo "$SERVICE is running."
  else
    echo "$SERVICE is not running."
  fi
}

mc_backup() {
  echo "Backing up $WORLD"
  as_user "cd $MCPATH && tar -cf ../../../$BACKUPPATH/${WORLD}.tar $WORLD"
  as_user "screen -S $SERVICE -p 0 -X stuff 'say backup done'"
}

for cmd in status backup; do
set -- "$cmd"
case "$1" in
  status)
    mc_status
    ;;
  backup)
    mc_backup
    ;;
  *)
    echo "Usage: $0 {start|stop|status|backup}"
    exit 1
    ;;
esac
done
tar -tf backups/world.tar
