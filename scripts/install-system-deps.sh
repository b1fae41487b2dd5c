#!/usr/bin/env bash
# Install the Debian packages that `make test` needs, but only those that are missing:
#   postgresql     - initdb/pg_ctl for the throwaway cluster of scripts/test-postgres.sh
#   chromium       - /usr/bin/chromium, driven by Playwright in tests/browser/
#   fonts-noto-cjk - Chinese glyphs in Chromium's screenshots (no tofu boxes)
#   nginx          - /usr/sbin/nginx, started on a loopback port by tests/deploy/served_site.py
#   openssl        - /usr/bin/openssl, the throwaway certificate of that test's HTTPS port
#   redis-server   - /usr/bin/redis-server, for tests that start a private Redis
#   dovecot-imapd  - /usr/sbin/dovecot with IMAP, for tests that start a private mail server
#   nodejs, npm    - node and `npm ci`, which installs the page checkers of package-lock.json
#   default-jre-headless - java, which runs the Nu HTML checker (vnu.jar) on the portal pages
# Tests start private instances of these on loopback ports; the system services are not used.
# Runs `apt-get update` once, and only when something has to be installed.
set -euo pipefail

missing=()

have_postgresql() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
        && compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null \
        && getent passwd postgres >/dev/null
}

have_package() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

have_postgresql || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
have_package fonts-noto-cjk || missing+=(fonts-noto-cjk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/openssl ] || missing+=(openssl)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
have_package dovecot-imapd || missing+=(dovecot-imapd)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v java >/dev/null || missing+=(default-jre-headless)

if [ "${#missing[@]}" -eq 0 ]; then
    echo "system deps: postgresql, chromium, fonts-noto-cjk, nginx, openssl, redis-server," \
        "dovecot-imapd, nodejs, npm, java already installed"
    exit 0
fi

echo "system deps: installing ${missing[*]}"

if ! command -v apt-get >/dev/null; then
    echo "error: apt-get not found; install ${missing[*]} by hand (Debian package names)" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null; then
    # Without a terminal sudo cannot ask for a password: fail at once instead of hanging.
    if [ -t 0 ]; then as_root=(sudo); else as_root=(sudo -n); fi
else
    echo "error: need root to install ${missing[*]}; run as root, install sudo," \
        "or install them by hand: apt-get install ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" </dev/null

# Check again, so a package that installed but did not provide what we need fails here.
have_postgresql || { echo "error: PostgreSQL initdb/pg_ctl still missing" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "error: /usr/bin/chromium still missing" >&2; exit 1; }
have_package fonts-noto-cjk || { echo "error: fonts-noto-cjk still missing" >&2; exit 1; }
[ -x /usr/sbin/nginx ] || { echo "error: /usr/sbin/nginx still missing" >&2; exit 1; }
[ -x /usr/bin/openssl ] || { echo "error: /usr/bin/openssl still missing" >&2; exit 1; }
[ -x /usr/bin/redis-server ] || { echo "error: /usr/bin/redis-server still missing" >&2; exit 1; }
have_package dovecot-imapd || { echo "error: dovecot-imapd still missing" >&2; exit 1; }
command -v node >/dev/null || { echo "error: node still missing" >&2; exit 1; }
command -v npm >/dev/null || { echo "error: npm still missing" >&2; exit 1; }
command -v java >/dev/null || { echo "error: java still missing" >&2; exit 1; }
echo "system deps: done"
