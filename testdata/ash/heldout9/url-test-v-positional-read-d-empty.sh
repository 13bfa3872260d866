# urlencode - encodes the special characters of a string for a URL
# urldecode - decodes them
#
# After an answer by Orwellophile on Stack Overflow (questions/296536)

urlencode() {
    local str

    if [[ -v 1 ]]; then
        str="$1"
    else
        # Read stdin, keeping trailing newlines
        IFS='' read -d '' -r str
    fi

    local strlen=${#str}
    local url=""

    # Loop over the string
    local pos
    for (( pos=0 ; pos<strlen ; pos++ )); do
        local o
        local c="${str:$pos:1}"
        case "$c" in
            [-_.~a-zA-Z0-9])
                o="$c"
                ;;

            *)
                printf -v o '%%%02x' "'$c"
                ;;
        esac
        url+="$o"
    done

    echo "$url"
}

urldecode() {
    local str

    if [[ -v 1 ]]; then
        str="$1"
    else
        IFS='' read -d '' -r str
    fi

    # %NN becomes \xNN, and printf %b decodes it
    printf '%b\n' "${str//%/\\x}"
}

urlencode 'a+b c'
printf 'line one\nline two\n' | urlencode
urldecode 'a%2bb%20c'
echo 'x%3dy' | urldecode
