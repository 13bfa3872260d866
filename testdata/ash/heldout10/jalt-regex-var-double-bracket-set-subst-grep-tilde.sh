#! /bin/bash
# Example
# sudo gojava 11
# sudo gojava 17
#
# sudo runs its command; update-alternatives keeps its choices in the
# working directory, with two JDKs registered first; HOME is below it;
# the version is given with set --
mkdir -p bin alt home
export HOME="$PWD/home"
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
for v in 11 17; do
  echo "/usr/lib/jvm/java-$v-openjdk-amd64/bin/java" >> alt/java.all
  echo "/usr/lib/jvm/java-$v-openjdk-amd64/bin/javac" >> alt/javac.all
done
set -- 17

JAVA_VER=$1

re='^[0-9]+$'
if ! [[ $JAVA_VER =~ $re ]]; then
  echo "$JAVA_VER is not a number. Use a java version like "11" or "17" " >&2
  exit 1
fi

echo "Switching to Java version $JAVA_VER"
sudo update-alternatives --set java $(update-alternatives --list java | grep java-$JAVA_VER)
sudo update-alternatives --set javac $(update-alternatives --list javac | grep java-$JAVA_VER)
echo "export JAVA_HOME=/usr/lib/jvm/java-$1-openjdk-amd64" >~/javahome
echo "Don't forget to source ~/.profile"
cat ~/javahome
