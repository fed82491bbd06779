#!/usr/bin/env bash
# Benchmark (not a test): the interpreter on recursion (fib 30) and a 30M-iteration loop, against
# CPython and Lua in the same run (whole process, JVM start-up included; best of 3). Prints ratios.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/exp" --version >/dev/null
best() {
  local b=""
  for _ in 1 2 3; do
    local t0 t1 t
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$b" ] || (( $(echo "$t < $b" | bc -l) )); then b=$t; fi
  done
  echo "$b"
}
te=$(best "$root/exp" "$root/bench/fib.exp")
printf 'exp:     %.2f s\n' "$te"
if command -v python3 >/dev/null; then
  tp=$(best python3 "$root/bench/fib.py")
  printf 'CPython: %.2f s   (exp is %.2fx the speed of CPython)\n' "$tp" "$(echo "$tp / $te" | bc -l)"
else
  echo "CPython: skipped (python3 not installed)"
fi
lua=$(command -v lua5.4 || command -v lua || true)
if [ -n "$lua" ]; then
  tl=$(best "$lua" "$root/bench/fib.lua")
  printf 'Lua:     %.2f s   (exp is %.2fx the speed of Lua)\n' "$tl" "$(echo "$tl / $te" | bc -l)"
else
  echo "Lua: skipped (install lua5.4 to compare)"
fi
