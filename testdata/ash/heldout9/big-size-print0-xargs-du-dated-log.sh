#!/bin/sh

# report files over a size into a log named after the hour
log_dir="log/www/dsp"
file_dir="Downloads"
mkdir -p "${file_dir}/sub"
head -c 204800 /dev/zero > "${file_dir}/keep.iso"
head -c 409600 /dev/zero > "${file_dir}/sub/movie name.mkv"
head -c 4096 /dev/zero > "${file_dir}/note.txt"
file_name="${log_dir}/big_files_$(date +%Y%m%d%H).log"

mkdir -p "${log_dir}"

find "${file_dir}" -type f -size +100k  -print0 | xargs -0 du -h | sort -nr > "${file_name}"

# what the log holds, and how many logs there are
ls "${log_dir}" | wc -l
cat "${log_dir}"/big_files_*.log
