# NumPy side of bench/run-sorting.sh: the same workloads, median and min (ms) of timeit repeats.
import timeit
import numpy as np

rng = np.random.default_rng(1)
x = rng.standard_normal(1_000_000)
m = rng.standard_normal((1000, 1000))
ti = np.floor(rng.random(1_000_000) * 100)


def topk(v, k):
    # the k largest with their indices, largest first (argpartition, then sort the k)
    i = np.argpartition(-v, k - 1)[:k]
    i = i[np.lexsort((i, -v[i]))]
    return v[i], i


work = [
    ("sort", lambda: np.sort(x), 7),
    ("sort_rows", lambda: np.sort(m, axis=1), 7),
    ("sort_cols", lambda: np.sort(m, axis=0), 7),
    ("unique", lambda: np.unique(x), 7),
    ("unique_ties", lambda: np.unique(ti), 7),
    ("argsort", lambda: np.argsort(x, kind="stable"), 7),
    ("argsort_ties", lambda: np.argsort(ti, kind="stable"), 7),
    ("topk10", lambda: topk(x, 10), 7),
    ("quantile", lambda: np.quantile(x, [0.25, 0.5, 0.75]), 7),
    ("median", lambda: np.median(x), 7),
    ("argmax", lambda: np.argmax(x), 21),
    ("argmax_rows", lambda: np.argmax(m, axis=1), 21),
    ("cumsum", lambda: np.cumsum(x), 21),
    ("cumsum_cols", lambda: np.cumsum(m, axis=0), 21),
]
for name, f, n in work:
    for _ in range(3):
        f()
    ts = timeit.repeat(f, number=1, repeat=n)
    print(name, np.median(ts) * 1000, min(ts) * 1000)
