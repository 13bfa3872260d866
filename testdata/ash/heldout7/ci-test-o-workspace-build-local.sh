#!/bin/bash

# What the server sets, and the project's own build script.
WORKSPACE=workspace
BUILD_ID=2024-05-06_10-00-00
BUILD_NUMBER=311
NODE_NAME=builder-2
NODE_LABELS="linux x86_64"
mkdir -p workspace/autobuild workspace/src
echo "int main(void){return 0;}" > workspace/src/main.c
cat > workspace/autobuild/build-local.sh <<'EOF'
#!/bin/sh
echo "building $1 into $2"
ls "$1/src" > "$2/manifest"
echo "built: $(cat "$2/manifest")"
EOF
chmod +x workspace/autobuild/build-local.sh

if test -z "${WORKSPACE}" -o -z "${BUILD_ID}" ; then
   echo "This script can only be ran under jenkins"
   exit 1
fi

# Dump some information
ls ${WORKSPACE}

echo "======================================================================="
echo "= Build ${BUILD_NUMBER} ${BUILD_ID}"
echo "=    on ${NODE_NAME} [${NODE_LABELS}]"
echo "======================================================================="


BUILD="${WORKSPACE}/build"
mkdir -p "${BUILD}"

"${WORKSPACE}/autobuild/build-local.sh" "${WORKSPACE}" "${BUILD}"
