#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries (initdb, pg_ctl, postgres) are on this machine.
# The archive starts its own private cluster from them; nothing else is configured here.
set -euo pipefail

have_server() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null 2>&1
}

# As root the archive runs its server as the unprivileged 'postgres' account (PostgreSQL refuses to run as root);
# Debian's package creates it, but binaries installed some other way may come without it.
ensure_account() {
  if [ "$(id -u)" -eq 0 ] && ! id -u postgres >/dev/null 2>&1; then
    echo "Creating the system account 'postgres' that the archive's embedded server runs as..."
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

if have_server; then
  ensure_account
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL server binaries were not found. Install them (Debian/Ubuntu: sudo apt-get install postgresql) and run again." >&2
  exit 1
fi

echo "Installing PostgreSQL server binaries (Debian package postgresql)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
# Debian's package starts a system cluster; the archive uses its own private one, so stop it.
if command -v service >/dev/null 2>&1; then service postgresql stop >/dev/null 2>&1 || true; fi
ensure_account
have_server
