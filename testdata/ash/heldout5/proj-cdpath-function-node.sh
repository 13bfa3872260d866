#!/bin/sh

mkdir -p tool/bin app
cat > tool/scaffold.js <<'JS'
console.log("scaffolding " + process.argv[2]);
JS
node() { echo "node $1 into $(basename "$2")"; mkdir -p "$2/src"; }

SCAFFOLD_DIR=$(CDPATH= cd -- "tool/bin/.." && pwd)

function scaffold {
  local PROJECT_DIR="$PWD"
  
  (
    cd "${SCAFFOLD_DIR}" \
    && node scaffold.js "${PROJECT_DIR}"
  )
}

cd app && scaffold
ls
