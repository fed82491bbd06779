#!/usr/bin/env bash
# Benchmark (not a test): Exp's k-means (100000×16, k = 8, 50 Lloyd iterations from fixed centres, tol 0) and
# PCA (10000×500, full) against scikit-learn on the same machine in the same run, on the same deterministic data.
# Each side: 2 warm-ups, median and min of 7 timed runs in-process (start-up excluded). Prints medians and
# minima with the speed ratios (peer time / exp time; > 1 means Exp is faster).
set -uo pipefail
# EXP_VECTOR=false times Exp's scalar loops and distance kernels (-Dexp.vector=false).
if [ "${EXP_VECTOR:-true}" = false ]; then export JAVA_TOOL_OPTIONS="-Dexp.vector=false"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Warm steady state: the vector loops from the start (a session switches to them after ~0.1-0.5 s of
# element-wise work anyway; see kernel.WarmSwitch). Timings after warm-up are then those of a long session.
export EXP_JAVA_OPTS="-Dexp.vector.warmup=0 ${EXP_JAVA_OPTS:-}"
"$root/exp" --version >/dev/null
ex=$("$root/exp" "$root/bench/unsup.exp" 2>&1) || { echo "exp: benchmark failed"; echo "$ex"; exit 1; }
py=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import sklearn' 2>/dev/null; then py="$p"; break; fi
done
if [ -z "$py" ]; then
  echo "$ex"; echo "scikit-learn: skipped (no python with sklearn found)"; exit 0
fi
peer=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$root/bench/unsup.py")
echo "exp:     $(echo "$ex" | grep '^#')"
echo "sklearn: $(echo "$peer" | grep '^#') ($("$py" -c 'import sklearn; print(sklearn.__version__)'))"
printf '%-20s %10s %10s %8s   %10s %10s %8s   (%s cores, load %s)\n' "case" "exp med" "peer med" "ratio" "exp min" \
  "peer min" "ratio" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
while read -r name med min; do
  [ "${name:0:1}" = "#" ] && continue
  pmed=$(echo "$peer" | awk -v n="$name" '$1 == n {print $2}')
  pmin=$(echo "$peer" | awk -v n="$name" '$1 == n {print $3}')
  printf '%-20s %10.2f %10.2f %7.2fx   %10.2f %10.2f %7.2fx\n' "$name" "$med" "$pmed" "$(echo "$pmed / $med" | bc -l)" \
    "$min" "$pmin" "$(echo "$pmin / $min" | bc -l)"
done <<< "$ex"
