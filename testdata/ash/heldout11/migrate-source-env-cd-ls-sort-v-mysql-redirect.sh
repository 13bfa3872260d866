# Run this script to run all the SQL scripts in the scripts folder in order
# SQL scripts should be labeled in order (with the appropriate leading 0s)
# SQL scripts should be idempotent, i.e., running all of them in order multiple times should not cause any problems.
# Changes to the database schema should only be done via this script

# Fixtures: the project's .env two levels up, and its scripts; a stand-in mysql.
mkdir -p app/db/schema/scripts stand
printf 'DB_HOST=localhost\nDB_USER=root\nDB_PASS=pw\nDB_NAME=shop\n' > app/.env
echo "create table a(x int);" > app/db/schema/scripts/01.sql
echo "create table b(x int);" > app/db/schema/scripts/02.sql
echo "create table c(x int);" > app/db/schema/scripts/10.sql
cat > stand/mysql <<'EOF'
#!/bin/sh
echo "mysql $*: $(cat)"
EOF
chmod +x stand/mysql
PATH=$PWD/stand:$PATH
cd app/db/schema

set -e

source ../../.env;

cd scripts

for FILE in `ls *.sql | sort -V`; do
  mysql -h $DB_HOST -u $DB_USER --password=$DB_PASS $DB_NAME < $FILE;
  echo "Ran $FILE";
done;

echo "Database updated successfully";
exit 0;
