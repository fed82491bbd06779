"""Reference values for the optim package (dev.exp.optim), written to optim_reference.json.

Run with the pyenv `python3` (numpy 2.4, scipy 1.17):  python3 make_optim_reference.py
Independent of the Java code:
  * first-order optimizers: a NumPy re-implementation of the update rules as printed in the PyTorch
    docs (torch.optim.SGD/Adagrad/RMSprop/Adam/AdamW pseudo-code) and of Lion (Chen et al. 2023,
    Algorithm 2); three steps on f(x) = ½ Σ c_i x_i² − b·x from a literal x0;
  * L-BFGS: scipy.optimize.minimize(method="L-BFGS-B") on rosen (the SciPy tutorial's x0) and on a
    bounded variant;
  * curve fits: scipy.optimize.curve_fit (the SciPy docs example a·exp(−b·x) + c with its seeded
    noise, and an offset power law), parameters and covariance;
  * simplex / l1-ball projections: the sort-based algorithm (Held et al.; Duchi et al. 2008).
"""
import json
import numpy as np
import scipy
from scipy.optimize import minimize, rosen, rosen_der, curve_fit, least_squares

out = {"inputs": {}, "expected": {}, "versions": {"numpy": np.__version__, "scipy": scipy.__version__}}

c = np.array([1.0, 4.0, 0.25])
b = np.array([0.5, -1.0, 2.0])
x0 = np.array([1.0, -2.0, 3.0])
grad = lambda x: c * x - b


def run(step, state, n=3, x=None):
    x = x0.copy()
    xs = []
    for t in range(1, n + 1):
        x = step(x, grad(x), t, state)
        xs.append(x.copy())
    return xs


def sgd(lr, momentum=0.0, dampening=0.0, nesterov=False, wd=0.0):
    def step(x, g, t, s):
        g = g + wd * x
        if momentum != 0:
            s["b"] = g.copy() if t == 1 else momentum * s["b"] + (1 - dampening) * g
            g = g + momentum * s["b"] if nesterov else s["b"]
        return x - lr * g
    return step


def adagrad(lr=0.01, lr_decay=0.0, wd=0.0, init=0.0, eps=1e-10):
    def step(x, g, t, s):
        s.setdefault("sum", np.full(3, init))
        clr = lr / (1 + (t - 1) * lr_decay)
        g = g + wd * x
        s["sum"] = s["sum"] + g * g
        return x - clr * g / (np.sqrt(s["sum"]) + eps)
    return step


def rmsprop(lr=0.01, alpha=0.99, eps=1e-8, wd=0.0, momentum=0.0, centered=False):
    def step(x, g, t, s):
        g = g + wd * x
        s["v"] = alpha * s.get("v", 0) + (1 - alpha) * g * g
        v = s["v"]
        if centered:
            s["ga"] = alpha * s.get("ga", 0) + (1 - alpha) * g
            v = v - s["ga"] ** 2
        if momentum > 0:
            s["b"] = momentum * s.get("b", 0) + g / (np.sqrt(v) + eps)
            return x - lr * s["b"]
        return x - lr * g / (np.sqrt(v) + eps)
    return step


def adam(lr=1e-3, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, amsgrad=False, decoupled=False):
    def step(x, g, t, s):
        if decoupled:
            x = x * (1 - lr * wd)
        else:
            g = g + wd * x
        s["m"] = b1 * s.get("m", 0) + (1 - b1) * g
        s["v"] = b2 * s.get("v", 0) + (1 - b2) * g * g
        mh = s["m"] / (1 - b1 ** t)
        if amsgrad:
            s["vmax"] = np.maximum(s.get("vmax", 0), s["v"])
            vh = s["vmax"] / (1 - b2 ** t)
        else:
            vh = s["v"] / (1 - b2 ** t)
        return x - lr * mh / (np.sqrt(vh) + eps)
    return step


def lion(lr=1e-4, b1=0.9, b2=0.99, wd=0.0):
    def step(x, g, t, s):
        m = s.get("m", np.zeros(3))
        cc = b1 * m + (1 - b1) * g
        x = x - lr * (np.sign(cc) + wd * x)
        s["m"] = b2 * m + (1 - b2) * g
        return x
    return step


def signsgd(lr):
    return lambda x, g, t, s: x - lr * np.sign(g)


