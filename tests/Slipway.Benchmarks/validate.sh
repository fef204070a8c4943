#!/usr/bin/env bash
# Times the warm `./build.sh Validate` over the sample environments as a whole process (median of N; goal <= 500 ms).
# Usage: tests/Slipway.Benchmarks/validate.sh [runs=10]   (SLIPWAY_BENCHMARK_RESULTS=FILE: also append 'key value' lines there)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-10}"

./build.sh Validate >/dev/null   # warm: compiled and current
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N); ./build.sh Validate >/dev/null; end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}')
echo "warm ./build.sh Validate  median of $runs: ${median} ms   (runs: ${times[*]})   goal: <= 500 ms"
if [ -n "${SLIPWAY_BENCHMARK_RESULTS:-}" ]; then   # machine-readable, for ./build.sh Benchmark
  printf 'runs %s\nvalidate_ms %s\n' "$runs" "$median" >>"$SLIPWAY_BENCHMARK_RESULTS"
fi
