# Benchmark (not a test): the scikit-learn peers of bench/unsup.exp (bench/run-unsup.sh), float64, the same
# deterministic data. KMeans(algorithm="lloyd", init=first 8 rows, n_init=1, max_iter=50, tol=0) and
# PCA() (full SVD). 2 warm-ups, median/min of 7 runs, ms.
import time
import warnings

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA

warnings.simplefilter("ignore")


def data(n, d):
    s = np.sin(np.arange(n * d, dtype=float)) * 43758.5453
    return (s - np.floor(s)).reshape(n, d)


X = data(100000, 16)
C0 = X[:8].copy()
P = data(10000, 500)


def report(name, f):
    for _ in range(2):
        f()
    ts = []
    for _ in range(7):
        t0 = time.perf_counter()
        f()
        ts.append((time.perf_counter() - t0) * 1000)
    print(name, "%.2f" % float(np.median(ts)), "%.2f" % min(ts))


km = KMeans(8, init=C0, n_init=1, max_iter=50, tol=0, algorithm="lloyd").fit(X)
print("# kmeans iterations %d, inertia %.6f" % (km.n_iter_, km.inertia_))
report("kmeans_100kx16_k8", lambda: KMeans(8, init=C0, n_init=1, max_iter=50, tol=0, algorithm="lloyd").fit(X))
report("pca_10kx500", lambda: PCA().fit(P))
