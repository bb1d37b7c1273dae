# Shared by ops/bench and ops/drill (sourced, not run): build, databases, app processes, memory.
# Everything here uses its own databases (campaigns_bench_*) on the cluster and ports 5090+; nothing else is touched.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST_="${BENCH_PGHOST:-127.0.0.1}"
PGPORT_="${BENCH_PGPORT:-${CAMPAIGNS_DB_PORT:-55432}}"
PGUSER_="${BENCH_PGUSER:-postgres}"
PGBIN="${BENCH_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
APP_DLL="$root/src/Campaigns/bin/Release/net10.0/Campaigns.dll"
TOOL_DLL="$root/tests/Campaigns.Bench/bin/Release/net10.0/Campaigns.Bench.dll"
T0=$(date +%s)

say() { printf '[%4ds] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

conn() { echo "Host=$PGHOST_;Port=$PGPORT_;Database=$1;Username=$PGUSER_;Pooling=true;Maximum Pool Size=100"; }
psql_() { local db="$1"; shift; psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

# Databases made by this run, dropped on exit unless BENCH_KEEP=1.
CREATED_DBS=()
new_db() {
  local name="campaigns_bench_${1}_$(date +%H%M%S)_$RANDOM"
  psql_ postgres -c "create database $name" >/dev/null
  CREATED_DBS+=("$name")
  echo "$name"
}
drop_dbs() {
  [ "${BENCH_KEEP:-0}" = 1 ] && { [ ${#CREATED_DBS[@]} -gt 0 ] && say "keeping databases: ${CREATED_DBS[*]}"; return; }
  local db
  for db in "${CREATED_DBS[@]}"; do psql_ postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true; done
}

# App processes started by this run (pids), stopped on exit.
APP_PIDS=()
cleanup() {
  local pid
  for pid in "${APP_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  drop_dbs
}

# Release build: Wolverine's pre-generated handlers first (TypeLoadMode.Static in Release), then the app and the tool.
build() {
  local db="$1"
  say "build: codegen write (Release)"
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
  APP_PIDS+=("$pid")
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health" && { echo "$pid"; return 0; }
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; die "the app exited during start-up (log $log)"; }
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  die "the app did not answer /health on port $port within 60 s (log $log)"
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
