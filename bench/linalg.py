# Benchmark peer of bench/linalg.exp: the same workloads with NumPy (its bundled OpenBLAS/LAPACK).
# Each line: "<name> <median ms> <min ms>". Run as env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 linalg.py
import statistics
import sys
import time

import numpy as np


def timeit(f, n, warmup):
    for _ in range(warmup):
        f()
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000, min(ts) * 1000


def report(name, r):
    print(f"{name} {r[0]:.2f} {r[1]:.2f}")
    sys.stdout.flush()


rng = np.random.default_rng(1)
n = 1024
a = rng.standard_normal((n, n))
b = rng.standard_normal((n, n))
report("dgemm1024", timeit(lambda: a @ b, 15, 5))
m = 512
x = rng.standard_normal((m, m))
sym = x + x.T
spd = x @ x.T + m * np.eye(m)
rhs = rng.standard_normal(m)
report("svd512", timeit(lambda: np.linalg.svd(x, full_matrices=False), 7, 2))
report("eigh512", timeit(lambda: np.linalg.eigh(sym), 7, 2))
report("solve512", timeit(lambda: np.linalg.solve(x, rhs), 15, 3))
report("cholesky512", timeit(lambda: np.linalg.cholesky(spd), 15, 3))
report("qr512", timeit(lambda: np.linalg.qr(x, mode="reduced"), 15, 3))
g = rng.standard_normal((200, 200))
report("eig200", timeit(lambda: np.linalg.eig(g), 7, 2))
