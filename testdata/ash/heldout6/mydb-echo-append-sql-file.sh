#db_name = database name
#db_user = user
#db_pwd = the user's password
db_name=wordpress db_user=wpuser db_pwd=wp-secret
mysql() { echo "mysql $*"; cat; }

echo "CREATE DATABASE IF NOT EXISTS $db_name ;" > mdb.sql
echo "CREATE USER IF NOT EXISTS '$db_user'@'%' IDENTIFIED BY '$db_pwd' ;" >> mdb.sql
echo "GRANT ALL PRIVILEGES ON $db_name.* TO '$db_user'@'%' ;" >> mdb.sql
echo "ALTER USER 'root'@'localhost' IDENTIFIED BY 'root-secret' ;" >> mdb.sql
echo "FLUSH PRIVILEGES;" >> mdb.sql

mysql < mdb.sql
