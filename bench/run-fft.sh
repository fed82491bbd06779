#!/usr/bin/env bash
# Benchmark (not a test): Exp's FFT, WHT and convolution kernels against NumPy / SciPy on the same
# machine in the same run: rfft of 2^20 values, fft of 1009·1024 values (not a power of two), 2-D fft
# of 1024², Walsh–Hadamard of 2^20 (NumPy: a vectorised radix-2 butterfly), convolution of 1e5 by 1e3
# values (scipy.signal.fftconvolve), DCT-II of 2^20 and of 4096 values (scipy.fft.dct; a timed run of the 4096
# case is 100 transforms, reported per transform). Each side: 10 warm-ups, median and min of 15 timed runs
# in-process (JVM start-up excluded). Prints medians and minima in ms with the speed ratios (peer time / exp time).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/exp" --version >/dev/null
ex=$("$root/exp" "$root/bench/fft.exp" 2>&1) || { echo "exp: benchmark failed"; echo "$ex"; exit 1; }
if ! command -v python3 >/dev/null || ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  echo "$ex"; echo "numpy/scipy: skipped (not installed)"; exit 0
fi
py=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/fft.py")
printf '%-18s %10s %10s %8s   %10s %10s %8s   (%s cores)\n' "case" "exp med" "peer med" "ratio" "exp min" "peer min" \
  "ratio" "$(nproc)"
while read -r name med min; do
  pmed=$(echo "$py" | awk -v n="$name" '$1 == n {print $2}')
  pmin=$(echo "$py" | awk -v n="$name" '$1 == n {print $3}')
  printf '%-18s %10.4f %10.4f %7.2fx   %10.4f %10.4f %7.2fx\n' "$name" "$med" "$pmed" "$(echo "$pmed / $med" | bc -l)" \
    "$min" "$pmin" "$(echo "$pmin / $min" | bc -l)"
done <<< "$ex"
