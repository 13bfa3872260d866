#!/bin/bash

SYMBOLS=""
for symbol in {A..Z} {a..z} {0..9}; do SYMBOLS=$SYMBOLS$symbol; done
#SYMBOLS=$SYMBOLS'!@#$%&*()?/\[]{}-+_=<>.,'
# The alphabet is built; now take one symbol at random per character.
PWD_LENGTH=16  # password length
PASSWORD=""    # the password so far
RANDOM=256     # seed the generator
for i in `seq 1 $PWD_LENGTH`
do
PASSWORD=$PASSWORD${SYMBOLS:$(expr $RANDOM % ${#SYMBOLS}):1}
done
# the password itself is random: its length and alphabet are shown
echo "alphabet ${#SYMBOLS}, length ${#PASSWORD}"
case $PASSWORD in *[!A-Za-z0-9]*) echo "other characters" ;; *) echo "letters and digits" ;; esac
exit 0
