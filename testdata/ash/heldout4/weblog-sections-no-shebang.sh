cat > access.log <<'LOG'
203.0.113.5 - - [01/Jan/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0"
198.51.100.7 - - [01/Jan/2024:10:00:02 +0000] "GET /login HTTP/1.1" 302 0 "https://example.org/" "Mozilla/5.0 (X11; Linux)"
203.0.113.5 - - [01/Jan/2024:10:00:03 +0000] "POST /login HTTP/1.1" 200 128 "https://example.org/login" "Mozilla/5.0 (X11; Linux)"
192.0.2.44 - - [01/Jan/2024:10:00:04 +0000] "GET /robots.txt HTTP/1.1" 404 153 "-" "Googlebot/2.1"
203.0.113.5 - - [01/Jan/2024:10:00:05 +0000] "GET /static/app.css HTTP/1.1" 200 2048 "https://example.org/" "curl/8.0"
198.51.100.7 - - [01/Jan/2024:10:00:06 +0000] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11; Linux)"
10.0.0.3 - - [01/Jan/2024:10:00:07 +0000] "GET /admin HTTP/1.1" 403 64 "-" "sqlmap/1.7"
LOG
echo
echo "Top IP addresses accessing the website:"
echo
awk '{print $1}' access.log | sort | uniq -c | sort -nr | head -20
echo
echo "Top Urls accessed:"
echo
awk '{print $7}' access.log | sort | uniq -c | sort -nr
echo
echo "Top 20 User Agents:"
echo
awk -F\" '{print $6}' access.log | sort | uniq -c | sort -nr | head -20
echo
echo "Top 20 Referrers:"
echo
awk -F\" '{print $4}' access.log | sort | uniq -c | sort -nr | head -20
echo
echo "Top 20 Status Codes:"
echo
awk '{print $9}' access.log | sort | uniq -c | sort -nr | head -20
echo
