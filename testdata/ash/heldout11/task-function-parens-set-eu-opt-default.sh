#!/bin/bash

set -eu

# Stand-ins: cmake and make print what they would do (make shadows the real one).
mkdir -p stand
printf "#!/bin/sh\necho \"cmake \$*\"\n" > stand/cmake
printf "#!/bin/sh\necho \"make \$*\"\n" > stand/make
chmod +x stand/*
PATH=$PWD/stand:$PATH

function build_clean()
{
    rm -rf build
}

function build_test()
{
    mkdir -p build
    cd build
    cmake .. 
    make -j8 
    make test
}

function usage()
{
    echo "./build.sh [clean] [-h|--help]"
}

for arg in --help "" clean; do
set -- $arg
(
opt=""
if [ $# -ge 1 ];then
    opt=$1
fi

case "${opt}" in
    clean)
        build_clean
        ;;
    -h|--help)
        usage
        ;;
    *)
        build_test
        ;;
esac
)
done
ls
