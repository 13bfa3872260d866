#!/bin/bash
mkdir -p data
printf 'date,id,store,x,y,z,w,qty,amount\n1,1,S1,,,,,2,100\n1,2,S2,,,,,1,50\n2,3,S1,,,,,3,30\n' > data/receipt.csv
echo "store_code,sum_amount,sum_quantity";
tail -n +2 ./data/receipt.csv | awk -F, '
{
	if($0 != "") {
		a[$3]+=$9; # sum amount by $3 column
		b[$3]+=$8;
	}
}
END {
	for(i in a) {
		print i","a[i]","b[i];
	}
}
' | LC_ALL=C sort -t$',' -k1,1
