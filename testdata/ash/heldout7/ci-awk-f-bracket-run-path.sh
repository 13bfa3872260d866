#!/bin/bash

# The job's name up to its first ':' or '/', and the build's archive.
JOB_NAME="frontend/feature-login"
BRANCH_NAME="feature-login"
BUILD_NUMBER=42
mkdir -p var/lib/jenkins/jobs/frontend/branches/feature-login/builds/42

jobname=$(echo $JOB_NAME | awk -F [:/] '{ print $1 }')
ARTIFACT_URL=$(var/lib/jenkins/jobs/$jobname/branches/$BRANCH_NAME/builds/$BUILD_NUMBER)

