#!/usr/bin/env bash
# Check docs/deploy.md's access setup (deploy/nginx/pilot-audiences.conf with its http-level maps
# and header snippet) against sites built by `npm run build:audiences`, on 127.0.0.1 only: TLS with
# a self-signed certificate, 401 without or with wrong credentials, 200 with the right ones, 403 for
# a district user on another district's path (also through ../ and %2F tricks), no directory
# listing, noindex and the Content-Security-Policy header on every response, and every page of the
# city site and of one district's site loading in Chromium under that CSP with no violation.
#
#   scripts/check-access.sh SITES    SITES: the --out folder of `npm run build:audiences`
#                                     (city/ and d/<code>/ for at least two districts)
#
# Installs nothing: exits 2 when nginx, openssl or a site is missing, 1 when a check fails.
set -euo pipefail
# "sed -n 1p", never "head -1", after a pipe: head exits after one line, the writer before it
# dies of SIGPIPE once the list outgrows one write, and pipefail turns that into exit 141 (the
# district site's 一企一档 shards made the _file list long enough to fail CI that way).
cd "$(dirname "$0")/.."

for tool in nginx openssl curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check-access: FAIL: $tool is not installed; nothing was checked" >&2; exit 2; }
done
sites=${1:-}
[ -n "$sites" ] && [ -f "$sites/city/index.html" ] || { echo "check-access: FAIL: pass the --out folder of npm run build:audiences (no city/index.html in '${sites}')" >&2; exit 2; }
sites=$(cd "$sites" && pwd)
mapfile -t districts < <(cd "$sites/d" 2>/dev/null && ls -d [0-9][0-9][0-9][0-9][0-9][0-9] 2>/dev/null | sort)
[ "${#districts[@]}" -ge 2 ] || { echo "check-access: FAIL: $sites/d/ holds fewer than two district sites" >&2; exit 2; }
d1=${districts[0]}
d2=${districts[1]}

. scripts/lib/nginx-work.sh check-access

# Self-signed certificate for the check; htpasswd entries made with openssl (apr1, as htpasswd -m).
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=pilot.intranet.example" \
  -keyout "$work/pilot.key" -out "$work/pilot.crt" >/dev/null 2>&1
city_pw=$(openssl rand -hex 12)
d1_pw=$(openssl rand -hex 12)
{
  printf 'city.user:%s\n' "$(openssl passwd -apr1 "$city_pw")"
  printf 'd1.user:%s\n' "$(openssl passwd -apr1 "$d1_pw")"
} > "$work/pilot.htpasswd"
printf 'city.user city;\nd1.user d/%s;\n' "$d1" > "$work/pilot-users.map"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
http_port=$(free_port)
sed -e "s|/etc/nginx/pilot-users.map|$work/pilot-users.map|" deploy/nginx/pilot-access-http.conf > "$work/access-http.conf"
cp deploy/nginx/pilot-audience-headers.conf "$work/headers.conf"
sed -e "s|^    listen 443 ssl;|    listen 127.0.0.1:$port ssl;|" \
    -e "s|^    listen 80;|    listen 127.0.0.1:$http_port;|" \
    -e "s|/etc/nginx/tls/|$work/|" \
    -e "s|/etc/nginx/pilot.htpasswd|$work/pilot.htpasswd|" \
    -e "s|/etc/nginx/snippets/pilot-audience-headers.conf|$work/headers.conf|" \
    -e "s|^    root /srv/pilot/audiences;|    root $sites;|" deploy/nginx/pilot-audiences.conf > "$work/audiences.conf"
for want in "listen 127.0.0.1:$port ssl;" "listen 127.0.0.1:$http_port;" "root $sites;" "auth_basic_user_file $work/pilot.htpasswd;"; do
  grep -qF "$want" "$work/audiences.conf" || { echo "check-access: FAIL: deploy/nginx/pilot-audiences.conf no longer has the line this check rewrites to '$want'" >&2; exit 1; }
done
mkdir -p "$work/temp"
cat > "$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $work/access.log;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/access-http.conf;
    include $work/audiences.conf;
}
EOF
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"
base="https://127.0.0.1:$port"
for _ in $(seq 50); do curl -sk --noproxy '*' --max-time 1 -o /dev/null "$base/" && break; sleep 0.1; done

failures=0
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi
}
get() { # get PATH [curl args…]: prints the status; headers in $work/headers
  local path=$1
  shift
  curl -sS --noproxy '*' --max-time 5 --cacert "$work/pilot.crt" --resolve "pilot.intranet.example:$port:127.0.0.1" \
    -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@" "https://pilot.intranet.example:$port$path"
}
header() { grep -i "^$1:" "$work/headers" | sed -n 1p | cut -d' ' -f2- | tr -d '\r'; }
city=(-u "city.user:$city_pw")
dist=(-u "d1.user:$d1_pw")

