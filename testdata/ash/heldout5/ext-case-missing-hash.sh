!/bin/bash
mkdir -p src && echo hello > src/hello.txt
tar cf pkg.tar src && gzip -c pkg.tar > pkg.tgz && bzip2 -c src/hello.txt > hello.txt.bz2
rm -r src
for filename in pkg.tgz hello.txt.bz2 notes.rar; do
 case $filename in
    *.tar)      tar xf $filename;;
    *.tar.bz2)  tar xjf $filename;;
    *.tbz)      tar xjf $filename;;
    *.tbz2)     tar xjf $filename;;
    *.tgz)      tar xzf $filename;;
    *.tar.gz)   tar xzf $filename;;
    *.gz)       gunzip $filename;;
    *.bz2)      bunzip2 $filename;;
    *.zip)      unzip $filename;;
    *.Z)        uncompress $filename;;
    *)          echo "No extract option for $filename"
esac
done
ls -R src; cat hello.txt
