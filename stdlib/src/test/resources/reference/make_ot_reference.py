"""Writes ot_reference.json: reference values for optim.linprog, optim.linear_sum_assignment, ot.emd and
ot.sinkhorn, computed with python3 (numpy 2.x, scipy 1.17): scipy.optimize.linprog (method "highs", with
its marginals), scipy.optimize.linear_sum_assignment, the transportation LP solved by HiGHS, and a log-domain
Sinkhorn written here with scipy.special.logsumexp (run to a tight tolerance).
The Java tests under dev.exp.lp and dev.exp.ot read it.
Regenerate with: python3 make_ot_reference.py (in this directory)."""
import json

import numpy as np
from scipy.optimize import linear_sum_assignment, linprog
from scipy.special import logsumexp

rs = np.random.RandomState(20261201)
out = {"lp": {}, "lsa": {}, "emd": {}, "sinkhorn": {}}


def lst(a):
    return None if a is None else np.asarray(a, dtype=float).tolist()


def bnds(b):
    # JSON cannot hold inf: None means unbounded, as in SciPy
    return [[None if (v is None or not np.isfinite(v)) else float(v) for v in p] for p in b]


def lp(name, c, A_ub=None, b_ub=None, A_eq=None, b_eq=None, bounds=None):
    n = len(c)
    bl = bounds if bounds is not None else [(0, None)] * n
    r = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bl, method="highs")
    status = {0: "optimal", 1: "iteration limit", 2: "infeasible", 3: "unbounded"}[r.status]
    e = {"c": lst(c), "A_ub": lst(A_ub), "b_ub": lst(b_ub), "A_eq": lst(A_eq), "b_eq": lst(b_eq),
         "bounds": bnds(bl), "status": status}
    if r.status == 0:
        e.update(x=lst(r.x), fun=float(r.fun), slack=lst(r.slack), con=lst(r.con),
                 ineqlin=lst(r.ineqlin.marginals), eqlin=lst(r.eqlin.marginals),
                 lower=lst(r.lower.marginals), upper=lst(r.upper.marginals))
    out["lp"][name] = e


# scipy.optimize.linprog documentation example
lp("doc", [-1, 4], A_ub=[[-3, 1], [1, 2]], b_ub=[6, 4], bounds=[(None, None), (-3, None)])
# SciPy optimize tutorial ("Linear programming example")
lp("tutorial", [-29.0, -45.0, 0.0, 0.0], A_ub=[[1.0, -1.0, -3.0, 0.0], [-2.0, 3.0, 7.0, -3.0]], b_ub=[5.0, -10.0],
   A_eq=[[2.0, 8.0, 1.0, 0.0], [4.0, 4.0, 0.0, 1.0]], b_eq=[60.0, 60.0],
   bounds=[(0, None), (0, 5.0), (None, 0.5), (-3.0, None)])
# the tutorial's fix: relaxing x1 <= 5 to x1 <= 6 makes it feasible
lp("tutorial_relaxed", [-29.0, -45.0, 0.0, 0.0], A_ub=[[1.0, -1.0, -3.0, 0.0], [-2.0, 3.0, 7.0, -3.0]],
   b_ub=[5.0, -10.0], A_eq=[[2.0, 8.0, 1.0, 0.0], [4.0, 4.0, 0.0, 1.0]], b_eq=[60.0, 60.0],
   bounds=[(0, None), (0, 6.0), (None, 0.5), (-3.0, None)])
# a diet-style problem with a unique, non-degenerate optimum (checked below)
lp("diet", [2.0, 3.5, 8.0, 1.5, 11.0, 1.0], A_ub=-np.array([[4.0, 8, 7, 1.3, 8, 9.2], [1, 5, 9, 0.1, 7, 1],
                                                             [15, 11.7, 0.4, 22.6, 0, 17], [90, 120, 106, 97, 130, 180]]),
   b_ub=-np.array([10.0, 6, 40, 500]), bounds=[(0, 4), (0, 8), (0, 4), (0, 2), (0, 2), (0, 2)])
# random feasible bounded problems: A_ub x <= b_ub with b_ub = A_ub x0 + slack, box bounds
for t in range(3):
    n, m, me = 6, 5, 2
    A = rs.randn(m, n)
    x0 = rs.rand(n)
    b = A @ x0 + rs.rand(m)
    Ae = rs.randn(me, n)
    be = Ae @ x0
    lp("random%d" % t, rs.randn(n), A_ub=A, b_ub=b, A_eq=Ae, b_eq=be, bounds=[(-1, 2)] * n)
lp("infeasible", [1, 1], A_ub=[[1, 1]], b_ub=[-1])
lp("unbounded", [-1, 0], A_ub=[[0, 1]], b_ub=[1])

# linear_sum_assignment: the documentation example, random square / rectangular, maximize, ties
def lsa(name, C, maximize=False):
    r, c = linear_sum_assignment(C, maximize=maximize)
    out["lsa"][name] = {"C": lst(C), "maximize": maximize, "rows": lst(r), "cols": lst(c),
                        "cost": float(np.asarray(C)[r, c].sum())}


lsa("doc", [[4, 1, 3], [2, 0, 5], [3, 2, 2]])
lsa("square50", rs.rand(50, 50).round(6))
lsa("wide", rs.rand(6, 11))
lsa("tall", rs.rand(13, 5))
lsa("tall_max", rs.rand(9, 4), maximize=True)
lsa("integers", rs.randint(0, 5, size=(12, 12)).astype(float))
lsa("square120_max", rs.rand(120, 120).round(6), maximize=True)

# exact OT with non-uniform weights: the transportation LP by HiGHS
def emd(name, a, b, C):
    n, m = C.shape
    Aeq = np.zeros((n + m, n * m))
    for i in range(n):
        Aeq[i, i * m:(i + 1) * m] = 1
    for j in range(m):
        Aeq[n + j, j::m] = 1
    r = linprog(C.ravel(), A_eq=Aeq, b_eq=np.concatenate([a, b]), bounds=(0, None), method="highs")
    out["emd"][name] = {"a": lst(a), "b": lst(b), "C": lst(C), "cost": float(r.fun)}


for t, (n, m) in enumerate([(5, 7), (8, 8), (12, 9)]):
    a = rs.rand(n) + 0.1
    a /= a.sum()
    b = rs.rand(m) + 0.1
    b /= b.sum()
    emd("random%d" % t, a, b, rs.rand(n, m))


# log-domain Sinkhorn (independent NumPy implementation), run to convergence
def sinkhorn(name, a, b, C, eps):
    f = np.zeros(len(a))
    g = np.zeros(len(b))
    for _ in range(200000):
        f = eps * np.log(a) - eps * logsumexp((g[None, :] - C) / eps, axis=1)
        g = eps * np.log(b) - eps * logsumexp((f[:, None] - C) / eps, axis=0)
        P = np.exp((f[:, None] + g[None, :] - C) / eps)
        if np.abs(P.sum(1) - a).sum() < 1e-13:
            break
    out["sinkhorn"][name] = {"a": lst(a), "b": lst(b), "C": lst(C), "epsilon": eps, "plan": lst(P),
                             "cost": float((P * C).sum())}


a = rs.rand(6) + 0.2
a /= a.sum()
b = rs.rand(8) + 0.2
b /= b.sum()
C = rs.rand(6, 8)
sinkhorn("eps0.1", a, b, C, 0.1)
sinkhorn("eps0.01", a, b, C, 0.01)

with open("ot_reference.json", "w") as fh:
    json.dump(out, fh, indent=None, separators=(",", ":"))
print("wrote ot_reference.json")
