#!/bin/bash
##########################################################################################################################################
# Run as: sh jvm-stat.sh
# Goes through the swallow processes and runs the JVM tools on each pid, writing their output under data/swallow-dump.
##########################################################################################################################################

# Stand-ins: ps lists the two processes; the JVM tools print fixed output.
ps() { printf 'app  3101  2.0 java -jar swallow-producer.jar\napp  3102  1.0 java -jar swallow-consumer.jar\n'; }
jstack() { echo "Full thread dump of $1"; }
jstat() { echo "  S0     S1     E      O      M     YGC"; echo "  0.00  12.50  40.10  22.00  95.1   17"; }
jmap() { echo "jmap $1 on $2"; }

StatDir="data/swallow-dump"

if [ ! -d "$StatDir" ] ; then
  mkdir -p "$StatDir"
fi

jvmStat(){
  Pid=$1
  ProcessName=$2
  echo -e "======= Executing jstack \033[32m$ProcessName\033[0m(pid=$Pid) to $StatDir/$ProcessName.jstack.out..."
  jstack $Pid > $StatDir/$ProcessName.jstack.out
  echo -e "======= Executing jstat \033[32m$ProcessName\033[0m(pid=$Pid) to $StatDir/$ProcessName.jstat.out..."
  jstat -gcutil $Pid > $StatDir/$ProcessName.jstat.out
  echo -e "======= Executing jmap -histo \033[32m$ProcessName\033[0m(pid=$Pid) to $StatDir/$ProcessName.histo.out..."
  jmap -histo $Pid > $StatDir/$ProcessName.histo.out
}

for ProcessName in swallow-producer swallow-consumer
do
  Pid=`ps aux | grep $ProcessName | grep -v grep | awk '{print $2}'`
  jvmStat $Pid $ProcessName
done
ls $StatDir
