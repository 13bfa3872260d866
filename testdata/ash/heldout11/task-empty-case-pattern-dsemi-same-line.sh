#!/bin/bash
# Stand-ins: cmake and make print what they would do (make shadows the real one).
mkdir -p stand
printf "#!/bin/sh\necho \"cmake \$*\"\n" > stand/cmake
printf "#!/bin/sh\necho \"make \$*\"\n" > stand/make
chmod +x stand/*
PATH=$PWD/stand:$PATH

for arg in '' clean bogus; do
set -- $arg
case $1 in
    '')
        echo '-- building...'
        make -j3
        echo '-- installing...'
        make uninstall 1>/dev/null
        make install 1>/dev/null;;
    'clean')
        echo '-- cleaning...'
        make -j3 clean;;
    *)
        echo 'error: unknown action' 1>&2
        ;;
esac
done
