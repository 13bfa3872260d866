# Run migration scripts in numeric order against a remote database

# Fixtures and a stand-in psql that prints the file it is given.
mkdir -p migrations stand
echo "CREATE TABLE users (id int); -- INSERT_SCRIPT_NAME_HERE" > migrations/2-users.sql
echo "CREATE TABLE orders (id int); -- INSERT_SCRIPT_NAME_HERE" > migrations/10-orders.sql
cat > stand/psql <<'EOF'
#!/bin/sh
echo "psql $*"
cat "${1#--file=}"
EOF
chmod +x stand/psql
PATH=$PWD/stand:$PATH
PSQL_SCHEMA=shop
PSQL_EXTRA_CLI_PARAMS=

# Loop through migrations (quitting if one fails)
set -e
for FILE in `ls ./migrations/*.sql | sort -g`; 
do
	# Build Script File, auto-embedding script filename and db schema name
	echo "\n\n---------------------------------------------------------"
	echo RUNNING MIGRATION $FILE
	rm -f temp.sql
	rm -f tempbuffer.sql
	echo "SET search_path TO $PSQL_SCHEMA;" > tempbuffer.sql
	cat $FILE >> tempbuffer.sql
	sed "s+INSERT_SCRIPT_NAME_HERE+$FILE+g" tempbuffer.sql > temp.sql

	# Run migration
	psql $PSQL_EXTRA_CLI_PARAMS --file=temp.sql
	rm -f temp.sql
	rm -f tempbuffer.sql
	echo "DONE RUNNING MIGRATION $FILE\n"
done
