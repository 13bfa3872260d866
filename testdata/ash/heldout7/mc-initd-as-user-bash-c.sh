#!/bin/bash
#
# init script for a game server: start, stop, backup, status.
#
### BEGIN INIT INFO
# Provides:   minecraft
# Required-Start: $local_fs $remote_fs screen-cleanup
# Required-Stop:  $local_fs $remote_fs
# Default-Start:  2 3 4 5
# Default-Stop:   0 1 6
# Short-Description:    Minecraft server
### END INIT INFO

# Stand-ins: screen, java, su and whoami print what they would do.
mkdir -p bin home/minecraft/spigot/world home/minecraft/backups
echo "level-name=world" > home/minecraft/spigot/server.properties
echo "region data" > home/minecraft/spigot/world/r.0.0.mca
cat > bin/screen <<'EOF'
#!/bin/sh
echo "screen $*"
EOF
chmod +x bin/screen
PATH="$PWD/bin:$PATH"
whoami() { echo minecraft; }
su() { echo "su $*"; }
pgrep() { return 1; }

### SETTINGS
# Server Jar File
SERVICE='spigot-1.8.jar'
# Linux Username
USERNAME='minecraft'
# Server Root Folder
MCPATH="home/${USERNAME}/spigot"
BACKUPPATH="home/${USERNAME}/backups"
# RAM to Allocate (1G or 1024M)
RAM='4G'
# Server Java Command
INVOCATION="java -Xmx${RAM} -Xms${RAM} -XX:+UseConcMarkSweepGC -jar $SERVICE nogui"

ME=`whoami`
as_user() {
  if [ "$ME" = "$USERNAME" ] ; then
    bash -c "$1"
  else
    su - $USERNAME -c "$1"
  fi
}

mc_start() {
  if pgrep -u $USERNAME -f $SERVICE > /dev/null ; then
    echo "$SERVICE is already running!"
  else
    echo "Starting $SERVICE..."
    as_user "cd $MCPATH && screen -h 1024 -dmS minecraft $INVOCATION"
  fi
}

mc_saveoff() {
  echo "Suspending saves"
  as_user "screen -p 0 -S minecraft -X eval 'stuff \"save-off\"\015'"
  as_user "screen -p 0 -S minecraft -X eval 'stuff \"save-all\"\015'"
  sync
}

mc_saveon() {
  echo "Re-enabling saves"
  as_user "screen -p 0 -S minecraft -X eval 'stuff \"save-on\"\015'"
}

mc_backup() {
  NOW="2024-05-01_0300"
  BACKUP_FILE="$BACKUPPATH/world_${NOW}.tar"
  echo "Backing up minecraft world..."
  as_user "tar -C \"$MCPATH\" -cf \"$BACKUP_FILE\" world"
  as_user "gzip -f \"$BACKUP_FILE\""
  echo "Done."
}

set -- backup
case "$1" in
  start)
    mc_start
    ;;
  backup)
    mc_saveoff
    mc_backup
    mc_saveon
    ;;
  status)
    if pgrep -u $USERNAME -f $SERVICE > /dev/null ; then
      echo "$SERVICE is running."
    else
      echo "$SERVICE is not running."
    fi
    ;;
  *)
  echo "Usage: $0 {start|stop|backup|status|restart}"
  exit 1
  ;;
esac
ls home/minecraft/backups
exit 0
