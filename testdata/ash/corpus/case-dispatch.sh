#!/bin/sh
for arch in x86_64 aarch64 armv7 riscv64; do
	case $arch in
		x86_64|amd64) echo "$arch: amd64" ;;
		aarch64|arm64) echo "$arch: arm64" ;;
		armv*) echo "$arch: arm" ;;
		*) echo "$arch: unsupported" ;;
	esac
done
