#!/bin/sh
PS3="environment? "
select env in staging production; do
	echo "chose $env"
	break
done
echo "end"
