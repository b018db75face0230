#!/usr/bin/env bash
# Installs Debian's pgbouncer when it is missing (the replica + PgBouncer system test needs it), the
# way the browser tests fetch their Chromium: through the project's own files. Only with apt-get,
# as root (or password-less sudo), non-interactive; the service the package ships is not started
# (the test runs its own PgBouncer on a free port). Exits 0 when pgbouncer is there afterwards.
set -euo pipefail
if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "pgbouncer is missing and apt-get is not available: install PgBouncer (1.18+) yourself" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then as_root=(sudo -n); else
    echo "pgbouncer is missing and installing it needs root: sudo apt-get install -y pgbouncer" >&2
    exit 1
  fi
fi
echo "installing pgbouncer (apt-get)"
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d 101: the package's service is not started while installing.
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null && "${as_root[@]}" chmod +x "$policy" && made_policy=1; fi
status=0
"${as_root[@]}" apt-get install -y -q --no-install-recommends pgbouncer >/dev/null 2>&1 || {
  "${as_root[@]}" apt-get update -q >/dev/null 2>&1 || true
  "${as_root[@]}" apt-get install -y -q --no-install-recommends pgbouncer >/dev/null || status=$?
}
if [ "$made_policy" = 1 ]; then "${as_root[@]}" rm -f "$policy"; fi
if [ "$status" != 0 ]; then echo "apt-get install pgbouncer failed ($status)" >&2; exit "$status"; fi
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]
