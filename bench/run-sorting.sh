#!/usr/bin/env bash
# Benchmark (not a test): sorting, selection and scans on 1e6 doubles and a 1000x1000 matrix, Exp
# against NumPy in the same run, both timed in-process after warm-up (Exp: timeit(f, n:, warmup: 3);
# NumPy: timeit.repeat after 3 warm-ups). NumPy's argsort is kind="stable" (Exp's is stable) and its
# top-k is argpartition plus a sort of the k. Prints medians in ms and the ratio NumPy time / Exp time
# (> 1: Exp is faster).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/exp" --version >/dev/null
out=$("$root/exp" "$root/bench/sorting.exp" 2>/dev/null)
if [ -z "$out" ]; then echo "exp: benchmark failed"; "$root/exp" "$root/bench/sorting.exp"; exit 1; fi
have_numpy=0
if command -v python3 >/dev/null && python3 -c 'import numpy' 2>/dev/null; then
  have_numpy=1
  outp=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/bench/sorting.py")
fi
declare -A label=(
  [sort]="sort(x), 1e6"
  [sort_rows]="sort(m, axis: 1), 1000x1000"
  [sort_cols]="sort(m, axis: 0), 1000x1000"
  [unique]="unique(x), 1e6"
  [unique_ties]="unique(100 distinct values), 1e6"
  [argsort]="argsort(x), 1e6"
  [argsort_ties]="argsort(100 distinct values), 1e6"
  [topk10]="topk(x, 10), 1e6"
  [quantile]="stats.quantile(x, 3 levels), 1e6"
  [median]="stats.median(x), 1e6"
  [argmax]="argmax(x), 1e6"
  [argmax_rows]="argmax(m, axis: 1), 1000x1000"
  [cumsum]="cumsum(x), 1e6"
  [cumsum_cols]="cumsum(m, axis: 0), 1000x1000"
)
printf '%-36s %10s %10s %8s\n' "workload ($(nproc) cores)" "exp ms" "numpy ms" "ratio"
for k in sort sort_rows sort_cols unique unique_ties argsort argsort_ties topk10 quantile median argmax argmax_rows cumsum cumsum_cols; do
  read -r te tem <<<"$(echo "$out" | sed -n "s/^$k //p")"
  if [ "$have_numpy" = 1 ]; then
    read -r tp tpm <<<"$(echo "$outp" | sed -n "s/^$k //p")"
    printf '%-36s %10.3f %10.3f %7.2fx\n' "${label[$k]}" "$te" "$tp" "$(echo "$tp / $te" | bc -l)"
  else
    printf '%-36s %10.3f %10s\n' "${label[$k]}" "$te" "skipped"
  fi
done
