# Framework for testing in a VM using virtme
#
# This must be sourced by a test script; here the test is run at the end.

# Stand-ins: git names the checkout, virtme-run prints what it would boot.
mkdir -p work/proj work/virtme work/cassini-qemu/x86_64-softmmu
git() { echo work/proj; }
mkdir -p bin
cat > bin/virtme-run <<'EOF'
#!/bin/sh
echo "virtme-run:"
for a in "$@"; do case "$a" in /*) echo "  (path)";; *) echo "  $a";; esac; done
EOF
chmod +x bin/virtme-run
PATH="$PWD/bin:$PATH"

# Paths to our tools. They can be overriden from the caller's
# environment.
TOP_DIR=${TOP_DIR:-$(realpath $(git rev-parse --show-toplevel)/../)}
VIRTME_DIR=${VIRTME_DIR:-$TOP_DIR/virtme}
QEMU_DIR=${QEMU_DIR:-$TOP_DIR/cassini-qemu/x86_64-softmmu}
NETSIM_DIR=${NETSIM_DIR:-$TOP_DIR/nic-emu}

# Start a VM and run a script
# arg 1 = the script to run
# arg 2 = 0 to use --script-sh, 1 to use --init-sh
function startvm {
	export PATH=$QEMU_DIR:$VIRTME_DIR:/sbin:$PATH

	if [[ $2 -eq 0 ]]; then
		scriptop="--script-sh"
	else
		scriptop="--init-sh"
	fi

	# -M q35 = Standard PC (Q35 + ICH9, 2009) (alias of pc-q35-2.10)
	# --kdir the kernel build tree
	virtme-run --kdir kernel --pwd --rwdir=. \
		$scriptop "$1" \
		--qemu-opts -M q35 -m 2G -smp 2 -device virtio-rng-pci
}

startvm ./run-tests.sh 0
startvm ./setup-nic.sh 1
[ -d "$VIRTME_DIR" ] && echo "virtme found next to the checkout"
