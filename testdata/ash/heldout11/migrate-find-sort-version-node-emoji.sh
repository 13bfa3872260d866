#!/bin/env sh

# Fixtures: three migrations, numbered so that only a version sort orders them.
mkdir -p scripts/migrations stand
for n in 1 2 10; do echo "// migration $n" > scripts/migrations/migration_$n.js; done
# Stand-in: node prints which migration it would run.
cat > stand/node <<'EOF'
#!/bin/sh
echo "node: applying $(head -n 1 "$1")"
EOF
chmod +x stand/node
PATH=$PWD/stand:$PATH

for FILE in $(find scripts/migrations/ -type f -name "migration_*.js" | sort -V); do
    echo "Run the migration $(basename $FILE)"
    node $FILE -c config -w && echo "🎉 DONE"
done
