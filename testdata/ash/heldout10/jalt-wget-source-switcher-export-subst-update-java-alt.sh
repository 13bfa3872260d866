#!/usr/bin/env bash

# wget writes a small jdk_switcher.sh; update-java-alternatives is a stand-in
mkdir -p bin
cat > bin/wget <<'EOF'
#!/bin/sh
cat > "$2" <<'SWITCHER'
jdk_switcher() {
  case "$2" in
    oraclejdk7) echo /usr/lib/jvm/java-7-oracle ;;
    oraclejdk8) echo /usr/lib/jvm/java-8-oracle ;;
    *) echo "jdk_switcher: unknown JDK $2" >&2; return 1 ;;
  esac
}
SWITCHER
EOF
cat > bin/update-java-alternatives <<'EOF'
#!/bin/sh
echo "java-1.8.0-openjdk-amd64       1081       /usr/lib/jvm/java-1.8.0-openjdk-amd64"
echo "java-8-oracle                  1083       /usr/lib/jvm/java-8-oracle"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

wget -O jdk_switcher.sh https://raw.githubusercontent.com/michaelklishin/jdk_switcher/master/jdk_switcher.sh

source ./jdk_switcher.sh

export JAVA7_HOME=$(jdk_switcher home oraclejdk7)
export JAVA8_HOME=$(jdk_switcher home oraclejdk8)

echo
echo Avaliable JDK versions
update-java-alternatives -l
echo
echo Exported variables:
echo JAVA7_HOME=$JAVA7_HOME
echo JAVA8_HOME=$JAVA8_HOME
echo

rm jdk_switcher.sh
