"""Writes solvers_reference.json: literal inputs drawn by NumPy and reference outputs of NumPy / SciPy
(python3 with numpy 2.x + scipy 1.x; no scikit-learn needed): scipy.sparse constructions (coo->csr with
duplicates, diags, kron-built Poisson matrices), dense solves (numpy.linalg.solve) of SPD, symmetric
indefinite and nonsymmetric systems, eigenvalues (numpy.linalg.eigh / eig), spectral radii of the Jacobi,
Gauss-Seidel and SOR iteration matrices formed densely, 1-norm condition numbers (numpy.linalg.cond(A, 1))
and scipy.sparse.linalg solutions. The Java tests under dev.exp.sparse / dev.exp.solvers compare Exp with it.
Regenerate with: python3 make_solvers_reference.py"""
import json

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

rs = np.random.RandomState(20261213)
inputs, expected = {}, {}


def enc(a):
    a = np.asarray(a)
    d = {"shape": list(a.shape)}
    if np.iscomplexobj(a):
        d["re"] = a.real.ravel().tolist()
        d["im"] = a.imag.ravel().tolist()
    else:
        d["re"] = a.astype(float).ravel().tolist()
    return d


# --- S02: triplets with duplicates, diags, Poisson by kron
r = rs.randint(0, 5, 30)
c = rs.randint(0, 4, 30)
v = rs.randn(30)
inputs["trip_r"], inputs["trip_c"], inputs["trip_v"] = enc(r), enc(c), enc(v)
S = sp.coo_matrix((v, (r, c)), shape=(5, 4)).tocsr()
expected["trip_dense"] = enc(S.toarray())
expected["trip_nnz"] = enc(np.array([S.nnz]))
D = sp.diags([rs.randn(5), rs.randn(6), 2.5], [-1, 0, 2], shape=(6, 6))
inputs["diag_m1"], inputs["diag_0"] = enc(D.diagonal(-1)), enc(D.diagonal(0))
expected["diags_dense"] = enc(D.toarray())
for n in (5,):
    T = sp.diags([-1.0, 2.0, -1.0], [-1, 0, 1], shape=(n, n))
    I = sp.identity(n)
    P2 = sp.kron(I, T) + sp.kron(T, I)
    P3 = sp.kron(sp.kron(I, I), T) + sp.kron(sp.kron(I, T), I) + sp.kron(sp.kron(T, I), I)
    expected["poisson2d_5"] = enc(P2.toarray())
    expected["poisson3d_5"] = enc(P3.toarray())

# --- systems
n = 40
Q, _ = np.linalg.qr(rs.randn(n, n))
lam = np.logspace(0, 3, n)
A_spd = (Q * lam) @ Q.T
A_spd = (A_spd + A_spd.T) / 2
b = rs.randn(n)
inputs["spd40"], inputs["b40"] = enc(A_spd), enc(b)
expected["spd40_x"] = enc(np.linalg.solve(A_spd, b))
x_cg, info = spla.cg(A_spd, b, rtol=1e-12, maxiter=2000)
expected["spd40_scipy_cg_x"] = enc(x_cg)
expected["spd40_eig"] = enc(np.linalg.eigvalsh(A_spd))
expected["spd40_cond1"] = enc(np.array([np.linalg.cond(A_spd, 1)]))

lam_ind = np.concatenate([-np.logspace(0, 2, 15), np.logspace(0, 2, 25)])
A_ind = (Q * lam_ind) @ Q.T
A_ind = (A_ind + A_ind.T) / 2
inputs["ind40"] = enc(A_ind)
expected["ind40_x"] = enc(np.linalg.solve(A_ind, b))
x_mr, info = spla.minres(A_ind, b, rtol=1e-12, maxiter=2000)
expected["ind40_scipy_minres_x"] = enc(x_mr)

A_ns = rs.randn(n, n) / np.sqrt(n) + 3 * np.eye(n)
inputs["ns40"] = enc(A_ns)
expected["ns40_x"] = enc(np.linalg.solve(A_ns, b))
ev = np.linalg.eigvals(A_ns)
ev = ev[np.argsort(-np.abs(ev), kind="stable")]
expected["ns40_eig_by_magnitude"] = enc(ev)
expected["ns40_cond1"] = enc(np.array([np.linalg.cond(A_ns, 1)]))
x_gm, info = spla.gmres(A_ns, b, rtol=1e-12, restart=10, maxiter=500)
expected["ns40_scipy_gmres_x"] = enc(x_gm)

# --- iteration matrices of a small diagonally dominant nonsymmetric matrix, formed densely
m = 12
A_it = rs.randn(m, m) * 0.3
A_it += np.diag(np.abs(A_it).sum(axis=1) + 1.0)
inputs["it12"] = enc(A_it)
Dm = np.diag(np.diag(A_it))
Lm = np.tril(A_it, -1)
Um = np.triu(A_it, 1)
rho = lambda G: np.max(np.abs(np.linalg.eigvals(G)))
expected["it12_rho_jacobi"] = enc(np.array([rho(np.eye(m) - np.linalg.solve(Dm, A_it))]))
expected["it12_rho_gs"] = enc(np.array([rho(np.eye(m) - np.linalg.solve(Dm + Lm, A_it))]))
w = 1.3
Msor = Dm / w + Lm
expected["it12_rho_sor13"] = enc(np.array([rho(np.eye(m) - np.linalg.solve(Msor, A_it))]))
Mssor = w / (2 - w) * (Dm / w + Lm) @ np.linalg.solve(Dm, Dm / w + Um)
expected["it12_rho_ssor13"] = enc(np.array([rho(np.eye(m) - np.linalg.solve(Mssor, A_it))]))
G = np.eye(m) - np.linalg.solve(Msor, A_it)
xv = rs.randn(m)
inputs["it12_v"] = enc(xv)
expected["it12_sor13_apply"] = enc(G @ xv)
expected["it12_x"] = enc(np.linalg.solve(A_it, b[:m]))

# --- convection-diffusion (upwind, 1-D) solved by bicgstab in scipy
nc = 50
h = 1.0 / (nc + 1)
pe = 40.0
Tc = sp.diags([-1 - pe * h, 2 + pe * h, -1.0], [-1, 0, 1], shape=(nc, nc)).tocsr()
bc = np.ones(nc)
expected["cd50_x"] = enc(spla.spsolve(Tc.tocsc(), bc))

with open("solvers_reference.json", "w") as f:
    json.dump({"inputs": inputs, "expected": expected}, f)
print("wrote", len(inputs), "inputs and", len(expected), "expected values")
