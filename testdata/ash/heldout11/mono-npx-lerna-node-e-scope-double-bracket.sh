#!/bin/bash

# Stand-ins: lerna names the changed packages; node runs the one-liner
# that joins its arguments into a brace list.
mkdir -p stand
cat > stand/npx <<'EOF'
#!/bin/sh
printf '@shop/cart\n@shop/ui\n'
EOF
cat > stand/node <<'EOF'
#!/bin/sh
shift 2
list=
for a; do list=${list:+$list,}$a; done
echo "{$list}"
EOF
chmod +x stand/*
PATH=$PWD/stand:$PATH

changed_packages=$(npx lerna changed)
scope=$(node -e "console.log('{'+process.argv.slice(1).join(',')+'}')" $changed_packages)
if [[ $scope == "{}" ]]; then
    echo "No packages affected!" && exit 0
fi
echo $scope
