#!/usr/bin/env bash
# The offline promise, checked with the network switched off (scripts/offline.sh): cold builds of
# the three sites (internal, public and the roll-up from 12 generated bundles) and 九江's internal
# site on the sample generated from its plan (Framework's cache removed first, so nothing fetched
# earlier can help), then the dev server bundling Framework's
# client on request. Any registry or CDN request fails the step.
set -euo pipefail
cd "$(dirname "$0")/.."
export OBSERVABLE_TELEMETRY_DISABLE=1
offline=scripts/offline.sh

rm -rf src/.observablehq/cache public/.observablehq/cache rollup/.observablehq/cache
"$offline" npm run build
"$offline" npm run build:public
# Another plan: its sample generated from the plan file, then its site, all with no network.
jj_out=$(mktemp -d)
rm -rf .cache/sample/jiujiang .cache/sample/jiujiang.fingerprint
PILOT_PLAN=plans/jiujiang.json "$offline" npm run build -- --out "$jj_out"
rm -rf "$jj_out"
bundles=$(mktemp -d)
"$offline" npm run generate:bundles -- --cities 12 --out "$bundles"
"$offline" npm run build:rollup -- --bundles "$bundles"
rm -rf "$bundles"

# npm run dev: Framework's preview server bundles its client when a browser first asks for it.
port=${PILOT_DEV_PORT:-3917}
"$offline" bash -c '
  set -euo pipefail
  port=$1
  log=$(mktemp)
  npm run dev -- --no-open --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  pid=$!
  trap "kill $pid 2>/dev/null || true; pkill -P $pid 2>/dev/null || true" EXIT
  for i in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/_observablehq/client.js" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || { cat "$log"; echo "check-offline: npm run dev exited" >&2; exit 1; }
    sleep 1
  done
  for path in /_observablehq/client.js /_observablehq/stdlib.js /; do
    code=$(curl -s -o /dev/null -w "%{http_code}" --max-time 120 "http://127.0.0.1:$port$path")
    echo "npm run dev (no network): GET $path → $code"
    [ "$code" = 200 ] || { cat "$log"; exit 1; }
  done
  if grep -E "fetch failed|registry.npmjs.org|cdn.jsdelivr" "$log"; then echo "check-offline: npm run dev tried the network" >&2; exit 1; fi
' dev "$port"
echo "check-offline: the four cold builds and npm run dev worked with no network"
