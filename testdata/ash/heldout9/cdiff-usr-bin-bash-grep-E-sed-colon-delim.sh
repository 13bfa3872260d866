#!/usr/bin/bash
printf 'alpha\nbeta\ngamma\n' > old.txt
printf 'alpha\nBETA\ngamma\ndelta\n' > new.txt
set -- old.txt new.txt changes.html
diff $1 $2 | grep -E '^(<|>)' | sed 's:^< \(.*\):<del style="color\:red; text-decoration\: none">- \1</del><br>:' | sed 's:^> \(.*\):<ins style="color\:green; text-decoration\: none">+ \1</ins><br>:' > $3
cat $3
