#!/usr/bin/env bash
# Measures the gateway against the running local stack (./citypulse up --detach first):
#  1. HTTP: wrk with CONNECTIONS connections for DURATION against the latest-value and the history
#     endpoint, once through the gateway (:8080) and once directly against sensor-ingest-service
#     (:8082), with tokens of mixed roles; prints average and p99 latency, errors, and the
#     gateway's overhead ratio (average through the gateway / average direct).
#  2. HTTP at a fixed rate: HttpLoad.java sends HTTP_RATE requests per second (1000) from
#     CONNECTIONS users, each on a connection of its own, to the same endpoints through the gateway
#     and directly. It measures each latency from the time the request was due.
#  3. WebSocket: LiveLoad.java connects CLIENTS sockets subscribed to every building, publishes
#     RATE readings per second for DURATION to citypulse.readings.validated (building "benchmark",
#     sensors bench-ws-*), and prints the p99 delay from publish to delivery.
# Start the gateway without rate limits, or the 429s count as errors:
#   CITYPULSE_GATEWAY_RATE_LIMITS_ENABLED=false ./citypulse up --detach
# Settings: DURATION (default 60s), CONNECTIONS (500), THREADS (2), HTTP_RATE (1000), CLIENTS (500),
# RATE (1000),
# WARMUP (10s per endpoint before the measured runs, and 10 s of readings before the WebSocket
# delays are counted), PARTS (http,rate,ws: the parts to run);
# --smoke runs each part for 10 seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
HERE="$ROOT/benchmarks/gateway"
DURATION="${DURATION:-60s}"
CONNECTIONS="${CONNECTIONS:-500}"
THREADS="${THREADS:-2}"
CLIENTS="${CLIENTS:-500}"
RATE="${RATE:-1000}"
HTTP_RATE="${HTTP_RATE:-1000}"
PARTS="${PARTS:-http,rate,ws}"
WARMUP="${WARMUP:-10s}"
if [[ "${1:-}" == "--smoke" ]]; then
  DURATION=10s
fi
GATEWAY=http://127.0.0.1:8080
INGEST=http://127.0.0.1:8082
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

for url in "$GATEWAY" "$INGEST"; do
  if ! curl -fsS -o /dev/null "$url/q/health/ready"; then
    echo "run.sh: $url is not ready; start the stack with ./citypulse up --detach" >&2
    exit 1
  fi
done
if ! command -v wrk >/dev/null; then
  echo "==> installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

password="$(<"$ROOT/.citypulse/secrets/identity-demo.password")"
# Writes one access token per demo account to tokens.txt. Access tokens live 5 minutes, so each
# part that runs longer logs in again. Bürger may not read sensors, so their requests would only
# measure 403s: left out.
login_all() {
  : >"$WORK/tokens.txt"
  for account in admin technik energie verwaltung.rathaus analyse; do
    curl -fsS "$GATEWAY/oauth2/token" \
      --data-urlencode grant_type=password --data-urlencode client_id=citypulse-dashboard \
      --data-urlencode "username=$account@hechingen.de" --data-urlencode "password=$password" \
      | sed -E 's/.*"access_token":"([^"]+)".*/\1/' >>"$WORK/tokens.txt"
    # The token response has no trailing newline, and sed keeps it that way.
    echo >>"$WORK/tokens.txt"
  done
}
login_all
admin_token="$(head -n 1 "$WORK/tokens.txt")"
# A sensor of the Rathaus, which the demo Gebäudeverwalter is assigned to.
sensor="$(curl -fsS -H "Authorization: Bearer $admin_token" "$GATEWAY/api/sensors?buildingId=rathaus" \
  | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)"
from="$(date -u -d '-24 hours' +%Y-%m-%dT%H:%M:%SZ)"

run_wrk() { # name base path
  TOKENS_FILE="$WORK/tokens.txt" REQUEST_PATH="$3" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$HERE/mixed-tokens.lua" "$2" \
    >"$WORK/$1.out" 2>&1
  grep '^RESULT' "$WORK/$1.out" | sed "s/^RESULT/$1/"
}

latest=/api/readings/latest
history="/api/sensors/$sensor/readings?from=$from&resolution=1h"

# The classpath of the Java load clients: Vert.x and the Kafka client, from the gateway's dependencies.
classpath() {
  if [[ ! -f "$WORK/cp.txt" ]]; then
    (cd "$ROOT" && ./mvnw -B -q -o dependency:build-classpath -pl gateway -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
  fi
  cat "$WORK/cp.txt"
}

# Runs the latest-value and history loads through the gateway and directly with RUNNER (run_wrk or
# run_rate), prints one line each, and the gateway's overhead: average through it / average direct.
measure_endpoints() { # runner results-file
  {
    "$1" gateway-latest "$GATEWAY" "$latest"
    "$1" direct-latest "$INGEST" "$latest"
    "$1" gateway-history "$GATEWAY" "$history"
    "$1" direct-history "$INGEST" "$history"
  } | tee "$WORK/$2"
  awk '{avg[$1]=$2} END {
    printf "overhead ratio latest:  %.2f\n", avg["gateway-latest"] / avg["direct-latest"];
    printf "overhead ratio history: %.2f\n", avg["gateway-history"] / avg["direct-history"] }' "$WORK/$2"
}

if [[ "$PARTS" == *http* ]]; then
# A JVM that has just started runs its code interpreted; the first run would pay for that.
echo "==> warming up, ${WARMUP} per endpoint (not measured)"
for base in "$GATEWAY" "$INGEST"; do
  for path in "$latest" "$history"; do
    TOKENS_FILE="$WORK/tokens.txt" REQUEST_PATH="$path" \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$HERE/mixed-tokens.lua" "$base" \
      >/dev/null 2>&1
  done
done
echo "==> HTTP, $CONNECTIONS connections, $DURATION each (name avg_ms p99_ms requests errors)"
measure_endpoints run_wrk results.txt

fi

if [[ "$PARTS" == *rate* ]]; then
run_rate() { # name base path
  login_all
  java -Xmx1g -cp "$(classpath)" "$HERE/HttpLoad.java" --url "$2" --path "$3" --users "$CONNECTIONS" \
    --rate "$HTTP_RATE" --seconds "${DURATION%s}" --warmup "${WARMUP%s}" --tokens "$WORK/tokens.txt" \
    >"$WORK/rate-$1.out" 2>&1
  grep '^RESULT' "$WORK/rate-$1.out" | sed "s/^RESULT/$1/"
}
echo "==> HTTP, $HTTP_RATE requests per second from $CONNECTIONS connections, $DURATION each after ${WARMUP} (name avg_ms p99_ms requests errors)"
measure_endpoints run_rate rate-results.txt
fi

if [[ "$PARTS" == *ws* ]]; then
# Access tokens live 5 minutes, which the HTTP part uses up: log in again.
admin_token="$(curl -fsS "$GATEWAY/oauth2/token" \
  --data-urlencode grant_type=password --data-urlencode client_id=citypulse-dashboard \
  --data-urlencode "username=admin@hechingen.de" --data-urlencode "password=$password" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
echo "==> WebSocket, $CLIENTS clients, $RATE readings per second for $DURATION"
java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(classpath)" "$HERE/LiveLoad.java" \
  --clients "$CLIENTS" --rate "$RATE" --seconds "${DURATION%s}" --warmup "${WARMUP%s}" --token "$admin_token"
fi
