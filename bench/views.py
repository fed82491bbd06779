# Benchmark peer (not a test): the same views of a 4096x4096 matrix in NumPy (bench/run-views.sh).
import timeit
import numpy as np

m = np.random.default_rng(1).standard_normal((4096, 4096))
n = 100000
for name, stmt in [("slice", "m[1:4000, ::2]"), ("T", "m.T"), ("row", "m[i % 4096]")]:
    t = timeit.repeat(f"for i in range({n}): s = {stmt}", globals={"m": m}, number=1, repeat=7)
    print(f"numpy_{name}_ns {sorted(t)[3] / n * 1e9:.0f}")
