#!/bin/bash

# update-alternatives keeps its choices in the working directory, with the
# JDK registered first; the version is given with set --
mkdir -p bin alt
cat > bin/update-alternatives <<'EOF'
#!/bin/sh
# update-alternatives over alt/NAME (the chosen path) and alt/NAME.all
# (the registered ones), below the working directory
mkdir -p alt
case $1 in
  --list) cat "alt/$2.all" ;;
  --set) grep -qx "$3" "alt/$2.all" 2>/dev/null || { echo "update-alternatives: error: alternative $3 for $2 not registered; not setting" >&2; exit 2; }
         echo "$3" > "alt/$2"; echo "update-alternatives: using $3 to provide /usr/bin/$2 ($2) in manual mode" ;;
  --install) grep -qx "$4" "alt/$3.all" 2>/dev/null || echo "$4" >> "alt/$3.all" ;;
esac
EOF
cat > bin/java <<'EOF'
#!/bin/sh
v=$(sed -n "s|.*/java-\([0-9]*\).*|\1|p" alt/java 2>/dev/null)
echo "openjdk version \"${v:-none}\"" >&2
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"
echo /usr/lib/jvm/java-11-openjdk-amd64/bin/java > alt/java.all
set -- 11

javaVer=$1

update-alternatives --set java /usr/lib/jvm/java-$javaVer-openjdk-amd64/bin/java && \
export JAVA_HOME=/usr/lib/jvm/java-$javaVer-openjdk-amd64 && \
echo 'Switched to Java '$javaVer
echo "JAVA_HOME=$JAVA_HOME"
