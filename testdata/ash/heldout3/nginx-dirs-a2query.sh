#!/bin/bash
# enable a site the way a2ensite does for apache
N=./etc/nginx
site=${1:-api_wadqc}
if [ ! -d $N/sites-available ]; then
  mkdir -p $N/sites-available
fi
if [ ! -d $N/sites-enabled ]; then
  mkdir -p $N/sites-enabled
fi
echo "server { server_name $site; }" > $N/sites-available/$site
if [ -L $N/sites-enabled/$site ]; then
  echo "Site $site already enabled"
else
  ln -s ../sites-available/$site $N/sites-enabled/$site
  echo "Enabling site $site."
  echo "To activate the new configuration, you need to run:"
  echo "  service nginx reload"
fi
