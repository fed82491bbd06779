# Benchmark (not a test): the SciPy peers of bench/solvers.exp (bench/run-solvers.sh), float64 CSR:
# scipy.sparse.linalg.cg / gmres / bicgstab with rtol 1e-8, x0 = 0 and the same matrices (built with
# scipy.sparse.diags + kron, the same row order). 3 warm-ups, median/min of 15 runs, then the iterations.
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def poisson2d(n):
    t = sp.diags([-1.0, 2.0, -1.0], [-1, 0, 1], shape=(n, n))
    i = sp.identity(n)
    return (sp.kron(i, t) + sp.kron(t, i)).tocsr()


def convection_diffusion2d(n, pe):
    h = 1.0 / (n + 1)
    t = sp.diags([-1 - pe * h, 2 + pe * h, -1.0], [-1, 0, 1], shape=(n, n))
    i = sp.identity(n)
    return (sp.kron(i, t) + sp.kron(t, i)).tocsr()


a = poisson2d(128)
b = np.ones(128 * 128)
c = convection_diffusion2d(64, 50.0)
bc = np.ones(64 * 64)


def counted(solve):
    count = [0]

    def cb(_):
        count[0] += 1

    solve(cb)
    return count[0]


def report(name, f, its):
    for _ in range(3):
        f()
    ts = []
    for _ in range(15):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    print(f"{name} {np.median(ts) * 1000:.2f} {min(ts) * 1000:.2f} {its}")


report("cg_poisson_128^2", lambda: spla.cg(a, b, rtol=1e-8, maxiter=100000),
       counted(lambda cb: spla.cg(a, b, rtol=1e-8, maxiter=100000, callback=cb)))
report("gmres30_cd_64^2", lambda: spla.gmres(c, bc, rtol=1e-8, restart=30, maxiter=100000),
       counted(lambda cb: spla.gmres(c, bc, rtol=1e-8, restart=30, maxiter=100000, callback=cb,
                                     callback_type="pr_norm")))
report("bicgstab_cd_64^2", lambda: spla.bicgstab(c, bc, rtol=1e-8, maxiter=100000),
       counted(lambda cb: spla.bicgstab(c, bc, rtol=1e-8, maxiter=100000, callback=cb)))
report("spmv_poisson_128^2", lambda: a @ b, 1)
