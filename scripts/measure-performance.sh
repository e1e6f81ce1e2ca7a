#!/usr/bin/env bash
# Every row of docs/benchmarks.md "Performance goals" measured in one run, one after another on the same machine, so
# the figures share one load: (a)/(b) the planning benchmark (BenchmarkDotNet, both categories), (c) the planning
# memory harness (peak working set of one process that parses the register, builds the index and plans the court
# list), the storage rows (register import and ingest → route → outbox through the main job on Azurite), and the
# deadline computations per second. Writes every tool's full output and a summary to OUT (default a new temporary
# folder) and prints the summary. Takes about 20 minutes on two quiet cores (more under load); needs `npm ci`
# (Azurite, maildev).
# Usage: bash scripts/measure-performance.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
summary="$out/summary.txt"
bench=(dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks --)

# BenchmarkDotNet's summary table (one row per benchmark: mean, ratio, allocations), printed after "// * Summary *".
summary_table() {
  awk '/^\/\/ \* Summary \*/ {found = 1} found && /^\|/' "$1" | tee -a "$summary"
}

step() {
  echo "== $1 (started $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$summary"
}

: > "$summary"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(dotnet --version)" | tee -a "$summary"

step "(a) and (b): planning benchmark"
"${bench[@]}" --filter '*PlanningBenchmarks*' > "$out/planning.log" 2>&1
summary_table "$out/planning.log"
grep -h "PeakWorkingSet" "$out/planning.log" | tee -a "$summary"

step "(c): planning memory"
"${bench[@]}" plan-memory > "$out/plan-memory.log" 2>&1
grep -v "warning NU1603" "$out/plan-memory.log" | tail -n 20 | tee -a "$summary"

step "register import and ingest → route → outbox: the main job on Azurite"
bash scripts/measure-storage-throughput.sh > "$out/storage.log" 2>&1
grep -E "register imported|ingest → route → outbox|did not finish|load average" "$out/storage.log" | tee -a "$summary"

step "deadline computations per second"
"${bench[@]}" --filter '*DeadlineBenchmarks*' --inProcess > "$out/deadlines.log" 2>&1
summary_table "$out/deadlines.log"

step "done"
echo "full output: $out"
