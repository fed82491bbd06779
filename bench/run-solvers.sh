#!/usr/bin/env bash
# Benchmark (not a test): Exp's sparse iterative solvers against SciPy on the same machine in the same
# run: CG on the 2-D Poisson matrix 128² (16384 unknowns) to relative residual 1e-8, GMRES(30) and
# BiCGSTAB on 2-D convection–diffusion 64², and one CSR matrix–vector product. Each side: warm-ups (Exp 10:
# its JIT; SciPy 3), median and min of 15 timed runs in-process (JVM start-up excluded). Prints medians and minima with
# the speed ratios (peer time / exp time), SciPy again with OPENBLAS_NUM_THREADS=1 (median), and both sides' iteration counts (CG's are the same algorithm;
# GMRES/BiCGSTAB counts are implementation-dependent).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Warm steady state: the vector loops from the start (a session switches to them after ~0.1-0.5 s of
# element-wise work anyway; see kernel.WarmSwitch). Timings after warm-up are then those of a long session.
export EXP_JAVA_OPTS="-Dexp.vector.warmup=0 ${EXP_JAVA_OPTS:-}"
"$root/exp" --version >/dev/null
ex=$("$root/exp" "$root/bench/solvers.exp" 2>&1) || { echo "exp: benchmark failed"; echo "$ex"; exit 1; }
if ! command -v python3 >/dev/null || ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  echo "$ex"; echo "scipy: skipped (not installed)"; exit 0
fi
py=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/solvers.py")
# SciPy's Krylov loops call multithreaded OpenBLAS level-1 routines (ddot, daxpy) on 16384-vectors; on a
# loaded 2-core machine their thread hand-offs dominate. The second peer run pins OpenBLAS to one thread.
py1=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 python3 "$root/bench/solvers.py")
printf '%-20s %9s %9s %7s   %9s %9s %7s   %9s %7s   %6s %6s  (%s cores, load %s)\n' "case" "exp med" "scipy med" \
  "ratio" "exp min" "scipy min" "ratio" "scipy 1t" "ratio" "its" "scipy" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
while read -r name med min its; do
  pmed=$(echo "$py" | awk -v n="$name" '$1 == n {print $2}')
  pmin=$(echo "$py" | awk -v n="$name" '$1 == n {print $3}')
  pits=$(echo "$py" | awk -v n="$name" '$1 == n {print $4}')
  p1=$(echo "$py1" | awk -v n="$name" '$1 == n {print $2}')
  printf '%-20s %9.2f %9.2f %6.2fx   %9.2f %9.2f %6.2fx   %9.2f %6.2fx   %6s %6s\n' "$name" "$med" "$pmed" \
    "$(echo "$pmed / $med" | bc -l)" "$min" "$pmin" "$(echo "$pmin / $min" | bc -l)" "$p1" "$(echo "$p1 / $med" | bc -l)" \
    "$its" "$pits"
done <<< "$ex"
