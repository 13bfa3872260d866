#!/bin/bash  -e

# Fixtures and a stand-in psql that says whether it got a password.
mkdir -p db/migration stand
for v in V1__Base_version V2__Add_Export_filename V3__Remove_unique_order_constraints V4__Increased_text_column_length V5__Increased_booking_note_text_column_length V6__Add_simple_line V7__Add_export_line_associations; do
  echo "-- $v" > db/migration/$v.sql
done
echo "-- data" > import.sql
cat > stand/psql <<'EOF'
#!/bin/sh
echo "psql $* (password ${PGPASSWORD:+set})"
EOF
chmod +x stand/psql
PATH=$PWD/stand:$PATH

for f in ./db/migration/V1__Base_version.sql \
           ./db/migration/V2__Add_Export_filename.sql \
           ./db/migration/V3__Remove_unique_order_constraints.sql \
           ./db/migration/V4__Increased_text_column_length.sql \
           ./db/migration/V5__Increased_booking_note_text_column_length.sql \
           ./db/migration/V6__Add_simple_line.sql \
           ./db/migration/V7__Add_export_line_associations.sql \
           ./import.sql
do
  echo "Running migration for ${f}"
  PGPASSWORD=uttu psql -U uttu -h localhost -p 5432 -f $f
done
