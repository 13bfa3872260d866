#!/bin/bash

# Fixtures: one test script per directory, one of them failing.
mkt() { printf "#!/bin/sh\necho \"%s\"\nexit %s\n" "$2" "$3" > "$1"; chmod +x "$1"; }
mkdir -p dna rna origami
mkt dna/test.sh "dna ok" 0
mkt rna/test.sh "rna: wrong pairing" 1
mkt origami/test.sh "origami ok" 0

passed=0
tot=0
for f in $(ls -1 */*.sh)
do
	d=$(dirname $f)
	cd $d

	tot=$[tot + 1]
	
	bash $(basename $f) &> log.dat
	
	if [ $? -eq 0 ]
	then
		passed=$[passed + 1]
	else
		echo "$d: TEST FAILED"	
	fi
	
	cd ..
done

echo "$passed/$tot TESTS PASSED"
cat */log.dat
