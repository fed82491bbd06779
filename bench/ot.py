# Benchmark (not a test): the SciPy / NumPy peers of bench/ot.exp (bench/run-ot.sh), float64.
# scipy.optimize.linear_sum_assignment (its C++ shortest-augmenting-path solver) on uniform [0, 1) costs
# (NumPy's own stream: another matrix of the same law); a log-domain Sinkhorn loop with
# scipy.special.logsumexp, epsilon 0.01, 20 iterations, uniform marginals, then the plan.
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.special import logsumexp

rng = np.random.default_rng(1)
C = rng.random((1000, 1000))


def sinkhorn(C, eps, iters):
    n, m = C.shape
    la = np.full(n, -np.log(n))
    lb = np.full(m, -np.log(m))
    f = np.zeros(n)
    g = np.zeros(m)
    for _ in range(iters):
        f = eps * (la - logsumexp((g[None, :] - C) / eps, axis=1))
        g = eps * (lb - logsumexp((f[:, None] - C) / eps, axis=0))
    return np.exp((f[:, None] + g[None, :] - C) / eps)


def report(name, f, n, warm):
    for _ in range(warm):
        f()
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    print("%s %.2f %.2f" % (name, 1000 * np.median(ts), 1000 * min(ts)))


report("lsa_1000", lambda: linear_sum_assignment(C), 9, 2)
report("sinkhorn_1000_x20", lambda: sinkhorn(C, 0.01, 20), 7, 2)
