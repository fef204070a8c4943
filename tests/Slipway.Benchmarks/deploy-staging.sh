#!/usr/bin/env bash
# Times the warm `./build.sh DeployStaging` of the repository this script is in, end to end (Validate, PlanInfra and
# ApplyInfra with real terraform, DeployPlatform, SyncApps, Verify on the local cluster, the release record): one warm-up
# run, then the median of N runs, against the 10 s goal. In the same run, interleaved so a shared machine's load weighs on
# both alike, the baseline: what a hand-run does of terraform alone on the same stack and workspace —
# `terraform plan -out` + `terraform apply` of that plan, with the variables Slipway wrote — so the ratio shows how much
# of a deploy is terraform itself. A warm re-run changes nothing (terraform plans no change, nothing is pushed); so a
# second series deploys a new web image tag each run (`--app web --tag …`, the image published first, untimed), which
# pushes a commit, rolls the pods, verifies and records a release. A last untimed run puts staging back as configured.
# Usage: tests/Slipway.Benchmarks/deploy-staging.sh [runs=5]   (SLIPWAY_BENCHMARK_RESULTS=FILE: also append 'key value' lines there)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-5}"
root="$(pwd)"
goal_ms=10000

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
log="$(mktemp)"
scratch="$(mktemp -d)"
trap 'rm -rf "$log" "$scratch"' EXIT

deploy() {
  if ! ./build.sh DeployStaging "$@" >"$log" 2>&1; then
    echo "./build.sh DeployStaging $* failed:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

# The stack and workspace of staging, as PlanInfra uses them: infra/platform (infrastructure.stack), workspace staging
# (the environment's name), the non-secret variables from the generated tfvars file (secret ones, if staging had any,
# would have to be exported as TF_VAR_name first), and the same plugin cache.
stack="$root/infra/platform"
varfile="$root/.nuke/temp/staging/infra.tfvars.json"
terraform_by_hand() {
  (
    cd "$stack"
    export TF_WORKSPACE=staging TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1 TF_PLUGIN_CACHE_DIR="$root/.nuke/temp/terraform-plugin-cache"
    terraform plan -out="$scratch/hand.tfplan" -input=false -var-file="$varfile" -no-color >"$log" 2>&1 \
      && terraform apply -input=false -no-color "$scratch/hand.tfplan" >>"$log" 2>&1
  ) || { echo "terraform plan/apply by hand failed:" >&2; tail -n 40 "$log" >&2; exit 1; }
}

deploy   # warm-up: the build compiled and current, terraform initialised, the local cluster state and GitOps clone there
[ -f "$varfile" ] || { echo "PlanInfra wrote no $varfile; cannot run the baseline." >&2; exit 1; }

fast=()
baseline=()
for _ in $(seq "$runs"); do
  start=$(now); deploy; end=$(now)
  fast+=($(( (end - start) / 1000000 )))
  start=$(now); terraform_by_hand; end=$(now)
  baseline+=($(( (end - start) / 1000000 )))
done

changed=()
stamp=$(date +%s)
for i in $(seq "$runs"); do
  tag="bench-$stamp-$i"
  ./build.sh PublishImage --image web --tag "$tag" >"$log" 2>&1 || { echo "PublishImage failed:" >&2; tail -n 20 "$log" >&2; exit 1; }
  start=$(now); deploy --app web --tag "$tag"; end=$(now)
  changed+=($(( (end - start) / 1000000 )))
done
deploy   # untimed: back to the configured tags

fast_median=$(printf '%s\n' "${fast[@]}" | median)
base_median=$(printf '%s\n' "${baseline[@]}" | median)
changed_median=$(printf '%s\n' "${changed[@]}" | median)
echo "warm ./build.sh DeployStaging (no change)         median of $runs: ${fast_median} ms   (runs: ${fast[*]})"
echo "terraform plan -out + apply (by hand)              median of $runs: ${base_median} ms   (runs: ${baseline[*]})"
echo "warm ./build.sh DeployStaging --app web --tag NEW  median of $runs: ${changed_median} ms   (runs: ${changed[*]})"
awk -v f="$fast_median" -v b="$base_median" -v c="$changed_median" -v g="$goal_ms" 'BEGIN {
  printf "terraform by hand is %.0f%% of the deploy (deploy / terraform: %.1fx); the rest is Slipway, git and the local cluster\n", 100 * b / f, f / b
  printf "goal: warm DeployStaging <= %d ms: %s (no change); %s (new tag)\n", g, (f <= g ? "met" : "NOT met"), (c <= g ? "met" : "NOT met")
}'
if [ -n "${SLIPWAY_BENCHMARK_RESULTS:-}" ]; then   # machine-readable, for ./build.sh Benchmark
  printf 'runs %s\nunchanged_ms %s\nbaseline_ms %s\nnew_tag_ms %s\n' "$runs" "$fast_median" "$base_median" "$changed_median" >>"$SLIPWAY_BENCHMARK_RESULTS"
fi
