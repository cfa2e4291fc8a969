#!/usr/bin/env bash
# Check the nginx configuration of docs/deploy.md (deploy/nginx/*.conf) against a published site,
# on 127.0.0.1 only: clean URLs, gzip, cache headers, the public server block, and that a publish
# and a rollback switch what nginx serves with no reload.
#
#   scripts/check-nginx.sh [BUILT_SITE]    BUILT_SITE: a built dist/ (default: a small stub site
#                                          named the way Framework names its files)
#
# Installs nothing: exits 2 when nginx is missing, 1 when a check fails, 0 when all pass.
set -euo pipefail
# "sed -n 1p", never "head -1", after a pipe: head exits after one line, the writer before it
# dies of SIGPIPE once the list outgrows one write, and pipefail turns that into exit 141 (the
# district site's 一企一档 shards made the _file list long enough to fail CI that way).
cd "$(dirname "$0")/.."

if ! command -v nginx >/dev/null 2>&1; then
  echo "check-nginx: FAIL: nginx is not installed (e.g. apt-get install -y nginx); nothing was checked" >&2
  exit 2
fi
mime=/etc/nginx/mime.types
[ -r "$mime" ] || { echo "check-nginx: FAIL: $mime not found (nginx install incomplete?)" >&2; exit 2; }

src=${1:-}
if [ -n "$src" ] && [ ! -f "$src/index.html" ]; then
  echo "check-nginx: FAIL: $src has no index.html; pass a built site folder" >&2
  exit 2
fi

. scripts/lib/nginx-work.sh check-nginx

# A stub site: two pages, a nested page, and hashed assets large enough to be compressed.
if [ -z "$src" ]; then
  src="$work/stub"
  mkdir -p "$src/districts" "$src/_observablehq" "$src/_import" "$src/_file/data"
  filler=$(printf '%02048d' 0)
  for page in index funds districts districts/tianhe; do
    printf '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>%s</title><p>%s</p>\n' "$page" "$filler" > "$src/$page.html"
  done
  printf 'export const filler = "%s";\n%.0s' "$filler" 1 2 3 > "$src/_observablehq/client.d10d8454.js"
  printf 'body { margin: 0; } /* %s */\n%.0s' "$filler" 1 2 3 > "$src/_import/style.42e43555.css"
  printf '{"rows":[%s]}\n' "$(printf '{"区":"天河区","项目":%d},' $(seq 100) | sed 's/,$//')" > "$src/_file/data/funds.392893aa.json"
fi

tsx=node_modules/.bin/tsx
# Publish the site with the real publish command; the "build" copies it (and can mark its pages).
publish_copy() { # publish_copy DIR MARK [args…]
  local to=$1 mark=$2
  shift 2
  PILOT_PUBLISH_BUILD_CMD="cp -R '$src'/. \"\$PILOT_OUT\"/ && printf '%s' '$mark' >> \"\$PILOT_OUT/index.html\"" \
    "$tsx" scripts/publish.ts --to "$to" "$@" >/dev/null
}
publish_copy "$work/site" "<!-- release-one -->"
publish_copy "$work/public-site" "<!-- public -->" --site internal

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
render() { # render CONF ROOT: the shipped server block on 127.0.0.1:$port, rooted at ROOT
  local out="$work/$(basename "$1")"
  sed -e "s|^    listen 80;|    listen 127.0.0.1:$port;|" \
      -e "s|^    root /srv/[a-z/-]*;|    root $2;|" \
      -e "s|/etc/nginx/snippets/pilot-static.conf|$work/pilot-static.conf|" "$1" > "$out"
  grep -q "listen 127.0.0.1:$port;" "$out" && grep -q "root $2;" "$out" && grep -q "include $work/pilot-static.conf;" "$out" ||
    { echo "check-nginx: FAIL: $1 no longer has the listen/root/include lines this check rewrites" >&2; exit 1; }
}
cp deploy/nginx/pilot-static.conf "$work/pilot-static.conf"
render deploy/nginx/pilot-internal.conf "$work/site"
render deploy/nginx/pilot-public.conf "$work/public-site"
mkdir -p "$work/temp"
cat > "$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 64; }
http {
    include $mime;
    default_type application/octet-stream;
    access_log $work/access.log;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/pilot-internal.conf;
    include $work/pilot-public.conf;
}
EOF
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -s --noproxy '*' --max-time 1 -o /dev/null "$base/" && break; sleep 0.1; done

