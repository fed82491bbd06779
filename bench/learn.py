# Benchmark (not a test): the scikit-learn peers of bench/learn.exp (bench/run-learn.sh), float64, same sizes
# and data distributions: Lasso(alpha=0.01) with default tol/max_iter; LogisticRegression(C=1) with its
# default lbfgs solver (tol 1e-4, max_iter 1000); NearestNeighbors(n_neighbors=5).kneighbors of 10k queries
# (fit included, as Exp's search has no index). 1 warm-up, median/min of 5 runs.
import time

import numpy as np
from sklearn.linear_model import Lasso, LogisticRegression
from sklearn.neighbors import NearestNeighbors

rng = np.random.default_rng(1)
n, d, k = 10000, 500, 20
X = rng.standard_normal((n, d))
w = np.zeros(d)
w[rng.choice(d, k, replace=False)] = rng.choice([-1.0, 1.0], k)
y = X @ w + 0.5 * rng.standard_normal(n)
wh = rng.standard_normal(50)
wh /= np.linalg.norm(wh)
Xh = rng.standard_normal((100000, 50))
yh = (Xh @ wh > 0).astype(float)
flip = rng.random(100000) < 0.1
yh[flip] = 1 - yh[flip]
ref = rng.standard_normal((100000, 16))
qry = rng.standard_normal((10000, 16))


def report(name, f):
    f()
    ts = []
    for _ in range(5):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    print(f"{name} {np.median(ts) * 1000:.2f} {min(ts) * 1000:.2f}")


report("lasso_10k*500", lambda: Lasso(alpha=0.01).fit(X, y))
report("logistic_100k*50", lambda: LogisticRegression(C=1.0, max_iter=1000).fit(Xh, yh))
report("knn_10k_in_100k*16", lambda: NearestNeighbors(n_neighbors=5).fit(ref).kneighbors(qry))
