# The floor: the work of convert.hcl as one script for BusyBox ash, sent
# once per host, with no checks. Run again on a converged host it repeats
# the work; commands that refuse (the group and user exist) are ignored.
apk add --no-progress -- sb-hello sb-daemon sb-app
addgroup -S sbapp
adduser -S -D -H -h /var/lib/sbapp -s /sbin/nologin -G sbapp sbapp
mkdir -p /etc/sbapp && chown root:sbapp /etc/sbapp && chmod 0750 /etc/sbapp
printf 'listen = 127.0.0.1:8080\nworkers = 4\nlog = /var/log/sbapp/app.log\n' > /etc/sbapp/app.conf.new &&
	chown root:sbapp /etc/sbapp/app.conf.new && chmod 0640 /etc/sbapp/app.conf.new &&
	mv /etc/sbapp/app.conf.new /etc/sbapp/app.conf
mkdir -p /var/log/sbapp && chown sbapp:sbapp /var/log/sbapp && chmod 0750 /var/log/sbapp
printf 'Converted by switchback. Local changes may be overwritten.\n' > /etc/motd
sed -i 's/^umask .*/umask 027/' /etc/profile
sed -i 's/^SB_DAEMON_INTERVAL=.*/SB_DAEMON_INTERVAL=5/' /etc/conf.d/sb-daemon
rc-update add sb-daemon default
rc-service sb-daemon start
mkdir -p /usr/local/bin && ln -sfn /usr/bin/sb-hello /usr/local/bin/hello
mkdir -p /var/lib/switchback && date -u +%Y-%m-%dT%H:%M:%SZ > /var/lib/switchback/converted-at
printf '# limits for sbapp\nnofile = 4096\nworker a\nworker b\n' > /etc/sbapp/limits.conf.new &&
	chown root:sbapp /etc/sbapp/limits.conf.new && chmod 0640 /etc/sbapp/limits.conf.new &&
	mv /etc/sbapp/limits.conf.new /etc/sbapp/limits.conf
printf 'SBAPP_HOME=/var/lib/sbapp\nSBAPP_MODE=production\n' > /etc/sbapp/env.new &&
	chmod 0644 /etc/sbapp/env.new && mv /etc/sbapp/env.new /etc/sbapp/env
sh -n /etc/init.d/sb-daemon
exit 0
