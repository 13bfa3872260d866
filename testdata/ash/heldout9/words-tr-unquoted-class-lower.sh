# Word list of words.txt with counts, case folded.
#!/bin/bash
cat > words.txt <<'TXT'
The day is sunny the The
the Sunny is IS
TXT
cat words.txt | tr [:space:] "\n" | sed '/^$/d' | tr '[:upper:]' '[:lower:]'|sort|uniq -c|sort -nr | awk '{ print $2,$1}'
