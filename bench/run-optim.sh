#!/usr/bin/env bash
# Benchmark (not a test): L-BFGS on the 1000-D Rosenbrock function, Exp (objective as a script
# function and as the built-in optim.rosenbrock) against scipy.optimize.minimize(method="L-BFGS-B")
# with the analytic gradient, in the same run. Each side: 3 warm-ups, median and min of 11 timed runs
# in-process (JVM start-up excluded). Prints medians, minima, the speed ratio (peer time / exp time) and
# both evaluation counts with their ratio (the target: within ±10% of SciPy's).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Warm steady state: the vector loops from the start (a session switches to them after ~0.1-0.5 s of
# element-wise work anyway; see kernel.WarmSwitch). Timings after warm-up are then those of a long session.
export EXP_JAVA_OPTS="-Dexp.vector.warmup=0 ${EXP_JAVA_OPTS:-}"
"$root/exp" --version >/dev/null
ex=$("$root/exp" "$root/bench/optim.exp" 2>&1) || { echo "exp: benchmark failed"; echo "$ex"; exit 1; }
if ! command -v python3 >/dev/null || ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  echo "$ex"; echo "scipy: skipped (not installed)"; exit 0
fi
py=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/optim.py")
printf '%-26s %9s %9s %7s   %9s %9s %7s   %6s %6s %6s   (%s cores)\n' "case" "exp med" "scipy med" "ratio" \
  "exp min" "scipy min" "ratio" "evals" "scipy" "ratio" "$(nproc)"
while read -r name med min ev it; do
  pmed=$(echo "$py" | awk -v n="$name" '$1 == n {print $2}')
  pmin=$(echo "$py" | awk -v n="$name" '$1 == n {print $3}')
  pev=$(echo "$py" | awk -v n="$name" '$1 == n {print $4}')
  printf '%-26s %9.2f %9.2f %6.2fx   %9.2f %9.2f %6.2fx   %6d %6d %6.2f\n' "$name" "$med" "$pmed" \
    "$(echo "$pmed / $med" | bc -l)" "$min" "$pmin" "$(echo "$pmin / $min" | bc -l)" "$ev" "$pev" \
    "$(echo "$ev / $pev" | bc -l)"
done <<< "$ex"
# SciPy's L-BFGS-B calls BLAS on tiny vectors; on a loaded machine OpenBLAS's thread pool can dominate
# its time, so the peer is also timed with one BLAS thread (the fairer figure when the machine is busy).
py1=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 python3 "$root/bench/optim.py")
while read -r name med min ev it; do
  pmed=$(echo "$py1" | awk -v n="$name" '$1 == n {print $2}')
  printf '%-26s %9.2f %9.2f %6.2fx   (scipy with OPENBLAS_NUM_THREADS=1)\n' "$name" "$med" "$pmed" \
    "$(echo "$pmed / $med" | bc -l)"
done <<< "$ex"
