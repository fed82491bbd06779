#!/usr/bin/env bash
# Microbenchmarks (not a test): call, loop, kernel dispatch and element-wise operators, in-process
# after warm-up, as nanoseconds per operation (see bench/micro.exp). Compare runs of two builds
# on the same machine in the same minutes; the machine's load shifts every figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Twice: as scripts run (hot numeric functions and loops translated to bytecode), and with the
# numeric tier off (everything in the tree), so a regression in either tier shows.
echo "== default (numeric tier on)"
"$root/exp" "$root/bench/micro.exp" | awk '{v = $NF; $NF = ""; printf "%-42s %10.1f ns\n", $0, v}'
echo "== tree only (-Dexp.tier=off)"
EXP_JAVA_OPTS="${EXP_JAVA_OPTS:-} -Dexp.tier=off" "$root/exp" "$root/bench/micro.exp" | awk '{v = $NF; $NF = ""; printf "%-42s %10.1f ns\n", $0, v}'
