"""Peer of bench/optim.exp: scipy.optimize.minimize(method="L-BFGS-B") with the analytic gradient
(scipy.optimize.rosen / rosen_der) on the 1000-D Rosenbrock function from (−1.2, 1, −1.2, 1, ...).
3 warm-ups, then the median and min of 11 timed runs (ms), the evaluation and iteration counts."""
import time
import numpy as np
from scipy.optimize import minimize, rosen, rosen_der

n = 1000
x0 = np.where(np.arange(n) % 2 == 0, -1.2, 1.0)


def run():
    return minimize(rosen, x0, jac=rosen_der, method="L-BFGS-B")


for _ in range(3):
    r = run()
ts = []
for _ in range(11):
    t = time.perf_counter()
    r = run()
    ts.append((time.perf_counter() - t) * 1000)
assert r.success and r.fun < 1e-8, r.message
for name in ("lbfgs_rosen1000_script", "lbfgs_rosen1000_builtin"):
    print(name, f"{np.median(ts):.2f}", f"{min(ts):.2f}", r.nfev, r.nit)
