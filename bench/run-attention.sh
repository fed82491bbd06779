#!/usr/bin/env bash
# Benchmark (not a test): causal softmax attention at L = 2048, d = 64, float64 — Exp's
# attention.softmax against NumPy's three-step version, both timed in-process (median of 10 runs after
# 3 warm-ups; JVM start-up excluded). Prints both times and the ratio. Skips NumPy if absent.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Warm steady state: the vector loops from the start (a session switches to them after ~0.1-0.5 s of
# element-wise work anyway; see kernel.WarmSwitch). Timings after warm-up are then those of a long session.
export EXP_JAVA_OPTS="-Dexp.vector.warmup=0 ${EXP_JAVA_OPTS:-}"
"$root/exp" --version >/dev/null
out=$("$root/exp" "$root/bench/attention.exp" 2>/dev/null)
te=$(echo "$out" | sed -n 's/^exp_ms //p')
tem=$(echo "$out" | sed -n 's/^exp_min_ms //p')
if [ -z "$te" ]; then echo "exp: benchmark failed"; "$root/exp" "$root/bench/attention.exp"; exit 1; fi
printf 'exp:   median %7.1f ms  (min %.1f ms)   causal attention L=2048 d=64 float64, %s cores\n' "$te" "$tem" "$(nproc)"
if command -v python3 >/dev/null && python3 -c 'import numpy' 2>/dev/null; then
  outp=$(python3 "$root/bench/attention.py")
  tp=$(echo "$outp" | sed -n 's/^numpy_ms //p')
  tpm=$(echo "$outp" | sed -n 's/^numpy_min_ms //p')
  printf 'numpy: median %7.1f ms  (min %.1f ms)   exp is %.2fx the speed of NumPy (median ratio)\n' "$tp" "$tpm" "$(echo "$tp / $te" | bc -l)"
else
  echo "numpy: skipped (python3 with numpy not installed)"
fi
