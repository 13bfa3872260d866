#!/bin/bash -e

# update-alternatives keeps its choices below the working directory, with
# the JDKs of the image registered first; java says which one is chosen
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
for j in java-7-openjdk-amd64/jre java-8-openjdk-amd64/jre java-9-openjdk-amd64 java-8-oracle/jre java-9-oracle; do
  echo "/usr/lib/jvm/$j/bin/java" >> alt/java.all
done

echo "============================ JDK versions ==============================="
echo "update-alternatives --list java"
update-alternatives --list java
printf "\n\n"

echo "update-alternatives --set java /usr/lib/jvm/java-7-openjdk-amd64/jre/bin/java"
update-alternatives --set java /usr/lib/jvm/java-7-openjdk-amd64/jre/bin/java
printf "\n"
java -version
printf "\n"

echo "update-alternatives --set java /usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java"
update-alternatives --set java /usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java
printf "\n"
java -version
printf "\n"

echo "update-alternatives --set java /usr/lib/jvm/java-9
-openjdk-amd64/jre/bin/java"
update-alternatives --set java /usr/lib/jvm/java-9-openjdk-amd64/bin/java
printf "\n"
java -version
printf "\n"

echo "update-alternatives --set java /usr/lib/jvm/java-9-oracle/bin/java"
update-alternatives --set java  /usr/lib/jvm/java-9-oracle/bin/java 
printf "\n"
java -version
printf "\n"
