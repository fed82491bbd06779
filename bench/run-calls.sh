#!/usr/bin/env bash
# Benchmark (not a test): per-call overhead of kernel and function calls, warm, in Exp and in
# CPython (math.sqrt, a lambda) / NumPy (np.trace on 1x1, np.linalg.norm) in the same run.
# Each figure is (time of a loop of 1M calls - time of the same loop without the call) / 1M, in
# nanoseconds, from the medians and from the minima of 9 runs. Target (issue 10): a kernel call
# <= 30 ns overhead.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Dispatch is measured in the tree (-Dexp.tier=off): with the numeric tier on, the empty loop is
# translated to bytecode but a loop calling linalg.trace is not, and their difference would not be
# the call's cost. With the tier on, sqrt on a number is computed inline (printed below as well).
exp_out=$(EXP_JAVA_OPTS="${EXP_JAVA_OPTS:-} -Dexp.tier=off" "$root/exp" "$root/bench/calls.exp")
tier_out=$("$root/exp" "$root/bench/calls.exp")
echo "Exp with the numeric tier (ns per call, warm: median, min):"
echo "$tier_out" | awk '$1 == "base_loop" || $1 == "sqrt" || $1 == "closure" { printf "  %-18s %8.1f %8.1f\n", $1, $2, $3 }'
echo "Exp, tree dispatch (ns per call, warm: median, min):"
echo "$exp_out" | awk '{ printf "  %-18s %8.1f %8.1f\n", $1, $2, $3 }'
if command -v python3 >/dev/null && python3 -c 'import numpy' 2>/dev/null; then
  py_out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/calls.py")
  echo "CPython / NumPy (ns per call, warm: median, min):"
  echo "$py_out" | awk '{ printf "  %-18s %8.1f %8.1f\n", $1, $2, $3 }'
  echo "Ratios of medians (peer / Exp; > 1 means Exp's call is cheaper):"
  join <(echo "$exp_out" | sort) <(echo "$py_out" | sort) | awk '$1 != "base_loop" { printf "  %-18s %8.2fx\n", $1, $4 / $2 }'
else
  echo "CPython/NumPy: skipped (python3 with numpy not installed)"
fi