cases = {
    "sgd": sgd(0.1),
    "sgd_momentum": sgd(0.1, momentum=0.9, dampening=0.1, wd=0.01),
    "sgd_nesterov": sgd(0.1, momentum=0.9, nesterov=True),
    "adagrad": adagrad(0.1, lr_decay=0.01, wd=0.1, init=0.1),
    "rmsprop": rmsprop(0.01),
    "rmsprop_centered_momentum": rmsprop(0.01, alpha=0.9, momentum=0.5, centered=True, wd=0.1),
    "adam": adam(0.1),
    "adam_amsgrad_wd": adam(0.1, b1=0.8, b2=0.9, wd=0.1, amsgrad=True),
    "adamw": adam(0.1, wd=0.5, decoupled=True),
    "lion": lion(0.1, wd=0.5),
    "sign_sgd": signsgd(0.1),
}
out["inputs"]["opt_x0"] = x0.tolist()
out["inputs"]["opt_c"] = c.tolist()
out["inputs"]["opt_b"] = b.tolist()
for name, step in cases.items():
    out["expected"]["opt_" + name] = [v.tolist() for v in run(step, {})]

# L-BFGS-B on the SciPy tutorial's Rosenbrock start
xr = np.array([1.3, 0.7, 0.8, 1.9, 1.2])
r = minimize(rosen, xr, jac=rosen_der, method="L-BFGS-B")
out["inputs"]["rosen_x0"] = xr.tolist()
out["expected"]["lbfgsb_rosen"] = {"x": r.x.tolist(), "fun": float(r.fun), "nfev": int(r.nfev), "nit": int(r.nit)}
r = minimize(rosen, np.array([-1.2, 1.0]), jac=rosen_der, method="L-BFGS-B")
out["expected"]["lbfgsb_rosen2"] = {"x": r.x.tolist(), "fun": float(r.fun), "nfev": int(r.nfev), "nit": int(r.nit)}
# bounded: 0 <= x <= 0.7 on 4-D Rosenbrock from 0.3
xb = np.full(4, 0.3)
r = minimize(rosen, xb, jac=rosen_der, method="L-BFGS-B", bounds=[(0, 0.7)] * 4, options={"gtol": 1e-9, "ftol": 1e-15})
out["expected"]["lbfgsb_rosen_bounded"] = {"x": r.x.tolist(), "fun": float(r.fun), "nfev": int(r.nfev)}

# curve_fit: the SciPy documentation example
def func(x, a, b_, c_):
    return a * np.exp(-b_ * x) + c_

xdata = np.linspace(0, 4, 50)
rng = np.random.default_rng(1729)
ydata = func(xdata, 2.5, 1.3, 0.5) + 0.2 * rng.normal(size=xdata.size)
popt, pcov = curve_fit(func, xdata, ydata, p0=[1.0, 1.0, 1.0])
out["inputs"]["cf_x"] = xdata.tolist()
out["inputs"]["cf_y"] = ydata.tolist()
out["expected"]["cf_exp"] = {"popt": popt.tolist(), "pcov": pcov.ravel().tolist()}

# offset power law E + A x^-alpha on a literal learning curve
def plo(x, E, A, alpha):
    return E + A * x ** (-alpha)

xp = np.array([100, 200, 400, 800, 1600, 3200, 6400, 12800.0])
rng = np.random.default_rng(7)
yp = plo(xp, 0.3, 5.0, 0.6) * (1 + 0.01 * rng.normal(size=xp.size))
popt, pcov = curve_fit(plo, xp, yp, p0=[0.1, 1.0, 0.5], maxfev=10000)
out["inputs"]["pl_x"] = xp.tolist()
out["inputs"]["pl_y"] = yp.tolist()
out["expected"]["cf_plo"] = {"popt": popt.tolist(), "pcov": pcov.ravel().tolist()}
# saturating a (1 - exp(-x/b)) with weights sigma
def sat(x, a, b_):
    return a * (1 - np.exp(-x / b_))

xs = np.arange(1.0, 13.0)
rng = np.random.default_rng(11)
ys = sat(xs, 3.0, 4.0) + 0.05 * rng.normal(size=xs.size)
popt, pcov = curve_fit(sat, xs, ys, p0=[1.0, 1.0])
out["inputs"]["sat_x"] = xs.tolist()
out["inputs"]["sat_y"] = ys.tolist()
out["expected"]["cf_sat"] = {"popt": popt.tolist(), "pcov": pcov.ravel().tolist()}


# projections, sort-based
def proj_simplex(v, z=1.0):
    u = np.sort(v)[::-1]
    css = np.cumsum(u)
    rho = np.nonzero(u * np.arange(1, v.size + 1) > (css - z))[0][-1]
    theta = (css[rho] - z) / (rho + 1.0)
    return np.maximum(v - theta, 0)


def proj_l1(v, z=1.0):
    if np.abs(v).sum() <= z:
        return v.copy()
    return np.sign(v) * proj_simplex(np.abs(v), z)

rng = np.random.default_rng(3)
v = rng.normal(size=12) * 2
out["inputs"]["proj_v"] = v.tolist()
out["expected"]["simplex_1"] = proj_simplex(v).tolist()
out["expected"]["simplex_3"] = proj_simplex(v, 3.0).tolist()
out["expected"]["l1ball_2"] = proj_l1(v, 2.0).tolist()

with open("optim_reference.json", "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote optim_reference.json")
