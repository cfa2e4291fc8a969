# Sourced by scripts/check-nginx.sh and scripts/check-access.sh: a scratch folder ($work, readable by
# nginx's unprivileged workers when started as root) and stopping the nginx started there (its pid
# in $work/nginx.pid) on exit. Usage: . scripts/lib/nginx-work.sh NAME
work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
chmod 755 "$work"
stop_nginx() {
  [ -s "$work/nginx.pid" ] || return 0
  local pid
  pid=$(cat "$work/nginx.pid")
  kill -QUIT "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$work/nginx.pid"
}
cleanup() { stop_nginx; rm -rf "$work"; }
trap cleanup EXIT
