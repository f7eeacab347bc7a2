#!/usr/bin/env bash
# Backup and restore of Parley on a PostgreSQL server (pg_dump custom format).
#   tools/backup/server.sh backup  "$DATABASE_URL" parley.dump
#   tools/backup/server.sh restore parley.dump "postgres://user@host:5432/new_empty_db"
# Roles are cluster-wide and not in the dump: restore creates parley_app and parley_auditor first
# when they are missing (the connecting user needs CREATEROLE, or create them beforehand).
set -euo pipefail
command=${1:-}
case "$command" in
  backup)
    url=${2:?database URL}; file=${3:-parley.dump}
    pg_dump --format=custom --no-owner --file="$file" "$url"
    echo "Backed up to $file"
    ;;
  restore)
    file=${2:?dump file}; url=${3:?URL of a new, empty database}
    psql "$url" -v ON_ERROR_STOP=1 -q <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_app') THEN CREATE ROLE parley_app NOLOGIN NOBYPASSRLS; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_auditor') THEN CREATE ROLE parley_auditor NOLOGIN NOBYPASSRLS; END IF;
END $$;
SQL
    pg_restore --no-owner --exit-on-error --dbname="$url" "$file"
    echo "Restored $file into $url"
    ;;
  *)
    echo "usage: server.sh backup <url> [file] | restore <file> <url>" >&2
    exit 2
    ;;
esac
