# Read words.txt and print each word with how often it occurs, most frequent first.
#!/bin/bash
cat > words.txt <<'TXT'
the day is sunny the the
the sunny is is
TXT
cat words.txt|tr '[:space:]' '\n'|awk '$0 !~ /^$/' |awk '{n[$0]++} END{ for(w in n){ printf("%s %d\n", w,n[w] );} }' |sort -k 2 -nr
