#!/usr/bin/env bash
# Run a command with no network at all: a new network namespace whose only interface is
# loopback (brought up, so the tests' local servers work). Anything that tries to reach a
# registry or CDN then fails at once, instead of passing unnoticed on a connected machine.
# Needs root (as CI and this project's machines run) or unprivileged user namespaces.
# Usage: scripts/offline.sh COMMAND [ARG…]
set -euo pipefail
if ! unshare -n true 2>/dev/null; then
  echo "==================================================================" >&2
  echo "OFFLINE CHECK NOT RUN: cannot create a network namespace (unshare -n)." >&2
  echo "Run as root, or enable unprivileged user namespaces." >&2
  if [ "${PILOT_ALLOW_NETWORK:-}" = 1 ]; then
    echo "PILOT_ALLOW_NETWORK=1: running WITH the network; nothing here proves offline." >&2
    echo "==================================================================" >&2
    exec "$@"
  fi
  echo "==================================================================" >&2
  exit 1
fi
exec unshare -n -- bash -c '
  set -euo pipefail
  ip link set lo up
  # Ask the namespace itself (netlink), not /sys, which still shows the host'"'"'s interfaces.
  others=$(ip -o link show | awk -F": " "{print \$2}" | grep -vx lo || true)
  if [ -n "$others" ]; then echo "offline.sh: the namespace has interfaces besides lo: $others" >&2; exit 1; fi
  exec "$@"' offline "$@"
