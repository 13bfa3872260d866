#!/bin/bash -f

# A harness for testing the jenkins.sh script: it sets several variables
# which the server usually sets before it starts the script.

cat > jenkins.sh <<'EOF'
#!/bin/sh
echo "job ${JOB_NAME} on ${slave} (${target}, ${build_type}, ${real_type})"
echo "tag ${BUILD_TAG}"
for f in *.cfg; do echo "config $f"; done
EOF
chmod +x jenkins.sh
echo "x" > release.cfg

export slave="lema"
export target="cpu"
export build_type="Release"
export real_type="double"
#BUILD_NUMBER       The current build number, such as "153".
#BUILD_ID           The current build id, such as "2005-08-22_23-59-59" (YYYY-MM-DD_hh-mm-ss).
#BUILD_DISPLAY_NAME The display name of the current build, something like "#153" by default.
export JOB_NAME="autobuild_branch_test/slave=lema"
export BUILD_TAG="jenkins-autobuild_branch_test-slave=lema-26"
#EXECUTOR_NUMBER    The unique number that identifies the current executor.
export WORKSPACE=.

./jenkins.sh
