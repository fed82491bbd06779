#!/usr/bin/env bash
# Benchmark (not a test): Exp's supervised learners against scikit-learn on the same machine in the same
# run: lasso 10k×500 (alpha 0.01), L2 logistic regression 100k×50, k-NN search of 10k queries over
# 100k×16 (k 5). Each side: 1 warm-up, median and min of 5 timed runs in-process (JVM / interpreter
# start-up excluded). Prints medians and minima with the speed ratios (peer time / exp time).
# scikit-learn: the first of python3, /usr/bin/python3 that imports it; skipped with a line if none does.
set -uo pipefail
# EXP_VECTOR=false times Exp's scalar loops and distance kernels (-Dexp.vector=false).
if [ "${EXP_VECTOR:-true}" = false ]; then export JAVA_TOOL_OPTIONS="-Dexp.vector=false"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Warm steady state: the vector loops from the start (a session switches to them after ~0.1-0.5 s of
# element-wise work anyway; see kernel.WarmSwitch). Timings after warm-up are then those of a long session.
export EXP_JAVA_OPTS="-Dexp.vector.warmup=0 ${EXP_JAVA_OPTS:-}"
"$root/exp" --version >/dev/null
ex=$("$root/exp" "$root/bench/learn.exp" 2>&1) || { echo "exp: benchmark failed"; echo "$ex"; exit 1; }
py=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import sklearn' 2>/dev/null; then py="$p"; break; fi
done
if [ -z "$py" ]; then
  echo "$ex"; echo "scikit-learn: skipped (no python3 with sklearn)"; exit 0
fi
peer=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$root/bench/learn.py")
printf '%-20s %10s %10s %8s   %10s %10s %8s   (%s cores, sklearn %s)\n' "case" "exp med" "peer med" "ratio" \
  "exp min" "peer min" "ratio" "$(nproc)" "$("$py" -c 'import sklearn; print(sklearn.__version__)')"
while read -r name med min; do
  pmed=$(echo "$peer" | awk -v n="$name" '$1 == n {print $2}')
  pmin=$(echo "$peer" | awk -v n="$name" '$1 == n {print $3}')
  printf '%-20s %10.2f %10.2f %7.2fx   %10.2f %10.2f %7.2fx\n' "$name" "$med" "$pmed" "$(echo "$pmed / $med" | bc -l)" \
    "$min" "$pmin" "$(echo "$pmin / $min" | bc -l)"
done <<< "$ex"
