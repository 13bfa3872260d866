#!/bin/bash
mkdir -p site/pages
printf 'TITLE=Welcome\nLANG=en\n' > env
echo 'tpl:TITLE in tpl:LANG' > site/pages/index.html
for i in $(cat ./env)
do
	key=$(cut -d "=" -f1 <<< $i)
	value=$(cut -d "=" -f2 <<< $i)
	echo "$key -> $value"
	find ./site/ -type f -exec sed -i "s/tpl:$key/$value/g" {} +
done
cat site/pages/index.html
