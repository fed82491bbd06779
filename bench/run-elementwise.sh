#!/usr/bin/env bash
# Benchmark (not a test): element-wise workloads, Exp against NumPy in the same run, both timed
# in-process after warm-up (Exp: timeit(f, n:, warmup: 20), so the JIT has compiled the fused loops;
# NumPy: timeit.repeat after 20 warm-ups).
# Prints medians (and minima) in ms and the speed ratio NumPy time / Exp time (> 1: Exp is faster).
# Set EXP_VECTOR=false to time Exp's scalar loops (-Dexp.vector=false).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Warm steady state: the vector loops from the start (a session switches to them after ~0.1-0.5 s of
# element-wise work anyway; see kernel.WarmSwitch). Timings after warm-up are then those of a long session.
export EXP_JAVA_OPTS="-Dexp.vector.warmup=0 ${EXP_JAVA_OPTS:-}"
"$root/exp" --version >/dev/null
if [ "${EXP_VECTOR:-true}" = false ]; then export JAVA_TOOL_OPTIONS="-Dexp.vector=false"; fi
out=$("$root/exp" "$root/bench/elementwise.exp" 2>/dev/null)
unset JAVA_TOOL_OPTIONS
if [ -z "$out" ]; then echo "exp: benchmark failed"; "$root/exp" "$root/bench/elementwise.exp"; exit 1; fi
have_numpy=0
if command -v python3 >/dev/null && python3 -c 'import numpy' 2>/dev/null; then
  have_numpy=1
  outp=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/elementwise.py")
fi
declare -A label=(
  [sum_exp]="sum(exp(x) * 2 + x), 1e6"
  [softmax]="row softmax 2048x2048"
  [rowmax]="max(x, axis: 1), 2048x2048"
  [diff]="x[:, 1:] - x[:, :-1], 2048x2048"
  [add]="x + x, 1e6"
  [select]="x[nonzero(x > 0)] (NumPy x[x > 0]), 1e6"
  [where]="where(x > 0, x, 0), 1e6"
)
printf '%-34s %12s %12s %8s\n' "workload ($(nproc) cores)" "exp ms" "numpy ms" "ratio"
for k in sum_exp softmax rowmax diff add select where; do
  read -r te tem <<<"$(echo "$out" | sed -n "s/^$k //p")"
  if [ "$have_numpy" = 1 ]; then
    read -r tp tpm <<<"$(echo "$outp" | sed -n "s/^$k //p")"
    printf '%-34s %12.3f %12.3f %7.2fx\n' "${label[$k]}" "$te" "$tp" "$(echo "$tp / $te" | bc -l)"
  else
    printf '%-34s %12.3f %12s\n' "${label[$k]}" "$te" "skipped"
  fi
done
