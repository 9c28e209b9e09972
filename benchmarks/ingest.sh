#!/usr/bin/env bash
# Runs the ingest benchmark against the running local stack (./citypulse up --detach first) and
# prints throughput, the COPY limit of this machine, their ratio and the publish-to-queryable delay.
# Options are passed on: --sensors N --readings N --per-record N --rate N --seconds N --report FILE
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
MODULE="$ROOT/benchmarks/ingest-benchmark"

if [[ ! -d "$MODULE/target/lib" || -z "$(ls "$MODULE"/target/ingest-benchmark-*.jar 2>/dev/null)" ]]; then
  echo "==> building the benchmark"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install -pl benchmarks/ingest-benchmark -am)
fi
if ! curl -fsS -o /dev/null "http://127.0.0.1:8082/q/health/ready"; then
  echo "ingest.sh: sensor-ingest-service is not ready on 127.0.0.1:8082; start the stack with ./citypulse up --detach" >&2
  exit 1
fi
cd "$ROOT"
exec java -Xmx2g -cp "$(ls "$MODULE"/target/ingest-benchmark-*.jar):$MODULE/target/lib/*" \
  io.citypulse.benchmark.IngestBenchmark "$@"
