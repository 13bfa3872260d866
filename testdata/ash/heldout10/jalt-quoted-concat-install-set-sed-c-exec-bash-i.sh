#!/bin/bash
# sudo runs its command; update-alternatives keeps its choices in the
# working directory; the user's .bashrc is below it; HOME too
mkdir -p bin home/vkramar
export HOME="$PWD/home"
printf 'alias ll="ls -l"\nexport JAVA_HOME=/usr/lib/jvm/java-8-openjdk-amd64\n' > home/vkramar/.bashrc
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
jdk11="/usr/lib/jvm/java-11-openjdk-amd64"

sudo update-alternatives --install "/usr/bin/java" "java" $jdk11"/bin/java" 1
sudo update-alternatives --install "/usr/bin/javac" "javac" $jdk11"/bin/javac" 1
sudo update-alternatives --install "/usr/bin/jar" "jar" $jdk11"/bin/jar" 1

sudo update-alternatives --set "java" $jdk11"/bin/java"
sudo update-alternatives --set "javac" $jdk11"/bin/javac"
sudo update-alternatives --set "jar" $jdk11"/bin/jar" 

sed -i '/export JAVA_HOME/c\export JAVA_HOME=/usr/lib/jvm/java-11-openjdk-amd64' home/vkramar/.bashrc
cat home/vkramar/.bashrc

echo "switched to java 11"
exec bash -i
