# NumPy side of bench/run-elementwise.sh: the same workloads, median and min (ms) of timeit repeats.
import timeit
import numpy as np

rng = np.random.default_rng(1)
x = rng.standard_normal(1_000_000)
m = rng.standard_normal((2048, 2048))


def softmax():
    e = np.exp(m - m.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


work = [
    ("sum_exp", lambda: np.sum(np.exp(x) * 2 + x), 30),
    ("softmax", softmax, 10),
    ("rowmax", lambda: m.max(axis=1), 20),
    ("diff", lambda: m[:, 1:] - m[:, :-1], 10),
    ("add", lambda: x + x, 30),
    ("select", lambda: x[x > 0], 30),
    ("where", lambda: np.where(x > 0, x, 0), 30),
]
for name, f, n in work:
    for _ in range(20):
        f()
    ts = timeit.repeat(f, number=1, repeat=n)
    print(name, np.median(ts) * 1000, min(ts) * 1000)
