# Shared by ops/bench and ops/drill (sourced, not run): build, databases, app processes, memory.
# Everything here uses its own databases (campaigns_bench_*) on the cluster and ports 5090+; nothing else is touched.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST_="${BENCH_PGHOST:-127.0.0.1}"
PGPORT_="${BENCH_PGPORT:-${CAMPAIGNS_DB_PORT:-55432}}"
PGUSER_="${BENCH_PGUSER:-postgres}"
PGBIN="${BENCH_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
# The project's own cluster is started when it is not running (ops/db is idempotent); one named by BENCH_PGHOST or
# BENCH_PGPORT is left alone.
if [ -z "${BENCH_PGHOST:-}${BENCH_PGPORT:-}" ]; then "$root/ops/db" start >&2 || { echo "ops/db start failed" >&2; exit 1; }; fi
APP_DLL="$root/src/Campaigns/bin/Release/net10.0/Campaigns.dll"
TOOL_DLL="$root/tests/Campaigns.Bench/bin/Release/net10.0/Campaigns.Bench.dll"
T0=$(date +%s)

say() { printf '[%4ds] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

conn() { echo "Host=$PGHOST_;Port=$PGPORT_;Database=$1;Username=$PGUSER_;Pooling=true;Maximum Pool Size=100${BENCH_CONN_EXTRA:+;$BENCH_CONN_EXTRA}"; }
psql_() { local db="$1"; shift; psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

# Databases and app processes made by this run are listed in files (the helpers run inside $(...), whose variables
# would not reach this shell); cleanup drops the databases (unless BENCH_KEEP=1) and kills the processes on exit.
new_db() {
  local name="campaigns_bench_${1}_$(date +%H%M%S)_$RANDOM"
  psql_ postgres -c "create database $name" >/dev/null
  echo "$name" >>"$WORK/databases"
  echo "$name"
}
drop_dbs() {
  [ -f "$WORK/databases" ] || return 0
  if [ "${BENCH_KEEP:-0}" = 1 ]; then say "keeping databases: $(tr '\n' ' ' <"$WORK/databases")"; return 0; fi
  local db
  while read -r db; do psql_ postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true; done <"$WORK/databases"
}
cleanup() {
  local pid
  if [ -f "$WORK/pids" ]; then
    # Only if the pid still is one of our app processes (a pid can be reused once the process is gone).
    while read -r pid; do
      [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$APP_DLL" && kill -9 "$pid" 2>/dev/null || true
    done <"$WORK/pids"
  fi
  drop_dbs
}

# Release build: Wolverine's pre-generated handlers first (TypeLoadMode.Static in Release), then the app and the tool.
build() {
  local db="$1"
  say "build: codegen write (Release)"
  # Generated code from an earlier run may no longer compile against changed handlers: write it afresh.
  rm -rf "$root/src/Campaigns/Internal/Generated"
  ConnectionStrings__Campaigns="$(conn "$db")" dotnet run --project "$root/src/Campaigns" -c Release -- codegen write >"$WORK/codegen.log" 2>&1 \
    || { tail -n 30 "$WORK/codegen.log" >&2; die "codegen write failed (log $WORK/codegen.log)"; }
  say "build: app and tests/Campaigns.Bench (Release)"
  dotnet build "$root/tests/Campaigns.Bench" -c Release >"$WORK/build.log" 2>&1 \
    || { grep -E "error" "$WORK/build.log" | head -n 20 >&2; die "build failed (log $WORK/build.log)"; }
}

tool() { dotnet "$TOOL_DLL" "$@"; }

# start_app DB PORT LOGFILE: starts the Release app, waits for /health, echoes its pid.
start_app() {
  local db="$1" port="$2" log="$3" pid
  (
    cd "$(dirname "$APP_DLL")"
    ConnectionStrings__Campaigns="$(conn "$db")" Campaigns__SeedDemoDataWhenEmpty=false ASPNETCORE_ENVIRONMENT=Production \
      exec dotnet "$APP_DLL" --urls "http://127.0.0.1:$port" >>"$log" 2>&1
  ) &
  pid=$!
  echo "$pid" >>"$WORK/pids"
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health" && { echo "$pid"; return 0; }
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; die "the app exited during start-up (log $log)"; }
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  die "the app did not answer /health on port $port within 60 s (log $log)"
}

# use_token_for DB: a fresh admin account on that database; the load generator sends its API token as a bearer token.
use_token_for() {
  local db="$1" out
  out="$(cd "$(dirname "$APP_DLL")" && ConnectionStrings__Campaigns="$(conn "$db")" dotnet "$APP_DLL" users add --name "bench-$RANDOM$RANDOM" --role admin 2>&1)" \
    || die "could not create a bench account: $out"
  BENCH_AUTH_TOKEN="$(printf '%s\n' "$out" | sed -n 's/.*API token *\([^ ]*\).*/\1/p' | head -n 1)"
  [ -n "$BENCH_AUTH_TOKEN" ] || die "no API token in: $out"
  export BENCH_AUTH_TOKEN
}

stop_app() { kill "$1" 2>/dev/null || true; for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done; kill -9 "$1" 2>/dev/null || true; }

# Peak resident set size of a live process, in MB (the kernel's high-water mark).
vmhwm_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }

machine_info() {
  echo "cores (nproc): $(nproc)"
  echo "memory (free -m):"
  free -m
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: other builds and tests run alongside)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "postgresql: $(psql_ postgres -c 'show server_version') (shared_buffers $(psql_ postgres -c 'show shared_buffers'), fsync $(psql_ postgres -c 'show fsync'), synchronous_commit $(psql_ postgres -c 'show synchronous_commit'))"
  echo "dotnet: $(dotnet --version)"
}
