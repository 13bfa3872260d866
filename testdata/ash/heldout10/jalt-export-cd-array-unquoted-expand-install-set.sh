#!/bin/bash
# The JDK's bin directory is below the working directory; sudo runs its
# command; update-alternatives keeps its choices in the working directory
mkdir -p bin usr/java/default/bin
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
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
chmod +x bin/*
PATH="$PWD/bin:$PATH"
export JAVA_BIN_DIR=usr/java/default/bin # replace with your installed directory
cd ${JAVA_BIN_DIR}
a=(java javac javadoc javah javap javaws)
for exe in ${a[@]}; do
    sudo update-alternatives --install "/usr/bin/${exe}" "${exe}" "${JAVA_BIN_DIR}/${exe}" 1
    sudo update-alternatives --set ${exe} ${JAVA_BIN_DIR}/${exe}
done
cat alt/javac alt/javaws
