#!/bin/bash

# Stand-ins: cmake prints; make (shadowing the real one) builds the test
# program in the build directory.
mkdir -p stand
printf '#!/bin/sh\necho "cmake $*"\n' > stand/cmake
cat > stand/make <<'EOF'
#!/bin/sh
echo "make $*"
mkdir -p bin/tests
printf '#!/bin/sh\necho "42 tests passed"\n' > bin/tests/emulator_tests
chmod +x bin/tests/emulator_tests
EOF
chmod +x stand/*
PATH=$PWD/stand:$PATH

for arg in test clean; do
set -- $arg
case "$1" in
    clean)
        rm -rf build
        echo "Clean complete"
        ;;
    test)
        mkdir -p build && cd build && cmake .. && make && ./bin/tests/emulator_tests
        cd ..
        ;;
    *)
        mkdir -p build && cd build && cmake .. && make
        ;;
esac
done
ls
