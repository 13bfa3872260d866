#!/bin/sh

# Fixtures: one directory of binaries per platform.
mkdir -p dist/linux dist/darwin
printf 'nitro linux\n' > dist/linux/nitro
printf 'nitro darwin\n' > dist/darwin/nitro
printf 'notes\n' > dist/CHANGES

for folder in ./dist/*; do
  echo "$folder"
  if [ -d "$folder" ]; then
    for f in "$folder"/*; do
      shasum -a 256 "$f" >>"$f".sha256
    done
  fi
done
cat dist/*/*.sha256
