#!/usr/bin/env bash
# Times warm `./build.sh Rollback --tag T --yes` end to end on the local cluster, Verify and the release record included,
# in a clone of this repository on a branch `main` (the environments' branch gate) with one environment of its own,
# `bench-rollback` (base's platform on the local cluster, web with one replica, no infrastructure, rollback.auto off), so
# neither the repository's state nor its environments are touched. Two series, each run interleaved with the baseline so
# a shared machine's load weighs on all alike:
#   - baseline: `./build.sh SyncApps Verify --app web --tag GOOD1` from GOOD2 (the same change as the rollback, as a deploy);
#   - rollback: from GOOD2 back to GOOD1 with `Rollback --tag GOOD1` (the environment found from the tag);
#   - after a failed deploy: `SyncApps Verify --tag MISSING` (never published: Verify fails, exit 1, untimed), then at once
#     `Rollback --tag GOOD1`, which must not wait for a helm timeout.
# Resume (untimed) lifts each rollback's hold before the next step. Goal: each rollback <= 5 s.
# Usage: tests/Slipway.Benchmarks/rollback.sh [runs=3]   (SLIPWAY_BENCHMARK_RESULTS=FILE: also append 'key value' lines there;
# SLIPWAY_ROLLBACK_BENCH_DIR: where the clone lives, default /tmp/slipway-rollback-bench)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-3}"
root="$(pwd)"
work="${SLIPWAY_ROLLBACK_BENCH_DIR:-/tmp/slipway-rollback-bench}"
clone="$work/repo"
env=bench-rollback
goal_ms=5000

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

mkdir -p "$work"
if [ -d "$clone/.git" ]; then
  git -C "$clone" fetch -q "$root" HEAD
  git -C "$clone" checkout -q -B main FETCH_HEAD
  git -C "$clone" reset -q --hard FETCH_HEAD
else
  git clone -q "$root" "$clone"
  git -C "$clone" checkout -q -B main
fi

stamp=$(date +%s)
good1="bench-rb-$stamp-1"
good2="bench-rb-$stamp-2"
mkdir -p "$clone/environments/$env"
cat >"$clone/environments/$env/env.yaml" <<YAML
# yaml-language-server: \$schema=../schema.json
# The rollback benchmark's own environment (tests/Slipway.Benchmarks/rollback.sh), in its clone only.
extends: [base]
description: Rollback benchmark on the local cluster
cluster:
  local: true
infrastructure: null
apps:
  web:
    tag: $good1
    replicas: 1
    namespace: $env-web
verify:
  timeout: 60s
  interval: 1s
rollback:
  auto: false
YAML
git -C "$clone" add -A
git -C "$clone" -c user.name=bench -c user.email=bench@localhost commit -qm "rollback benchmark environment"
cd "$clone"

build() {
  if ! ./build.sh "$@" >"$log" 2>&1; then
    echo "./build.sh $* failed:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}
resume() { build Resume --env "$env" --reason "rollback benchmark"; }

build PublishImage --image web --tag "$good1"
build PublishImage --image web --tag "$good2"
build DeployPlatform SyncApps Verify --env "$env"   # warm-up: the build compiled, the local cluster, platform and GitOps clone there
resume
build SyncApps Verify --env "$env" --app web --tag "$good2"
build Rollback --tag "$good1" --yes --reason "rollback benchmark warm-up"   # warm-up: the history caches of every environment
resume

baseline=()
rollback=()
after_failed=()
for i in $(seq "$runs"); do
  build SyncApps Verify --env "$env" --app web --tag "$good2"
  start=$(now); build SyncApps Verify --env "$env" --app web --tag "$good1"; end=$(now)
  baseline+=($(( (end - start) / 1000000 )))

  build SyncApps Verify --env "$env" --app web --tag "$good2"
  start=$(now); build Rollback --tag "$good1" --yes --reason "rollback benchmark $i"; end=$(now)
  rollback+=($(( (end - start) / 1000000 )))
  resume

  build SyncApps Verify --env "$env" --app web --tag "$good2"
  if SLIPWAY_VERIFY_FAIL_FAST_AFTER=5s ./build.sh SyncApps Verify --env "$env" --app web --tag "bench-rb-missing-$stamp-$i" >"$log" 2>&1; then
    echo "the deploy of a tag never published passed Verify:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  start=$(now); build Rollback --tag "$good1" --yes --reason "rollback benchmark after a failed deploy $i"; end=$(now)
  after_failed+=($(( (end - start) / 1000000 )))
  resume
done

base_median=$(printf '%s\n' "${baseline[@]}" | median)
rollback_median=$(printf '%s\n' "${rollback[@]}" | median)
failed_median=$(printf '%s\n' "${after_failed[@]}" | median)
echo "baseline ./build.sh SyncApps Verify --tag GOOD1 (from GOOD2)  median of $runs: ${base_median} ms   (runs: ${baseline[*]})"
echo "./build.sh Rollback --tag GOOD1 --yes (from GOOD2)            median of $runs: ${rollback_median} ms   (runs: ${rollback[*]})"
echo "./build.sh Rollback --tag GOOD1 --yes after a failed deploy   median of $runs: ${failed_median} ms   (runs: ${after_failed[*]})"
awk -v r="$rollback_median" -v f="$failed_median" -v g="$goal_ms" 'BEGIN {
  printf "goal: Rollback <= %d ms: %s; after a failed deploy: %s\n", g, (r <= g ? "met" : "NOT met"), (f <= g ? "met" : "NOT met")
}'
if [ -n "${SLIPWAY_BENCHMARK_RESULTS:-}" ]; then   # machine-readable, for ./build.sh Benchmark
  printf 'runs %s\nbaseline_ms %s\nrollback_ms %s\nafter_failed_ms %s\n' "$runs" "$base_median" "$rollback_median" "$failed_median" >>"$SLIPWAY_BENCHMARK_RESULTS"
fi
