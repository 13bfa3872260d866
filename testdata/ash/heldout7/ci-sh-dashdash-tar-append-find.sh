#!/bin/sh --

mkdir -p src
echo "puts 'a'" > import_users.rb
echo "puts 'b'" > import_courses.rb
echo "notes" > README.txt

## the next build number comes from the server's BUILD_NUMBER
## if it is missing, the number is 1
echo "shell env variable BUILD_NUMBER is ${BUILD_NUMBER}"
build_number=${BUILD_NUMBER:=1}

## the artifact folder: does it exist?
if [ ! -d "artifact" ]; then
    ## no artifact folder
    ## create it first
    echo "create artifact folder"
    mkdir artifact
    chmod -R 755 artifact
fi
echo "will generate zip file for build number: ${build_number}"
find . -maxdepth 1 -name "*.rb" -exec tar -rf ./artifact/SIS_import_$build_number.tar {} \;
