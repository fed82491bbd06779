#!/usr/bin/env bash
# Benchmark (not a test): the same 40-trial experiment with --jobs 1 and --jobs 2; prints the speed-up.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/exp" --version >/dev/null   # build first if needed
# seconds spent in the experiment itself, as the runner reports it ("... done in X s")
run() {
  "$root/exp" --jobs "$1" "$root/bench/jobs.exp" 2>&1 >/dev/null | sed -n 's/.* done in \([0-9.]*\) s.*/\1/p'
}
best() { local b=""; for _ in 1 2 3; do t=$(run "$1"); if [ -z "$b" ] || (( $(echo "$t < $b" | bc -l) )); then b=$t; fi; done; echo "$b"; }
t1=$(best 1)
t2=$(best 2)
printf 'jobs=1: %.2f s   jobs=2: %.2f s   speed-up: %.2fx  (experiment time, best of 3, %s cores)\n' "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)" "$(nproc)"
