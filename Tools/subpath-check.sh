#!/usr/bin/env bash
# Serves the built site under a sub-path (/notes/) with nginx on loopback and crawls it with
# linkchecker: every link must work when the site is not at the server's root.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null && command -v linkchecker >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx linkchecker >/dev/null; }
port="${PORT:-18080}"
work="$(mktemp -d)"
trap 'nginx -p "$work" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
swift build --product notesim >/dev/null
.build/debug/notesim build . --base-url "http://127.0.0.1:$port/notes/" --output "$work/site" >/dev/null
mkdir -p "$work/logs"
chmod -R a+rX "$work"
cat > "$work/nginx.conf" <<CONF
daemon on;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  server {
    listen 127.0.0.1:$port;
    location /notes/ { alias $work/site/; error_page 404 /notes/404.html; }
  }
}
CONF
nginx -p "$work" -c nginx.conf
status=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/notes/")
[ "$status" = 200 ] || { echo "the site is not served (HTTP $status)"; exit 1; }
linkchecker --no-status "http://127.0.0.1:$port/notes/" 2>&1 | tail -5
