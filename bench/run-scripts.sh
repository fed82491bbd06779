#!/usr/bin/env bash
# Benchmark (not a test): short scripts of the kind a researcher writes first, whole process (JVM
# start-up included) against CPython in the same run: Monte Carlo with a random draw per step, a UCB
# bandit, a sieve and a triple-loop matrix product on tensors, Mandelbrot and the spectral norm
# (numeric functions), map/filter/reduce with lambdas, records and string formatting in loops; and
# Python-style code (n-body on a list of records, Life on m[i][j], quicksort/mergesort on lists, a DNA
# string built and counted).
# bench/scripts/NAME.exp and NAME.py compute the same thing (random draws differ). Each figure is the
# median of $RUNS (default 5) runs, the two interleaved so load changes hit both; speed ratio = CPython
# time / exp time (above 1: exp is faster). Skips CPython with a clear line when it is absent.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
s="$root/bench/scripts"
exp="$root/exp"
"$exp" -e 1 >/dev/null   # builds the jar and records the start-up archive if needed
py=$(command -v python3 || true)
# time the interpreter itself, not a version manager's shim (pyenv's adds ~100 ms to every start)
if [ -n "$py" ]; then py=$("$py" -c 'import sys; print(sys.executable)'); fi
runs=${RUNS:-5}
[ -n "$py" ] || echo "CPython: skipped (python3 not installed); exp times only"

wall() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 )); }
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1e6}'; }

printf '%-20s %9s %9s %s\n' script exp CPython "speed ratio"
for f in "$s"/*.exp; do
  name=$(basename "$f" .exp)
  te=(); tp=()
  for ((k = 0; k < runs; k++)); do
    te+=("$(wall "$exp" "$f")")
    [ -n "$py" ] && tp+=("$(wall "$py" "$s/$name.py")")
  done
  e=$(med "${te[@]}")
  if [ -n "$py" ]; then
    p=$(med "${tp[@]}")
    printf '%-20s %8.3fs %8.3fs %6.2fx\n' "$name" "$e" "$p" "$(awk -v p="$p" -v e="$e" 'BEGIN {print p / e}')"
  else
    printf '%-20s %8.3fs %9s\n' "$name" "$e" "-"
  fi
done
