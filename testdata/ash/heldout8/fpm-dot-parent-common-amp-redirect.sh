#!/bin/bash
# Stand-ins: the shared settings one directory up, the php-fpm binary
# (it writes to its log), and pkill, which prints what it would signal.
mkdir -p boot logs usr/local/php/sbin usr/local/php/etc
echo 'LOG_DIR=../logs' > common.sh
cat > usr/local/php/sbin/php-fpm <<'EOF'
#!/bin/sh
echo "php-fpm $*"
EOF
chmod +x usr/local/php/sbin/php-fpm
pkill() { echo "pkill $*"; }
set -- restart
cd boot

. ../common.sh
PHP_INI=../usr/local/php/etc/php.ini
PHP_FPM_CONF=../usr/local/php/etc/php-fpm.conf
NAME=php-fpm
BIN=../usr/local/php/sbin/php-fpm
LOG=$LOG_DIR/fpm_init.log
RETVAL=0

start() {
      nohup $BIN -c $PHP_INI --fpm-config=$PHP_FPM_CONF &> $LOG &
      RETVAL=$?
      wait
}
stop() {
      pkill $NAME
      RETVAL=$?
}

case "$1" in
    start)
      start
  ;;
    stop)
      stop
  ;;
    restart)
      stop
      start
  ;;
    *)
      echo "Usage: fpm {start|stop|restart}"
      exit 1
  ;;
esac
cat $LOG
exit $RETVA
