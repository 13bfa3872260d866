#!/usr/bin/env bash

# Starts the database server and adds the given user.
mysqld() { echo "mysqld starting"; }
mysql() { echo "mysql $*"; cat; echo; }
user=reporter password=r3p0rt
echo "Creating user $user"

# Now the user's credentials are added
mysqld &
wait
sleep 1
echo "CREATE USER '$user' IDENTIFIED BY '$password'" | mysql --default-character-set=utf8
echo "GRANT ALL PRIVILEGES ON *.* TO '$user'@'%' WITH GRANT OPTION; FLUSH PRIVILEGES" | mysql --default-character-set=utf8
echo "finished"
