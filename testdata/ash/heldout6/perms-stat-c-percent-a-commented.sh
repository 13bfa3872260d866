#!/bin/bash
mkdir -p conda/2022-07-19/pkgs conda/2022-07-19/envs
chmod 2500 conda/2022-07-19/envs

# for site in $(echo conda/2022-07-19/*)
# do
#     # for file in $(find $site -type f -exec stat -c '%a' '{}' +)
#     # do
#     #     if [[ $file != *444 ]]
#     #     then
#     #         echo "$site/$file permissions are wrong"
#     #     fi
#     # done
# done


site='conda/2022-07-19'

for dir in $(find $site -type d -exec stat -c '%a' '{}' +)
do
    if [[ $dir == 2500 ]]
    then
        echo $dir
        echo "$site directory permissions are wrong"
    else
        echo "$site directory permissions are correct"
    fi
done | sort
chmod 755 conda/2022-07-19/envs
