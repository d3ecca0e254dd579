#!/usr/bin/env bash
# Makes sure /usr/bin/chromium exists for the browser test (tests/browser): when it is missing,
# installs Debian's chromium package with apt-get. Idempotent and quiet: prints nothing on success,
# and on failure one line on stderr and exit status 1.
set -uo pipefail

readonly CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

fail() {
  echo "ensure-chromium: $1" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "$CHROMIUM is missing and apt-get is not available to install it"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true >/dev/null 2>&1 || fail "$CHROMIUM is missing and installing it needs root (or passwordless sudo)"
  as_root=(sudo -n)
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Wait for the dpkg lock rather than fail when another installation is running.
apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300)

"${apt_get[@]}" update >"$log" 2>&1 || fail "apt-get update failed: $(tail -n 1 "$log")"
"${apt_get[@]}" install -y chromium >"$log" 2>&1 || fail "apt-get install chromium failed: $(tail -n 1 "$log")"
[ -x "$CHROMIUM" ] || fail "apt-get installed chromium but $CHROMIUM is still missing"
