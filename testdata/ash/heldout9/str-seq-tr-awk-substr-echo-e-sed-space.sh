#!/bin/bash
# ------------------------------------------------------------
# trim a string: to a length, and of its surrounding blanks
# ------------------------------------------------------------

# cut a string down from a given character

TEXT="$(seq 0 9 | tr -d "\n";)";
FROM="5";
UPTO="${#TEXT}";
CUT="$(echo -e "${TEXT}" | awk "{print substr(\$0,${FROM},${UPTO})}";)";
echo -e "\nTEXT=[${TEXT}]\nCUT=[${CUT}]\n";
# gives:
# TEXT=[0123456789]
# CUT=[456789]


# ------------------------------------------------------------

# take the blanks off both ends
TEXT="  a  b  c  d  ";
CUT="$(echo -e "${TEXT}" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//';)";
echo -e "\nTEXT=[${TEXT}]\nCUT=[${CUT}]\n";
# gives:
# TEXT=[  a  b  c  d  ]
# CUT=[a  b  c  d]
