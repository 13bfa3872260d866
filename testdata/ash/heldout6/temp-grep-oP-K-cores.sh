#!/bin/bash
# CPU temperature check, meant for cron every minute
sensors() {
	cat <<'OUT'
coretemp-isa-0000
Adapter: ISA adapter
Package id 0:  +74.0°C  (high = +80.0°C, crit = +100.0°C)
Core 0:        +72.0°C  (high = +80.0°C, crit = +100.0°C)
Core 1:        +65.0°C  (high = +80.0°C, crit = +100.0°C)
OUT
}
mail() { echo "mail to $3: $2"; cat; }
shutdown() { echo "shutdown $*"; }

EMAIL=admin@example.org
WARN_TEMP=70
CRIT_TEMP=90

warn_flag=false
crit_flag=false

for line in `sensors | grep -oP "Core\s+\d:\s+\+?(\K\d+)"`; do
    if [ ${line} -ge ${WARN_TEMP} ]; then
        warn_flag=true
    fi

    if [ ${line} -ge ${CRIT_TEMP} ]; then
        crit_flag=true
    fi
done

if [ "${crit_flag}" = true ]; then
    echo "CRITICAL: CPU temperature >= ${CRIT_TEMP}" | mail -s "[Server] CRITICAL CPU Temperature!" ${EMAIL}
    sleep 1
    shutdown -h now
    exit
fi

if [ "${warn_flag}" = true ]; then
    echo "WARNING: CPU temperature >= ${WARN_TEMP}" | mail -s "[Server] WARNING CPU Temperature" ${EMAIL}
fi
