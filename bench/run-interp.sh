#!/usr/bin/env bash
# Benchmark (not a test): the interpreter against CPython and Lua 5.4 in the same run. Whole
# processes (JVM start-up included) are the median of 5 wall-clock runs; "warm" figures are timed
# in-process after a warm-up (the timeit builtin). Lua has no JIT and starts in ~1 ms, so its warm
# fib(30) is its whole-process wall time (os.clock would count CPU time, not wall time, and flatter
# Lua on a loaded machine). Prints medians and ratios
# (speed ratio = peer time / exp time: above 1 means exp is faster). An absent peer is skipped.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
b="$root/bench"
exp="$root/exp"
"$exp" -e 1 >/dev/null   # builds the jar and records the start-up archive if needed
py=$(command -v python3 || true)
# time the interpreter itself, not a version manager's shim (pyenv's adds ~100 ms to every start)
if [ -n "$py" ]; then py=$("$py" -c 'import sys; print(sys.executable)'); fi
lua=$(command -v lua5.4 || true)
runs=${RUNS:-5}

# median wall-clock seconds of $runs runs of a command
median() {
  local ts=()
  for ((k = 0; k < runs; k++)); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    ts+=("$(( (t1 - t0) / 1000 ))")
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1e6}'
}
ratio() { awk -v p="$1" -v e="$2" 'BEGIN {printf "%.2f", p / e}'; }

whole() {   # name, exp script, python script, lua script
  local te tp tl line
  te=$(median "$exp" "$b/$2")
  line=$(printf '%-28s exp %7.3f s' "$1" "$te")
  if [ -n "$py" ]; then tp=$(median "$py" "$b/$3"); line+=$(printf '   CPython %7.3f s (exp %sx its speed)' "$tp" "$(ratio "$tp" "$te")"); else line+="   CPython: skipped (python3 not installed)"; fi
  if [ -n "$lua" ]; then tl=$(median "$lua" "$b/$4"); lua_times[$1]=$tl; line+=$(printf '   Lua %7.3f s (exp %sx its speed)' "$tl" "$(ratio "$tl" "$te")"); else line+="   Lua: skipped (install lua5.4)"; fi
  echo "$line"
}

declare -A lua_times
echo "== whole process, median of $runs"
whole "fib(30)" fib.exp fib.py fib.lua
whole "10M float loop" loop.exp loop.py loop.lua
whole "SOR, 1M tensor updates" sor.exp sor.py sor.lua
te=$(median "$exp" -e 1)
if [ -n "$py" ]; then
  tp=$(median "$py" -c 1)
  printf '%-28s exp %7.3f s   CPython %7.3f s (exp takes %sx as long; target <= 3)\n' "start-up: -e 1 / -c 1" "$te" "$tp" "$(ratio "$te" "$tp")"
else
  printf '%-28s exp %7.3f s   CPython: skipped\n' "start-up: -e 1" "$te"
fi

echo "== warm, in-process (median of 7 after 3 warm-up runs)"
warm=$("$exp" "$b/warm.exp")
get() { awk -v k="$1" '$1 == k {print $2}' <<<"$warm"; }
fe=$(get fib30)
if [ -n "$lua" ]; then
  fl=$(awk -v s="${lua_times["fib(30)"]}" 'BEGIN {printf "%.1f", s * 1000}')
  printf '%-28s exp %8.1f ms   Lua %8.1f ms (whole process; exp %sx its speed)\n' "fib(30) warm" "$fe" "$fl" "$(ratio "$fl" "$fe")"
else
  printf '%-28s exp %8.1f ms   Lua: skipped (install lua5.4)\n' "fib(30) warm" "$fe"
fi
printf '%-28s expression %8.1f ms   return %8.1f ms (return form takes %sx as long; target <= 1.2)\n' \
  "fib(30), return vs expr" "$fe" "$(get fib30_return)" "$(ratio "$(get fib30_return)" "$fe")"
printf '%-28s expression %8.1f ms   return %8.1f ms (return form takes %sx as long; target <= 1.2)\n' \
  "10M loop, return vs expr" "$(get loop10M)" "$(get loop10M_return)" "$(ratio "$(get loop10M_return)" "$(get loop10M)")"
