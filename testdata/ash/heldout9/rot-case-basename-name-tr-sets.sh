#!/bin/sh
# rot13 - trivial cipher rotating by 13 places
#
# ROT13 both encrypts and decrypts, since 13 places are half of the
# 26-letter Latin alphabet. Linked as rotmp and unrotmp, it is an
# alternative that is not symmetric.
#
# (the name it is called by, $0 in the source, is given in turn here)

for name in /usr/local/bin/rot13 ./ROT13 rotmp unrotmp rot5; do
    printf 'Why did the chicken cross the road?\n' > msg
    case $(basename $name) in
        rot13|ROT13) tr '[a-zA-Z]' '[n-za-mN-ZA-M]' < msg ;;
        unrotmp) tr '[f-za-eF-ZA-E]' '[a-zA-Z]' < msg ;;
        rotmp) tr '[a-zA-Z]' '[f-za-eF-ZA-E]' < msg ;;
        *) echo "$name: call me as rot13, rotmp or unrotmp" >&2 ; exit 1 ;;
    esac
done