failures=0
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi
}
# get PATH [curl args…]: body in $work/body, headers in $work/headers; prints the status code.
get() {
  local path=$1
  shift
  curl -sS --noproxy '*' --max-time 5 -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@" "$base$path"
}
header() { grep -i "^$1:" "$work/headers" | sed -n 1p | cut -d' ' -f2- | tr -d '\r'; }
internal=(-H "Host: pilot.intranet.example")

check "GET / is 200" 200 "$(get / "${internal[@]}")"
check "/ is HTML" "text/html; charset=utf-8" "$(header Content-Type)"
check "/ is revalidated every time" "no-cache" "$(header Cache-Control)"
check "/ serves the published index.html" "$(cat "$work/site/index.html")" "$(cat "$work/body")"
check "GET /funds is 200 (clean URL → funds.html)" 200 "$(get /funds "${internal[@]}")"
check "/funds is funds.html" "$(sha256sum < "$src/funds.html")" "$(sha256sum < "$work/body")"
check "/funds is HTML" "text/html; charset=utf-8" "$(header Content-Type)"
if [ -f "$src/districts/tianhe.html" ]; then
  check "GET /districts is districts.html, not the folder districts/" "200 $(sha256sum < "$src/districts.html")" "$(get /districts "${internal[@]}") $(sha256sum < "$work/body")"
  check "GET /districts/tianhe is 200 (nested clean URL)" 200 "$(get /districts/tianhe "${internal[@]}")"
fi
check "GET /no-such-page is 404" 404 "$(get /no-such-page "${internal[@]}")"

asset=$(cd "$src" && find _observablehq -name '*.js' | grep -E '\.[0-9a-f]{8}\.js$' | sort | sed -n 1p)
check "GET /$asset is 200" 200 "$(get "/$asset" "${internal[@]}")"
check "/$asset is cached immutably" "public, max-age=31536000, immutable" "$(header Cache-Control)"

json=$(cd "$src" && find _file -name '*.json' -size +1k | sort | sed -n 1p)
check "GET /$json with gzip is 200" 200 "$(get "/$json" "${internal[@]}" -H 'Accept-Encoding: gzip')"
check "/$json is gzipped" gzip "$(header Content-Encoding)"
check "/$json is application/json" application/json "$(header Content-Type)"
check "/$json unzips to the published bytes" "$(sha256sum < "$src/$json")" "$(gzip -dc < "$work/body" | sha256sum)"
check "/$json is cached immutably" "public, max-age=31536000, immutable" "$(header Cache-Control)"
check "GET /$asset with gzip is gzipped" "200 gzip" "$(get "/$asset" "${internal[@]}" -H 'Accept-Encoding: gzip') $(header Content-Encoding)"
css=$(cd "$src" && find _import -name '*.css' -size +1k | sort | sed -n 1p)
if [ -n "$css" ]; then
  check "GET /$css with gzip is gzipped" "200 gzip" "$(get "/$css" "${internal[@]}" -H 'Accept-Encoding: gzip') $(header Content-Encoding)"
fi
check "/$json without Accept-Encoding is not gzipped" "200 " "$(get "/$json" "${internal[@]}") $(header Content-Encoding)"

check "public host: GET / is 200" 200 "$(get / -H "Host: progress.example.gov.cn")"
check "public host serves its own folder" "$(cat "$work/public-site/index.html")" "$(cat "$work/body")"

# A publish, then a rollback, change what nginx serves at once (it follows the symlink per request).
before=$(sha256sum < "$work/site/index.html")
publish_copy "$work/site" "<!-- release-two -->"
get / "${internal[@]}" >/dev/null
check "after a publish, / serves the new release" "$(sha256sum < "$work/site/index.html")" "$(sha256sum < "$work/body")"
"$tsx" scripts/publish.ts --rollback --to "$work/site" >/dev/null
get / "${internal[@]}" >/dev/null
check "after a rollback, / serves the previous release byte-identical" "$before" "$(sha256sum < "$work/body")"

stop_nginx
if [ "$failures" -ne 0 ]; then
  echo "check-nginx: $failures check(s) failed; nginx error log:" >&2
  cat "$work/error.log" >&2 || true
  exit 1
fi
echo "check-nginx: all checks passed ($(nginx -v 2>&1))"
