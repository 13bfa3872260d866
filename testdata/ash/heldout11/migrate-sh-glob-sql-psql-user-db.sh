#!/bin/sh
set -e

# Fixtures (the container's /scripts/migrations, here below the working
# directory) and a stand-in psql.
mkdir -p scripts/migrations stand
echo "create table a(x int);" > scripts/migrations/001_a.sql
echo "create table b(x int);" > scripts/migrations/002_b.sql
cat > stand/psql <<'EOF'
#!/bin/sh
echo "psql $*"
EOF
chmod +x stand/psql
PATH=$PWD/stand:$PATH
POSTGRES_USER=api POSTGRES_DB=api

for sql_file in ./scripts/migrations/*.sql; do
  echo "Running $sql_file"
  psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$sql_file"
done
