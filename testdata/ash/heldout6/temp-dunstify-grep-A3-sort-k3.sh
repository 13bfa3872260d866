#!/bin/sh
sensors() {
	echo "coretemp-isa-0000"
	echo "Adapter: ISA adapter"
	echo "Core 0:        +${1}.0°C  (high = +100.0°C, crit = +100.0°C)"
	echo "Core 1:        +${2}.0°C  (high = +100.0°C, crit = +100.0°C)"
	echo "Core 2:        +61.0°C  (high = +100.0°C, crit = +100.0°C)"
	echo "Core 3:        +58.0°C  (high = +100.0°C, crit = +100.0°C)"
}
dunstify() { echo "dunstify $*"; }
rounds=0
while :; do
  sleep 1
  rounds=$((rounds + 1))
  case $rounds in 1) t="77 92" ;; 2) t="64 66" ;; *) break ;; esac

  Cpu=$(sensors $t | grep -A3 "Core 0" | sort -k3)
  Cpu=${Cpu%.* \(high*}; Cpu=${Cpu##*+}

  [ $Cpu -ge 75 ] \
    && dunstify -a highTemp -h string:x-dunst-stack-tag:tempWarn \
    "High Temperature Detected"
  [ $Cpu -ge 90 ] \
    && dunstify -a critTemp -h string:x-dunst-stack-tag:tempwarn \
    "CRITICAL CPU TEMPERATURE: $Cpu°C"
done
