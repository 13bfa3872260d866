#!/bin/bash
# Stand-ins: mail, service and mailq (a queue that grows) print what they would do.
mail() { echo "mail $*"; sed 's/^/  | /'; }
service() { echo "service $*"; }
mailq() {
  n=$(cat queue.count)
  i=1
  while [ $i -le $n ]; do printf 'A%04X     1200 Tue May  7 08:12:01  app@example.org\n' $i; i=$((i + 1)); done
}
echo 12 > queue.count

#Functions
function mailing(){
mail -s "$1" monitoring@example.org -r postmaster@example.org -a "From: mail-monitoring" <<< "$2"
echo "Warning mail sent"
}

# Mails when the queue is overloaded
service postfix start

round=0
while true
do
    queue=$(mailq | grep -c "^[A-F0-9]")

	if [ "${queue:-0}" -ge "30" ]; then

        echo "Abnormal activity detected"
        echo $(mailq)
        mailing "Postfix" "Abnormal activity on the mail server: $(mailq | wc -l) messages queued"

        sleep 0.1

        else

        echo $(mailq) | wc -w

        sleep 0.1

    fi

    echo 31 > queue.count
    round=$((round + 1))
    [ $round -lt 2 ] || break
done
