#!/bin/sh
mkdir -p ./bin ./opt/java-17/bin ./opt/java-21/bin
touch ./opt/java-17/bin/java ./opt/java-21/bin/java
ln -sf ../opt/java-21/bin/java ./bin/java
readlink ./bin/java
[ -L ./bin/java ] && echo "is link"
