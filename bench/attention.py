# Benchmark (not a test): causal softmax attention, L = 2048, d = 64, float64, NumPy in three steps
# (scores, masked stable softmax, weights @ v). 3 warm-up runs, then the median of 10 timed runs.
import time
import numpy as np

L, d = 2048, 64
rng = np.random.default_rng(1)
q = rng.standard_normal((L, d))
k = rng.standard_normal((L, d))
v = rng.standard_normal((L, d))
tril = np.tril(np.ones((L, L), dtype=bool))
scale = 1 / np.sqrt(d)


def attention():
    s = q @ k.T * scale
    s = np.where(tril, s, -np.inf)
    s -= s.max(axis=1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(axis=1, keepdims=True)
    return p @ v


for _ in range(3):
    attention()
times = []
for _ in range(10):
    t0 = time.perf_counter()
    attention()
    times.append(time.perf_counter() - t0)
print(f"numpy_ms {np.median(times) * 1000:.1f}")
print(f"numpy_min_ms {min(times) * 1000:.1f}")
