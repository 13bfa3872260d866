# auto-site-setup: find new sites to set up
mkdir -p custom-sites srv/www/blog srv/www/shop/public
touch custom-sites/vvv-auto-stale-abc.conf
echo "server {}" > srv/www/blog/vvv-nginx.conf
echo "server {}" > srv/www/shop/public/vvv-nginx.conf
# Kill previously symlinked Nginx configs
find ./custom-sites -name 'vvv-auto-*.conf' -exec rm {} \;
# Look for Nginx vhost files, symlink them into the custom sites dir
for SITE_CONFIG_FILE in $(find ./srv/www -maxdepth 4 -name 'vvv-nginx.conf' | sort); do
	DEST_CONFIG_FILE=${SITE_CONFIG_FILE//.\/srv\/www\//}
	DEST_CONFIG_FILE=${DEST_CONFIG_FILE//\//\-}
	DEST_CONFIG_FILE=${DEST_CONFIG_FILE/%-vvv-nginx.conf/}
	DEST_CONFIG_FILE="vvv-auto-$DEST_CONFIG_FILE-$(md5sum <<< $SITE_CONFIG_FILE | cut -c1-32).conf"
	ln -s "$PWD/$SITE_CONFIG_FILE" "custom-sites/$DEST_CONFIG_FILE"
done
ls custom-sites | cut -c1-20
