#!/usr/bin/env bash
# One command per benchmark; each prints a Markdown table. Add --smoke for a few-second run of the same code.
#   ./run.sh client       sendToGroup throughput/latency/CPU/alloc: ours vs the official SDK vs bare HttpClient
#   ./run.sh coldstart    fresh JVM to the first 202: ours (CDI and builder) vs the official SDK
#   ./run.sh weight       runtime dependency weight beyond the MicroProfile runtime: ours vs the official SDK
#   ./run.sh tokens       JMH: token minting with and without the cache (-prof gc)
#   ./run.sh connections  emulator: heap and RSS per WebSocket connection at 1,000 / 5,000 / 10,000
#   ./run.sh fanout       emulator vs bare Jetty 12: broadcast and group fan-out to 1,000 connections
#   ./run.sh rest         emulator REST latency p50/p99 at a fixed 1,000 ops/s
#   ./run.sh soak         emulator: 1,000 clients with churn and REST traffic for 10 minutes (heap, threads, leaks)
#   ./run.sh quarkus      the client benchmark inside a Quarkus app (ours injected vs the SDK), 1, 8 and 64 in flight
#   ./run.sh quarkus-coldstart  three builds of one Quarkus app (no client, ours, SDK): launch to the first 202
#   ./run.sh quarkus-profile    JFR of the Quarkus client load at 64 in flight: where CPU and allocation go, per client
#   ./run.sh liberty-coldstart  three builds of one Open Liberty app (no client, ours, SDK): server start to first 202
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
# Measure the library and emulator built in THIS checkout, not whatever snapshot another build last put in ~/.m2:
# build them first (README: mvn -B -q package -DskipTests -Dinvoker.skip at the root, the same in emulator/).
LIB_JAR="$(ls ../target/webpubsub-mp-*-SNAPSHOT.jar 2>/dev/null | head -1 || true)"
EMU_JAR="$(ls ../emulator/target/webpubsub-emulator-*-SNAPSHOT.jar 2>/dev/null | head -1 || true)"
# copies: the emulator jar's manifest Class-Path points at lib/ beside it, which would add a second Jetty and slf4j-simple
mkdir -p target/measured
[[ -n "$LIB_JAR" ]] && cp "$LIB_JAR" target/measured/ && LIB_JAR="target/measured/$(basename "$LIB_JAR")"
[[ -n "$EMU_JAR" ]] && cp "$EMU_JAR" target/measured/ && EMU_JAR="target/measured/$(basename "$EMU_JAR")"
[[ -n "$LIB_JAR" ]] && CP="$(sed "s#[^:]*/webpubsub-mp-[^:/]*-SNAPSHOT.jar#$(realpath "$LIB_JAR")#" <<<"$CP")"
[[ -n "$EMU_JAR" ]] && CP="$(sed "s#[^:]*/webpubsub-emulator-[^:/]*-SNAPSHOT.jar#$(realpath "$EMU_JAR")#" <<<"$CP")"
echo "# library jar: ${LIB_JAR:-~/.m2 snapshot}, emulator jar: ${EMU_JAR:-~/.m2 snapshot}"
export BENCH_CP="$CP"

run() {
  java -Xmx512m -Dbench.libJar="$(realpath "${LIB_JAR:-/nonexistent}" 2>/dev/null || true)" \
    -Dbench.emuJar="$(realpath "${EMU_JAR:-/nonexistent}" 2>/dev/null || true)" -cp "$CP" "$@"
}

# The isolated runtime classpaths of each client and of the reference MP runtime (weight, cold start)
deps() {
  [[ "${BENCH_SKIP_DEPS:-}" == 1 ]] && return
  for d in ours sdk stack emulator; do
    (cd "deps/$d" && { mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null 2>&1 \
      || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime; })
  done
}

# ../quarkus: the app with both clients (target/quarkus-app) and, for the cold start, one build per profile
quarkus_app() {
  (cd quarkus && mvn -B -q install -DskipTests -f ../pom.xml >/dev/null && if [[ "${1:-}" == cold ]]; then
    for p in none ours sdk; do mvn -B -q package -P"$p" && rm -rf "target/app-$p" && mv target/quarkus-app "target/app-$p"; done
  else mvn -B -q package; fi)
}

# ../liberty: one WAR per build (target/bench-none|ours|sdk.war) and the Liberty runtime in target/liberty/wlp
liberty_app() {
  (cd liberty && mvn -B -q install -DskipTests -f ../pom.xml >/dev/null \
    && for p in none ours sdk; do rm -rf target/classes "target/bench-$p"; mvn -B -q package -P"$p" || exit 1; done \
    && { [[ -x target/liberty/wlp/bin/server ]] || mvn -B -q liberty:create; })
}

cmd="${1:-}"; shift || true
case "$cmd" in
  client)      deps; run io.webpubsub.bench.client.ClientSuite "$@" ;;
  coldstart)   deps; run io.webpubsub.bench.coldstart.ColdStartSuite "$@" ;;
  weight)      deps; run io.webpubsub.bench.coldstart.WeightReport "$@" ;;
  tokens)      if [[ " $* " == *" --smoke "* ]]; then jmh=(-f 1 -wi 1 -w 1s -i 2 -r 1s); else jmh=(-f 2 -wi 3 -w 1s -i 5 -r 1s); fi
               java -cp "$CP" org.openjdk.jmh.Main 'io.webpubsub.bench.client.TokenBench' -prof gc -tu us "${jmh[@]}" \
                 -jvmArgs "-Xms512m -Xmx512m" -rf text -rff target/tokens-jmh.txt | tail -n 30 ;;
  connections) deps; run io.webpubsub.bench.emulator.ConnectionsSuite "$@" ;;
  fanout)      deps; run io.webpubsub.bench.emulator.FanoutSuite "$@" ;;
  rest)        deps; run io.webpubsub.bench.emulator.RestLatencySuite "$@" ;;
  soak)        deps; run io.webpubsub.bench.emulator.SoakSuite "$@" ;;
  quarkus)     deps; quarkus_app; run io.webpubsub.bench.client.ClientSuite --runtime quarkus --callers 1,8,64 "$@" ;;
  quarkus-profile) deps; quarkus_app; run io.webpubsub.bench.client.ProfileSuite "$@" ;;
  quarkus-coldstart) deps; quarkus_app cold; run io.webpubsub.bench.coldstart.QuarkusColdSuite "$@" ;;
  liberty-coldstart) deps; liberty_app; run io.webpubsub.bench.coldstart.LibertyColdSuite "$@" ;;
  all)         deps; for b in weight coldstart tokens client connections fanout rest; do BENCH_SKIP_BUILD=1 BENCH_SKIP_DEPS=1 "$0" "$b" "$@"; done ;;
  *)           sed -n '2,16p' "$0"; exit 2 ;;
esac
