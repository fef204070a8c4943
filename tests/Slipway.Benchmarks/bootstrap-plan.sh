#!/usr/bin/env bash
# Times the warm `./build.sh --plan` (median of N) against the bootstrap Nuke uses — `dotnet build` of the build
# project followed by `dotnet run --no-build` — in the same run, and prints both and the ratio.
# Usage: tests/Slipway.Benchmarks/bootstrap-plan.sh [runs=10]   (SLIPWAY_BENCHMARK_RESULTS=FILE: also append 'key value' lines there)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-10}"

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

./build.sh --plan >/dev/null   # warm: compiled and current

fast=()
for _ in $(seq "$runs"); do
  start=$(now); ./build.sh --plan >/dev/null; end=$(now)
  fast+=($(( (end - start) / 1000000 )))
done

baseline=()
for _ in $(seq "$runs"); do
  start=$(now)
  dotnet build build/_build.csproj -nologo -v q -clp:NoSummary >/dev/null
  dotnet run --no-build --project build/_build.csproj -- --plan >/dev/null
  end=$(now)
  baseline+=($(( (end - start) / 1000000 )))
done

fast_median=$(printf '%s\n' "${fast[@]}" | median)
base_median=$(printf '%s\n' "${baseline[@]}" | median)
echo "warm ./build.sh --plan            median of $runs: ${fast_median} ms   (runs: ${fast[*]})"
echo "dotnet build + dotnet run --plan  median of $runs: ${base_median} ms   (runs: ${baseline[*]})"
awk -v f="$fast_median" -v b="$base_median" 'BEGIN { printf "ratio: %.1fx faster (goal: >= 5x, and <= 300 ms)\n", b / f }'
if [ -n "${SLIPWAY_BENCHMARK_RESULTS:-}" ]; then   # machine-readable, for ./build.sh Benchmark
  printf 'runs %s\nplan_ms %s\nbaseline_ms %s\n' "$runs" "$fast_median" "$base_median" >>"$SLIPWAY_BENCHMARK_RESULTS"
fi
