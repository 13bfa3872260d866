#!/bin/bash

# usage: [path_to_script]/minecraft.bash [functions_to_run]

# example: minecraft.bash backup start console
# explanation: stop the server, make a backup, then start the server again and open the console

# example: minecraft.bash "say Hello everyone!"
# explanation: send the message "Hello everyone!" to the server chat

# Stand-ins: screen and java print what they would do.
screen() { echo "screen $*"; }
java() { echo "java $*"; }
mkdir -p world backup
echo "chunk" > world/region.mca
for d in 01 02 03 04; do echo "old $d" > "backup/world-2024-01-$d.tar.gz"; done

# -------------------------------- settings --------------------------------

# amount of backups to keep before removing old ones
# set to 0 to keep all backups
BACKUP_AMOUNT=3

# where to store the backups
BACKUP_DIRECTORY="backup"

# JVM arguments to use when starting the server
JVM_ARGUMENTS="-Xms4G -Xmx4G -XX:+UseG1GC -XX:+ParallelRefProcEnabled"

# name of the screen session
SESSION="minecraft"

# -------------------------------- functions --------------------------------

send() {
    screen -S "$SESSION" -p 0 -X stuff "$1^M"
}

start() {
    echo "starting server"
    screen -dmS "$SESSION" java $JVM_ARGUMENTS -jar server.jar nogui
}

stop() {
    echo "stopping server"
    send "stop"
}

backup() {
    stop
    local name="world-2024-01-05.tar.gz"
    tar -czf "$BACKUP_DIRECTORY/$name" world
    echo "created $name"
    if [[ $BACKUP_AMOUNT -gt 0 ]]; then
        local backups=($(ls "$BACKUP_DIRECTORY" | sort))
        local excess=$(( ${#backups[@]} - BACKUP_AMOUNT ))
        for ((i = 0; i < excess; i++)); do
            echo "removing ${backups[$i]}"
            rm "$BACKUP_DIRECTORY/${backups[$i]}"
        done
    fi
}

console() {
    echo "attaching to $SESSION"
    screen -r "$SESSION"
}

# -------------------------------- main --------------------------------

set -- backup start "say Hello everyone!"

for arg in "$@"; do
    case "$arg" in
        start|stop|backup|console) "$arg" ;;
        *) send "$arg" ;;
    esac
done
ls "$BACKUP_DIRECTORY"
