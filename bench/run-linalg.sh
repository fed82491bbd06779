#!/usr/bin/env bash
# Benchmark (not a test): dgemm 1024² float64, svd / eigh / solve / cholesky / qr at n = 512 and eig at 200 in Exp and
# NumPy in the same run (bench/linalg.exp, bench/linalg.py; medians of 7-15 timed runs after warm-ups,
# in-process, JVM start-up excluded). Exp runs three times: the default backend (native OpenBLAS), the
# pure-Java fallback with the Vector API kernel, and the fallback with the scalar kernel (both forced with
# -Dexp.blas=java; decompositions then run on EJML). Prints medians and Exp/NumPy speed ratios.
# Threads: all cores (2 on the reference machine) for both. Skips NumPy with a clear line when absent.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/exp" --version || { echo "exp: build failed"; exit 1; }
jar="$root/repl/target/exp.jar"
jvm=(java -Xss16m -XX:+UseParallelGC -Xmn128m)
names=(dgemm1024 svd512 eigh512 solve512 cholesky512 qr512 eig200)
field() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }

declare -A exp_native exp_vec exp_scalar np
out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$root/exp" "$root/bench/linalg.exp" 2>&1) || { echo "$out"; exit 1; }
for k in "${names[@]}"; do exp_native[$k]=$(field "$out" "$k"); done
if command -v python3 >/dev/null && python3 -c 'import numpy' 2>/dev/null; then
  outp=$(cd "$root/bench" && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 linalg.py)
  for k in "${names[@]}"; do np[$k]=$(field "$outp" "$k"); done
  have_np=1
  echo "numpy $(python3 -c 'import numpy; print(numpy.__version__)')"
else
  have_np=0
  echo "numpy: skipped (python3 with numpy not installed); Exp figures only"
fi
out=$("${jvm[@]}" --add-modules jdk.incubator.vector -Dexp.blas=java -jar "$jar" "$root/bench/linalg.exp" 2>/dev/null)
for k in "${names[@]}"; do exp_vec[$k]=$(field "$out" "$k"); done
out=$("${jvm[@]}" -Dexp.blas=java -jar "$jar" "$root/bench/linalg.exp" 2>/dev/null)
for k in "${names[@]}"; do exp_scalar[$k]=$(field "$out" "$k"); done

ratio() { if [ "$have_np" = 1 ] && [ -n "$1" ] && [ -n "$2" ]; then echo "$2 / $1" | bc -l | xargs printf '%.2fx'; else echo "-"; fi; }
printf '%-12s %10s %10s %8s %12s %8s %12s %8s\n' workload numpy_ms exp_ms ratio java_vec_ms ratio java_sc_ms ratio
for k in "${names[@]}"; do
  printf '%-12s %10s %10s %8s %12s %8s %12s %8s\n' "$k" "${np[$k]:--}" "${exp_native[$k]}" "$(ratio "${exp_native[$k]}" "${np[$k]:-}")" \
    "${exp_vec[$k]}" "$(ratio "${exp_vec[$k]}" "${np[$k]:-}")" "${exp_scalar[$k]}" "$(ratio "${exp_scalar[$k]}" "${np[$k]:-}")"
done
g() { [ -n "$1" ] && echo "2 * 1024^3 / ($1 / 1000) / 10^9" | bc -l | xargs printf '%.1f'; }
echo "dgemm 1024² GFLOP/s: numpy $(g "${np[dgemm1024]:-}") | exp native $(g "${exp_native[dgemm1024]}") | java vector $(g "${exp_vec[dgemm1024]}") | java scalar $(g "${exp_scalar[dgemm1024]}")"
echo "ratio = Exp speed / NumPy speed (NumPy median / Exp median); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
