#!/bin/sh
printf 'artifact\n' > ./app.bin
sha256sum ./app.bin > ./app.bin.sha256
if sha256sum -c ./app.bin.sha256 >/dev/null; then
	echo "checksum ok"
fi
echo tampered >> ./app.bin
sha256sum -c ./app.bin.sha256 >/dev/null 2>&1 || echo "checksum mismatch"
