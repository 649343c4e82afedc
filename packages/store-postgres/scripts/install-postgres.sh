#!/bin/sh
# Installs the PostgreSQL server binaries that the @lvzhi/store-postgres tests start and stop themselves
# (initdb, pg_ctl), and the non-root `postgres` user they run as when the tests run as root.
# Idempotent and quiet; does nothing when both are already there.
set -eu

have_binaries() {
  [ -n "${LVZHI_PG_BINDIR:-}" ] && [ -x "$LVZHI_PG_BINDIR/initdb" ] && return 0
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && return 0
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

have_account() {
  [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1
}

if have_binaries && have_account; then exit 0; fi

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi

if ! have_binaries; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-postgres: no apt-get here; install the PostgreSQL server (initdb, pg_ctl) with your package" >&2
    echo "manager, or set LVZHI_PG_BINDIR to the directory holding them." >&2
    exit 1
  fi
  echo "install-postgres: installing the PostgreSQL server (apt-get install postgresql)…"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

if ! have_account; then
  $SUDO useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

have_binaries && have_account