check "TLS: the certificate verifies and /city/ answers 401 without credentials" 401 "$(get /city/)"
check "401 asks for basic auth" 'Basic realm="广州市中小企业数字化转型城市试点监测"' "$(header WWW-Authenticate)"
check "/d/$d1/ without credentials is 401" 401 "$(get "/d/$d1/")"
check "/city/ with a wrong password is 401" 401 "$(get /city/ -u "city.user:wrong")"
check "/d/$d2/ with a district user's wrong password is 401, not 403" 401 "$(get "/d/$d2/" -u "d1.user:wrong")"
check "/city/ as the city user is 200" 200 "$(get /city/ "${city[@]}")"
check "/city/ serves the city build" "$(sha256sum < "$sites/city/index.html")" "$(sha256sum < "$work/body")"
check "/city/ is noindex" "noindex, nofollow" "$(header X-Robots-Tag)"
check "/city/ carries the CSP header" "default-src 'self'" "$(header Content-Security-Policy | cut -d';' -f1)"
check "/city/ is revalidated every time" "no-cache" "$(header Cache-Control)"
check "/city/funds (clean URL) as the city user is 200" 200 "$(get /city/funds "${city[@]}")"
check "/d/$d1/ as the city user is 200" 200 "$(get "/d/$d1/" "${city[@]}")"
check "/d/$d2/ as the city user is 200" 200 "$(get "/d/$d2/" "${city[@]}")"
check "/d/$d1/ as its district user is 200" 200 "$(get "/d/$d1/" "${dist[@]}")"
check "/d/$d1/ serves that district's build" "$(sha256sum < "$sites/d/$d1/index.html")" "$(sha256sum < "$work/body")"
check "/d/$d1/manifest.json names the district" "\"audience\": \"district:$d1\"," "$(get "/d/$d1/manifest.json" "${dist[@]}" >/dev/null; grep '"audience"' "$work/body" | sed 's/^ *//')"
check "/d/$d2/ as $d1's user is 403" 403 "$(get "/d/$d2/" "${dist[@]}")"
check "/d/$d2/funds as $d1's user is 403" 403 "$(get "/d/$d2/funds" "${dist[@]}")"
check "/city/ as $d1's user is 403" 403 "$(get /city/ "${dist[@]}")"
check "/d/$d1/../$d2/ as $d1's user is 403" 403 "$(get "/d/$d1/../$d2/" --path-as-is "${dist[@]}")"
check "/d/$d1/%2E%2E/$d2/ as $d1's user is 403" 403 "$(get "/d/$d1/%2E%2E/$d2/" --path-as-is "${dist[@]}")"
asset=$(cd "$sites/d/$d2" && find _file -name '*.json' | sort | sed -n 1p)
check "/d/$d2/$asset (a data file) as $d1's user is 403" 403 "$(get "/d/$d2/$asset" "${dist[@]}")"
asset=$(cd "$sites/d/$d1" && find _file -name '*.json' | sort | sed -n 1p)
check "/d/$d1/$asset as its district user is 200" 200 "$(get "/d/$d1/$asset" "${dist[@]}")"
check "/d/$d1/$asset is cached immutably" "public, max-age=31536000, immutable" "$(header Cache-Control)"
check "/d/$d1/$asset is still noindex" "noindex, nofollow" "$(header X-Robots-Tag)"
check "/d/$d1/$asset still carries the CSP header" "default-src 'self'" "$(header Content-Security-Policy | cut -d';' -f1)"
check "/d/$d1/_file/ lists no directory" 404 "$(get "/d/$d1/_file/" "${dist[@]}")"
check "/d/$d1/_file/data/ lists no directory" 404 "$(get "/d/$d1/_file/data/" "${dist[@]}")"
check "/ serves nothing" 404 "$(get / "${city[@]}")"
check "/d/$d1 redirects to /d/$d1/" "301 /d/$d1/" "$(get "/d/$d1" "${dist[@]}") $(header Location | sed 's|^https://[^/]*||')"
code=$(curl -sS --noproxy '*' --max-time 5 -o /dev/null -D "$work/headers" -w '%{http_code}' -H "Host: pilot.intranet.example" "http://127.0.0.1:$http_port/city/")
check "plain HTTP redirects to HTTPS" "301 https://pilot.intranet.example/city/" "$code $(header Location)"

# The browser check must be able to fail: a copy of $d1's index page with its module script
# changed by one character (its hash no longer matches the page's CSP meta tag), served as d/999999.
mkdir -p "$work/tampered"
for d in "$sites/d/$d1"/_*; do ln -s "$d" "$work/tampered/"; done
sed 's|^import {define} from|import {define}  from|' "$sites/d/$d1/index.html" > "$work/tampered/index.html"
grep -q 'import {define}  from' "$work/tampered/index.html" || { echo "FAIL could not tamper with the module script of $d1's index.html"; failures=$((failures + 1)); }
mkdir -p "$work/sites"
ln -s "$sites/city" "$work/sites/city"
mkdir -p "$work/sites/d"
for d in "${districts[@]}"; do ln -s "$sites/d/$d" "$work/sites/d/$d"; done
ln -s "$work/tampered" "$work/sites/d/999999"
sed -i "s|^    root $sites;|    root $work/sites;|" "$work/audiences.conf"
nginx -s reload -c "$work/nginx.conf" -p "$work"
sleep 1
if node_modules/.bin/tsx scripts/check-csp-browser.ts "$base" city.user "$city_pw" "d/999999=$work/tampered" > "$work/tampered.log" 2>&1; then
  echo "FAIL a page whose inline script does not match its hash loaded with no CSP violation reported"
  failures=$((failures + 1))
else
  check "a page whose inline script does not match its hash is reported" "CSP violation: script-src-elem blocked inline" "$(grep -o 'CSP violation: script-src-elem blocked inline' "$work/tampered.log" | sed -n 1p)"
fi

# Every page of the city site and of $d1's site in Chromium, signed in as the city user.
if node_modules/.bin/tsx scripts/check-csp-browser.ts "$base" city.user "$city_pw" "city=$sites/city" "d/$d1=$sites/d/$d1"; then
  echo "ok   every page loads under the CSP with no violation"
else
  echo "FAIL a page broke or reported a CSP violation (above)"
  failures=$((failures + 1))
fi

stop_nginx
if [ "$failures" -ne 0 ]; then
  echo "check-access: $failures check(s) failed; nginx error log:" >&2
  cat "$work/error.log" >&2 || true
  exit 1
fi
echo "check-access: all checks passed ($(nginx -v 2>&1))"
