#!/bin/bash
# A small script that keeps todo lists in ~/.todo/
# Needs: coreutils

# the lists live below the working directory here
HOME="$PWD/home"
mkdir -p "$HOME"

helpfunc () {
printf "Usage: todo [OPTION] [ITEM]

todo keeps todo lists.  Lists are stored in ~/.todo/ListName, each item
of a list a file of its own in that directory.

Options:
    todo                        # Lists all lists, or the items of a list
    todo add list item          # Adds item to list
    todo done list item#        # Marks item# of list with an X: done
    todo undo list item#        # Takes the X off item#
    todo rm list item#          # Removes item# from list
"
}

listfunc () {
    if [ -z "$1" ]; then
        for list in $(ls ~/.todo); do
            echo "$list ($(ls ~/.todo/$list | wc -l) items)"
        done
    else
        for item in $(ls ~/.todo/"$1" | sort -n); do
            echo "$item. $(cat ~/.todo/"$1"/$item)"
        done
    fi
}

todo () {
    [ -d ~/.todo ] || mkdir ~/.todo
    case $1 in
        add)
            mkdir -p ~/.todo/"$2"
            LIST=$2
            NUM=$(expr $(ls ~/.todo/"$LIST" | wc -l) + 1)
            shift 2
            echo "[ ] $*" > ~/.todo/"$LIST"/$NUM
            echo "Added item $NUM to $LIST"
            ;;
        done)
            sed -i 's/^\[ \]/[X]/' ~/.todo/"$2"/"$3" && echo "Item $3 of $2 done"
            ;;
        undo)
            sed -i 's/^\[X\]/[ ]/' ~/.todo/"$2"/"$3" && echo "Item $3 of $2 not done"
            ;;
        rm)
            printf "Remove item $3 of $2? y/n "
            read ANSWER
            echo
            case $ANSWER in
                [Yy]*) rm ~/.todo/"$2"/"$3"; echo "Removed" ;;
            esac
            ;;
        -h|--help)
            helpfunc
            ;;
        *)
            listfunc "$1"
            ;;
    esac
}

todo add home buy milk
todo add home fix the tap
todo add work send report
todo done home 2
todo undo home 2
todo done home 1
todo rm work 1 <<'IN'
y
IN
todo
todo home
todo --help
