#!/usr/bin/env bash
# The indexing benchmark of docs/benchmarks.md: makes a big dump once (PACKAGES packages of
# about 14 objects each, in a child JVM), then indexes it with -Xmx2g -XX:+UseParallelGC (as ./hpq does) and times the main steps.
# Usage: scripts/bench-index.sh [--fresh] [PACKAGES] [WORKDIR]   (defaults: 6400000, ./bench)
# --fresh (root only) also drops the page cache and reads the dump back before the idle wait, so
# that every page the build touches is fresh memory (the strictest state; see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=false
if [ "${1:-}" = "--fresh" ]; then fresh=true; shift; fi
packages="${1:-6400000}"
work="${2:-bench}"
mkdir -p "$work"
dump="$work/big-$packages.hprof"

mvn -q -B -DskipTests -pl benchmarks -am install
cp="$(mvn -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=/dev/stdout):benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"

if [ ! -f "$dump" ]; then
  fifo="$work/stdin.fifo"
  rm -f "$fifo"; mkfifo "$fifo"
  java -Xmx10g -Xms10g -XX:+UseParallelGC -cp "$cp" org.hpq.benchmarks.BigHeapWorkload "$packages" < "$fifo" > "$work/workload.out" &
  child=$!
  exec 3>"$fifo"
  until grep -q READY "$work/workload.out" 2>/dev/null; do sleep 2; kill -0 "$child"; done
  start=$(date +%s)
  jcmd "$child" GC.heap_dump "$(realpath "$work")/big-$packages.hprof" > "$work/jcmd.out"
  echo "dump written in $(( $(date +%s) - start )) s: $(du -h "$dump" | cut -f1)"
  echo >&3; exec 3>&-
  wait "$child" || true
  rm -f "$fifo"
fi
# Measured cold, as a user meets the machine: the old index is deleted and the machine left idle
# for 40 s, long enough for the memory freed to go back to the host (on the VMs hpq is measured on,
# memory touched for the first time in a while costs 3.5 to 4 s of kernel time a GB).
rm -rf "$work/index"
if $fresh; then
  sync
  echo 1 > /proc/sys/vm/drop_caches
  cat "$dump" > /dev/null
fi
sleep 40
java -Xmx2g -XX:+UseParallelGC -cp "$cp" org.hpq.benchmarks.IndexBenchmark "$dump" "$work/index"
