#!/bin/sh 

# Fixtures: three test programs, one failing.
mkt() { printf "#!/bin/sh\necho \"%s\"\nexit %s\n" "$2" "$3" > "$1"; chmod +x "$1"; }
mkt a.exe "a ok" 0
mkt b.exe "b ok" 0
mkt c.exe "c broken" 1

fail=0; 
succ=0; 

for EXE in *.exe 
do 
    ./${EXE}
    if [ "$?" == "0" ]; 
      then fail=$((fail + 1)); 
      else succ=$((succ + 1)); 
    fi

done 

echo "Failed tests: $fail"
echo "Passed tests: $succ" 
