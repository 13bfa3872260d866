##############################################################################
# NGINX
##############################################################################
sudo() { "$@"; }
nginx() { echo "nginx: configuration file test is successful"; }
systemctl() { echo "systemctl $*"; }
mkdir -p etc/nginx/sites-available etc/nginx/sites-enabled
touch etc/nginx/sites-available/example.com
sudo nginx -t # Check syntax
sudo systemctl reload nginx # Reload nginx
sudo ln -s ../sites-available/example.com etc/nginx/sites-enabled/ # Link website
ls etc/nginx/sites-enabled
