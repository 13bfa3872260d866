#!/bin/sh
run_quiet() {
	"$@" &>/dev/null
}
if run_quiet ls ./nowhere; then
	echo found
else
	echo "not found"
fi
echo logged &> ./out.log
cat ./out.log
