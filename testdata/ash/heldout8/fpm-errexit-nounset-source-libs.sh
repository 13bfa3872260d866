#!/bin/bash
# Copyright notice of the source omitted.

# shellcheck disable=SC1090,SC1091

# Stand-ins: the image's libraries, as small fixtures under opt/.
mkdir -p opt/bitnami/scripts
cat > opt/bitnami/scripts/liblog.sh <<'EOF'
info() { echo "INFO  ==> $*"; }
error() { echo "ERROR ==> $*" >&2; }
EOF
cat > opt/bitnami/scripts/libphp.sh <<'EOF'
is_php_fpm_enabled() { [ "${PHP_FPM_ENABLED:-yes}" = yes ]; }
is_php_fpm_not_running() { [ ! -f "$PHP_FPM_PID_FILE" ]; }
php_fpm_reload() { echo "kill -USR2 $(cat "$PHP_FPM_PID_FILE")"; }
EOF
cat > opt/bitnami/scripts/libwebserver.sh <<'EOF'
web_server_type() { echo "$WEB_SERVER_TYPE"; }
EOF
cat > opt/bitnami/scripts/php-env.sh <<'EOF'
PHP_FPM_PID_FILE=opt/bitnami/php/tmp/php-fpm.pid
EOF
cat > opt/bitnami/scripts/apache-env.sh <<'EOF'
APACHE_CONF_DIR=opt/bitnami/apache/conf
EOF
mkdir -p opt/bitnami/php/tmp
echo 4242 > opt/bitnami/php/tmp/php-fpm.pid
WEB_SERVER_TYPE=apache

set -o errexit
set -o nounset
set -o pipefail
# set -o xtrace # Uncomment this line for debugging purposes

# Load libraries
. opt/bitnami/scripts/libphp.sh
. opt/bitnami/scripts/liblog.sh
. opt/bitnami/scripts/libwebserver.sh

# Load PHP-FPM environment
. opt/bitnami/scripts/php-env.sh

# Load web server environment and functions
. "opt/bitnami/scripts/$(web_server_type)-env.sh"

error_code=0

if is_php_fpm_enabled; then
    if is_php_fpm_not_running; then
        error "php-fpm is not running"
        error_code=1
    else
        info "** Reloading PHP-FPM configuration **"
        php_fpm_reload
    fi
fi

exit "$error_code"
