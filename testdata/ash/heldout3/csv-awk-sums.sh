printf 'a,0.02,5\nb,-0.65,3\nb,10.05,-30\na,0.22,-30\n' > table.csv
# add columns 2 and 3
awk -F ',' '{print $0,$2+$3}' table.csv
echo '----------'
# totals
awk -F ',' '{print;a+=$2;b+=$3}END{print "total",a,b}' table.csv
echo '----------'
# per-key totals
awk -F ',' '{x[$1]+=$2;y[$1]+=$3}END{for(k in x){print k" sum",x[k],y[k]}}' table.csv | sort
echo '----------'
cat table.csv | awk -F ',' '{print $0","$2+$3}' | awk -F ',' '{print $0,int(($4 + ($4>0?0.05:-0.05))*10)/10}'
echo '----------'
# join lines
sed -e ':a' -e 'N' -e '$!ba' -e 's/\n/\t/g' table.csv
echo '----------++'
while read line; do
    echo ${line}
done < ./table.csv
