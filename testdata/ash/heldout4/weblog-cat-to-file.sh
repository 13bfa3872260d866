#!/bin/bash
# Access log analysis
cat > access.log <<'LOG'
203.0.113.5 - - [01/Jan/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0"
198.51.100.7 - - [01/Jan/2024:10:00:02 +0000] "GET /login HTTP/1.1" 302 0 "https://example.org/" "Mozilla/5.0 (X11; Linux)"
203.0.113.5 - - [01/Jan/2024:10:00:03 +0000] "POST /login HTTP/1.1" 200 128 "https://example.org/login" "Mozilla/5.0 (X11; Linux)"
192.0.2.44 - - [01/Jan/2024:10:00:04 +0000] "GET /robots.txt HTTP/1.1" 404 153 "-" "Googlebot/2.1"
203.0.113.5 - - [01/Jan/2024:10:00:05 +0000] "GET /static/app.css HTTP/1.1" 200 2048 "https://example.org/" "curl/8.0"
198.51.100.7 - - [01/Jan/2024:10:00:06 +0000] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11; Linux)"
10.0.0.3 - - [01/Jan/2024:10:00:07 +0000] "GET /admin HTTP/1.1" 403 64 "-" "sqlmap/1.7"
LOG
cat access.log | awk '{print $1}' | sort | uniq -c | sort -rn | head -20 > top_ips.log
echo "Log analysis complete"
cat top_ips.log
