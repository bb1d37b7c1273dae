#!/bin/sh
# Runs once, when the database container initialises an empty data directory (docker-entrypoint-initdb.d).
# The app connects as campaigns_app: no superuser, no CREATEDB/CREATEROLE; it owns only the schema it stores in.
set -eu
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" -v dbname="$POSTGRES_DB" -v schema="${CAMPAIGNS_SCHEMA:-campaigns}" <<'SQL'
create role campaigns_app login nosuperuser nocreatedb nocreaterole noinherit password :'app_password';
revoke all on database :"dbname" from public;
grant connect on database :"dbname" to campaigns_app;
revoke create on schema public from public;
create schema if not exists :"schema" authorization campaigns_app;
SQL
