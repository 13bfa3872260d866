#!/usr/bin/env bash

# INI parser: each section becomes a function that sets its keys.
cat > sample.ini <<'INI'
# sample
[aws]
region = eu-west-1
profile=default

[paths]
cache   = /tmp/cache ; scratch
INI

function _config_ini_parser {
    fixed_file=$(cat "$1" | grep -v -e "^$" -e"^ *#" -e "^#" | sed -r -e 's/(\S*)(\s*)=(\s*)(.*)/\1=\4/g' ) # fix spaces either side of the '='
    IFS=$'\n' && ini=( $fixed_file )         # convert to line-array
    ini=( ${ini[*]//;*/} )                   # remove ';' comments
    ini=( ${ini[*]//\#*/} )                  # remove '#' comments
    ini=( ${ini[*]/\	=/=} )                   # remove tabs before =
    ini=( ${ini[*]/=\	/=} )                    # remove tabs after =
    ini=( ${ini[*]/\ =\ /=} )                # remove anything with a space around =
    ini=( ${ini[*]/#\[/\}$'\n'cfg.section.} ) # set section prefix
    ini=( ${ini[*]/%\]/ \(} )                # convert text2function (1)
    ini=( ${ini[*]/=/=\( } )                 # convert item to array
    ini=( ${ini[*]/%/ \)} )                  # close array parenthesis
    ini=( ${ini[*]/%\\ \)/ \\} )             # the multiline trick
    ini=( ${ini[*]/%\( \)/\(\) \{} )         # convert text2function (2)
    ini=( ${ini[*]/%\} \)/\}} )              # remove extra parenthesis
    ini[0]=""                                # remove first element
    ini[${#ini[*]} + 1]='}'                  # add the last brace
    eval "$(echo "${ini[*]}")"               # eval the result
    _ini_cfg_sections=$(echo "${ini[*]}" | grep -o 'cfg\.section\.[a-z]*' | sed 's/cfg\.section\.//' | tr '\n' ' ')
}

_config_ini_parser sample.ini
unset IFS
echo "sections: $_ini_cfg_sections"
cfg.section.aws
echo "region=$region profile=$profile"
cfg.section.paths
echo "cache=$cache"
