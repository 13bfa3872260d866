#!/bin/bash
# Parse an INI configuration file into one associative array per section.
cat > backup.ini <<'INI'
[Source]
path=/srv/data
exclude=*.tmp

[Target]
host=backup.example
path=/backup
INI

# Get INI section
ReadINISections(){
  local filename="$1"
  awk '{ if ($1 ~ /^\[/) section=tolower(gensub(/\[(.+)\]/,"\\1",1,$1)); config[section]=1 } END {
         for (key in config) { print key} }' ${filename}
}

# Get/Set all INI sections
GetINISections(){
  local filename="$1"

  sections="$(ReadINISections $filename)"
  for section in $sections; do
    array_name="config_${section}"
    declare -g -A ${array_name}
  done
  eval $(awk -F= '{ 
                    if ($1 ~ /^\[/) 
                      section=tolower(gensub(/\[(.+)\]/,"\\1",1,$1)) 
                    else if ($1 !~ /^$/ && $1 !~ /^;/) {
                      gsub(/^[ \t]+|[ \t]+$/, "", $1); 
                      gsub(/[\[\]]/, "", $1);
                      gsub(/^[ \t]+|[ \t]+$/, "", $2); 
                      if (config[section][$1] == "")  
                        config[section][$1]=$2
                      else
                        config[section][$1]=config[section][$1]" "$2} 
                    } 
                    END {
                      for (section in config)    
                        for (key in config[section]) 
                          print "config_"section"[\""key"\"]=\""config[section][key]"\";"
                    }' ${filename}
        )
}

GetINISections backup.ini
echo "${config_source[path]} -> ${config_target[host]}:${config_target[path]}"
echo "excluding ${config_source[exclude]}"
