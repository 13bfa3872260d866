#!/bin/bash
set -e

# Fixtures (/sql/migrations in the container, here below the working
# directory) and a stand-in psql that fails on a file holding "FAIL".
mkdir -p sql/migrations stand
echo "create table t(x int);" > sql/migrations/01_init.sql
echo "FAIL" > sql/migrations/02_broken.sql
echo "create table u(x int);" > sql/migrations/03_more.sql
cat > stand/psql <<'EOF'
#!/bin/sh
for a; do f=$a; done
if grep -q FAIL "$f"; then echo "ERROR: syntax error at or near \"FAIL\"" >&2; exit 3; fi
echo "psql $*"
EOF
chmod +x stand/psql
PATH=$PWD/stand:$PATH
POSTGRES_USER=app POSTGRES_DB=app

# Run all migration files in order
for migration in ./sql/migrations/*.sql; do
    echo "Running migration: $migration"
    psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$migration"
done
echo "All migrations applied"
