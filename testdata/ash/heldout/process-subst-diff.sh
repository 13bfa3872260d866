#!/bin/bash
printf 'a\nb\n' > old.txt
printf 'a\nc\n' > new.txt
diff <(sort old.txt) <(sort new.txt) | grep -c '^[<>]'
