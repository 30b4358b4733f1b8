#!/usr/bin/env bash
# One command per benchmark; each prints a Markdown table. Add --smoke for a few-second run of the same code.
#   ./run.sh client       sendToGroup throughput/latency/CPU/alloc: ours vs the official SDK vs bare HttpClient
#   ./run.sh coldstart    fresh JVM to the first 202: ours (CDI and builder) vs the official SDK
#   ./run.sh weight       runtime dependency weight beyond the MicroProfile runtime: ours vs the official SDK
#   ./run.sh tokens       JMH: token minting with and without the cache (-prof gc)
#   ./run.sh connections  emulator: heap and RSS per WebSocket connection at 1,000 / 5,000 / 10,000
#   ./run.sh fanout       emulator vs bare Jetty 12: broadcast and group fan-out to 1,000 connections
#   ./run.sh rest         emulator REST latency p50/p99 at a fixed 1,000 ops/s
#   ./run.sh all          all of the above in turn
# Needs the library and the emulator snapshots in ~/.m2 (see README.md); BENCH_SKIP_BUILD=1 skips the bench build.
set -euo pipefail
cd "$(dirname "$0")"
# 10,000 connections need 10,000+ descriptors in each of the server and the load-generator JVM
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests
fi
CP="target/classes:$(cat target/classpath.txt)"

run() { java -Xmx512m -cp "$CP" "$@"; }

cmd="${1:-}"; shift || true
case "$cmd" in
  client)      run io.webpubsub.bench.client.ClientSuite "$@" ;;
  coldstart)   run io.webpubsub.bench.client.ColdStartSuite "$@" ;;
  weight)      run io.webpubsub.bench.client.WeightReport "$@" ;;
  tokens)      if [[ " $* " == *" --smoke "* ]]; then jmh=(-f 1 -wi 1 -w 1s -i 2 -r 1s); else jmh=(-f 3 -wi 3 -w 2s -i 5 -r 2s); fi
               java -cp "$CP" org.openjdk.jmh.Main 'io.webpubsub.bench.client.TokenBench' -prof gc -tu us "${jmh[@]}" \
                 -jvmArgs "-Xms512m -Xmx512m" -rf text -rff target/tokens-jmh.txt | tail -n 30 ;;
  connections) run io.webpubsub.bench.emulator.ConnectionsSuite "$@" ;;
  fanout)      run io.webpubsub.bench.emulator.FanoutSuite "$@" ;;
  rest)        run io.webpubsub.bench.emulator.RestLatencySuite "$@" ;;
  all)         for b in weight coldstart tokens client connections fanout rest; do BENCH_SKIP_BUILD=1 "$0" "$b" "$@"; done ;;
  *)           sed -n '2,11p' "$0"; exit 2 ;;
esac
