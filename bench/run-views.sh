#!/usr/bin/env bash
# Benchmark (not a test): a slice, .T and a row of a 4096x4096 float64 matrix are O(1) views (no copy
# of the 128 MB of data). Exp and NumPy in the same run; per-operation medians and ratios. Target:
# under 1 us per operation in Exp (interpreter loop included).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/exp" --version >/dev/null
out=$("$root/exp" "$root/bench/views.exp" 2>&1) || { echo "exp: benchmark failed"; echo "$out"; exit 1; }
py=""
if command -v python3 >/dev/null && python3 -c 'import numpy' 2>/dev/null; then
  py=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/views.py")
fi
for op in slice T row; do
  te=$(echo "$out" | sed -n "s/^exp_${op}_ns //p")
  tp=$(echo "$py" | sed -n "s/^numpy_${op}_ns //p")
  if [ -n "$tp" ]; then
    printf '%-6s exp %6s ns   numpy %6s ns   exp/numpy time ratio %.2f\n' "$op" "$te" "$tp" "$(echo "$te / $tp" | bc -l)"
  else
    printf '%-6s exp %6s ns   numpy skipped\n' "$op" "$te"
  fi
done
echo "exp interpreter loop alone: $(echo "$out" | sed -n 's/^exp_loop_ns //p') ns per iteration"
