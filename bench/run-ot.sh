#!/usr/bin/env bash
# Benchmark (not a test): Exp's linear assignment and log-domain Sinkhorn against SciPy / NumPy on the
# same machine in the same run: optim.linear_sum_assignment vs scipy.optimize.linear_sum_assignment on
# 1000 × 1000 uniform random costs, and ot.sinkhorn (20 log-domain iterations, ε = 0.01) vs a NumPy loop
# with scipy.special.logsumexp. Medians and minima of repeated in-process runs (JVM start-up excluded)
# with the speed ratios (peer time / exp time; > 1 means Exp is faster).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Warm steady state: the vector loops from the start (a session switches to them after ~0.1-0.5 s of
# element-wise work anyway; see kernel.WarmSwitch). Timings after warm-up are then those of a long session.
export EXP_JAVA_OPTS="-Dexp.vector.warmup=0 ${EXP_JAVA_OPTS:-}"
"$root/exp" --version >/dev/null
ex=$("$root/exp" "$root/bench/ot.exp" 2>&1) || { echo "exp: benchmark failed"; echo "$ex"; exit 1; }
ex=$(echo "$ex" | grep -v '^check_')
if ! command -v python3 >/dev/null || ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  echo "$ex"; echo "numpy/scipy: skipped (not installed)"; exit 0
fi
py=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/ot.py")
printf '%-18s %10s %10s %8s   %10s %10s %8s   (%s cores, load %s)\n' "case" "exp med" "peer med" "ratio" "exp min" \
  "peer min" "ratio" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
while read -r name med min; do
  pmed=$(echo "$py" | awk -v n="$name" '$1 == n {print $2}')
  pmin=$(echo "$py" | awk -v n="$name" '$1 == n {print $3}')
  printf '%-18s %10.2f %10.2f %7.2fx   %10.2f %10.2f %7.2fx\n' "$name" "$med" "$pmed" "$(echo "$pmed / $med" | bc -l)" \
    "$min" "$pmin" "$(echo "$pmin / $min" | bc -l)"
done <<< "$ex"
