#!/bin/sh
db=shop
cat > ./migrate.sql <<EOF
CREATE DATABASE IF NOT EXISTS $db;
GRANT ALL ON $db.* TO 'app'@'%';
EOF
wc -l < ./migrate.sql
