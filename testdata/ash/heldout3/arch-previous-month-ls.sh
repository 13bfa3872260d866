#!/bin/sh
# archive previous month's files to the archive directory
curr_dir=.
mkdir -p $curr_dir/PROCESS $curr_dir/ARCHIVE
for d in 202401 202402; do echo r > $curr_dir/PROCESS/con_profile_report_$d.csv; done
touch -d '2024-01-15 00:00:00' $curr_dir/PROCESS/con_profile_report_202401.csv
touch -d '2024-02-15 00:00:00' $curr_dir/PROCESS/con_profile_report_202402.csv
curr_month=`ls -t $curr_dir/PROCESS/con_profile_report* | head -1 | sed 's/.*_\([0-9]*\)\.csv/\1/' | tr -d ' \t\n\r\f'`
echo "current month: $curr_month"
for f in $curr_dir/PROCESS/con_profile_report*; do
  case $f in *$curr_month*) ;; *) mv $f $curr_dir/ARCHIVE/ ;; esac
done
ls $curr_dir/ARCHIVE
