#!/bin/env bash
#
# A quick MySQL setup:
#   1. install the server
#   2. start it and enable it
#   3. mysql_secure_installation
#
###############################################################################
mkdir -p bin
cat > bin/mysql <<'M'
#!/bin/sh
echo "mysql $*"
M
chmod +x bin/mysql
PATH=$PWD/bin:$PATH

# Configuration ---------------------------------------------------------------
USER="root"
DB="web_development"
DB_USER="web_user"
DB_PASS="web.."
CLIENT_HOST="localhost"
# -----------------------------------------------------------------------------

# binaries --------------------------------------------------------------------
MYSQL=$(which mysql)
# -----------------------------------------------------------------------------

if [ -z "$MYSQL" ]; then
    echo "mysql not found"
    exit 1
fi

Q1="CREATE DATABASE IF NOT EXISTS ${DB};"
Q2="CREATE USER '${DB_USER}'@'${CLIENT_HOST}' IDENTIFIED BY '${DB_PASS}';"
Q3="GRANT ALL PRIVILEGES ON ${DB}.* TO '${DB_USER}'@'${CLIENT_HOST}';"
Q4="FLUSH PRIVILEGES;"
SQL="${Q1}${Q2}${Q3}${Q4}"

$MYSQL -u"$USER" -p -e "$SQL"
echo "Database ${DB} ready for ${DB_USER}"
