git() { echo ".git/hooks"; }
mkdir -p .git/hooks
fp=$(git rev-parse --git-path hooks)/pre-commit
if test ! -e "$fp"
then
  echo -e '#!/bin/sh\n\n,format check' > "$fp" \
    && chmod +x "$fp"
fi
cat "$fp"
