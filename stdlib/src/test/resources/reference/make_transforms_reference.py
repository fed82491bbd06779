"""Writes transforms_reference.json: literal inputs drawn by NumPy and the outputs of NumPy / SciPy
(numpy.fft, scipy.fft, scipy.signal) and of direct, textbook formulas written here independently of
Exp (the Walsh-Hadamard matrix, the q-ary DFT as a sum, Moebius/zeta sums over subsets, Shapley and
Banzhaf values by enumerating permutations and coalitions, the Haar filter bank, Kronecker products).
The Java tests under dev.exp.fft / dev.exp.transforms compare Exp's kernels with it.
Regenerate with: python3 make_transforms_reference.py (needs numpy and scipy)."""
import itertools
import json
from math import comb, factorial

import numpy as np
import scipy.fft as sf
import scipy.linalg as sl
import scipy.signal as ss

rs = np.random.RandomState(20261201)
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


def inp(name, a):
    inputs[name] = enc(a)
    return np.asarray(a)


def exp(name, a):
    expected[name] = enc(a)


# ------------------------------------------------------------------ T01: FFT family
x7 = inp("x7", rs.randn(7))
x8 = inp("x8", rs.randn(8))
x9 = inp("x9", rs.randn(9))
x97 = inp("x97", rs.randn(97))
z13 = inp("z13", rs.randn(13) + 1j * rs.randn(13))
m65 = inp("m65", rs.randn(6, 5))
zm45 = inp("zm45", rs.randn(4, 5) + 1j * rs.randn(4, 5))
c345 = inp("c345", rs.randn(3, 4, 5))
for nm in ("backward", "ortho", "forward"):
    exp("fft_x7_" + nm, np.fft.fft(x7, norm=nm))
    exp("ifft_z13_" + nm, np.fft.ifft(z13, norm=nm))
    exp("rfft_x9_" + nm, np.fft.rfft(x9, norm=nm))
    exp("irfft_z13_" + nm, np.fft.irfft(z13, norm=nm))
exp("fft_x97", np.fft.fft(x97))
exp("fft_z13", np.fft.fft(z13))
exp("fft_x8_n10", np.fft.fft(x8, n=10))
exp("fft_x8_n5", np.fft.fft(x8, n=5))
exp("rfft_x8", np.fft.rfft(x8))
exp("rfft_x97", np.fft.rfft(x97))
exp("rfft_x7_n12", np.fft.rfft(x7, n=12))
exp("irfft_z13_n9", np.fft.irfft(z13, n=9))
exp("irfft_z13_n30", np.fft.irfft(z13, n=30))
exp("irfft_z13_n7", np.fft.irfft(z13, n=7))
exp("irfft_z13_n8", np.fft.irfft(z13, n=8))
exp("irfft_z13_n16", np.fft.irfft(z13, n=16))
exp("fft_m65_axis0", np.fft.fft(m65, axis=0))
exp("fft2_m65", np.fft.fft2(m65))
exp("ifft2_zm45_ortho", np.fft.ifft2(zm45, norm="ortho"))
exp("fft2_m65_s48", np.fft.fft2(m65, s=(4, 8)))
exp("rfft2_m65", np.fft.rfft2(m65))
exp("irfft2_zm45", np.fft.irfft2(zm45))
exp("irfft2_zm45_s47", np.fft.irfft2(zm45, s=(4, 7)))
exp("fftn_c345", np.fft.fftn(c345))
exp("fftn_c345_axes02", np.fft.fftn(c345, axes=(0, 2)))
exp("ifftn_c345_forward", np.fft.ifftn(c345, norm="forward"))
exp("rfftn_c345", np.fft.rfftn(c345))
exp("irfftn_rfftn_c345_s345", np.fft.irfftn(np.fft.rfftn(c345), s=(3, 4, 5), axes=(0, 1, 2)))
exp("rfftn_c345_axes10", np.fft.rfftn(c345, axes=(1, 0)))
exp("fftfreq_7_0.1", np.fft.fftfreq(7, 0.1))
exp("fftfreq_8", np.fft.fftfreq(8))
exp("rfftfreq_9_0.5", np.fft.rfftfreq(9, 0.5))
exp("fftshift_m65", np.fft.fftshift(m65))
exp("ifftshift_m65", np.fft.ifftshift(m65))
exp("fftshift_m65_axes1", np.fft.fftshift(m65, axes=1))
exp("fftshift_zm45", np.fft.fftshift(zm45))
for t in (1, 2, 3, 4):
    for nm in ("backward", "ortho", "forward"):
        exp("dct%d_x7_%s" % (t, nm), sf.dct(x7, type=t, norm=nm))
        exp("dst%d_x7_%s" % (t, nm), sf.dst(x7, type=t, norm=nm))
        exp("idct%d_x8_%s" % (t, nm), sf.idct(x8, type=t, norm=nm))
        exp("idst%d_x8_%s" % (t, nm), sf.idst(x8, type=t, norm=nm))
exp("dct2_m65_axis0_ortho", sf.dct(m65, type=2, axis=0, norm="ortho"))
exp("dst4_m65", sf.dst(m65, type=4))
a50 = inp("a50", rs.randn(50))
b7 = inp("b7", rs.randn(7))
b64 = inp("b64", rs.randn(64))
za = inp("za20", rs.randn(20) + 1j * rs.randn(20))
zb = inp("zb6", rs.randn(6) + 1j * rs.randn(6))
for mode in ("full", "same", "valid"):
    exp("conv_a50_b7_" + mode, ss.convolve(a50, b7, mode=mode, method="direct"))
    exp("conv_a50_b64_" + mode, ss.fftconvolve(a50, b64, mode=mode))
    exp("corr_a50_b7_" + mode, ss.correlate(a50, b7, mode=mode, method="direct"))
    exp("conv_za_zb_" + mode, ss.convolve(za, zb, mode=mode, method="direct"))
    exp("corr_za_zb_" + mode, ss.correlate(za, zb, mode=mode, method="direct"))
exp("conv_b7_a50_same", ss.convolve(b7, a50, mode="same"))

# ------------------------------------------------------------------ T03: Walsh-Hadamard
w16 = inp("w16", rs.randn(16))
wb = inp("wb", rs.randn(3, 8))
H = sl.hadamard(16)
changes = [(np.diff(np.sign(r)) != 0).sum() for r in H]
Hs = H[np.argsort(changes)]                          # Walsh (sequency) order: row s has s sign changes
Hd = H[[int(format(i, "04b")[::-1], 2) for i in range(16)]]   # Paley (dyadic) order: bit-reversed rows
exp("wht_w16", H @ w16)
exp("wht_w16_sequency", Hs @ w16)
exp("wht_w16_dyadic", Hd @ w16)
exp("wht_w16_forward", H @ w16 / 16)
exp("wht_w16_ortho", H @ w16 / 4)
exp("wht_wb", wb @ sl.hadamard(8).T)


# ------------------------------------------------------------------ T04: q-ary Fourier as a direct sum
def qft_direct(f, q):
    n = f.ndim
    out = np.zeros(f.shape, complex)
    pts = list(itertools.product(range(q), repeat=n))
    for k in pts:
        out[k] = sum(f[x] * np.exp(-2j * np.pi * np.dot(k, x) / q) for x in pts) / q ** n
    return out


f333 = inp("f333", rs.randn(3, 3, 3))
f44 = inp("f44", rs.randn(4, 4) + 1j * rs.randn(4, 4))
exp("qft_f333", qft_direct(f333, 3))
exp("qft_f44", qft_direct(f44, 4))


# ------------------------------------------------------------------ T06 / T08: lattice transforms and indices
n5 = 5
N5 = 1 << n5
game = inp("game5", rs.randn(N5))                    # v(S) at mask S (bit i: player i in S)
sub = lambda t, s: (t & s) == t
pc = lambda m: bin(m).count("1")
mob = np.array([sum((-1) ** pc(s & ~t) * game[t] for t in range(N5) if sub(t, s)) for s in range(N5)])
exp("mobius_game5", mob)
exp("zeta_game5", [sum(game[t] for t in range(N5) if sub(t, s)) for s in range(N5)])
exp("zeta_sup_game5", [sum(game[t] for t in range(N5) if sub(s, t)) for s in range(N5)])
exp("mobius_sup_game5", [sum((-1) ** pc(t & ~s) * game[t] for t in range(N5) if sub(s, t)) for s in range(N5)])
shap = np.zeros(n5)
for perm in itertools.permutations(range(n5)):
    m = 0
    for i in perm:
        shap[i] += game[m | 1 << i] - game[m]
        m |= 1 << i
exp("shapley_game5", shap / factorial(n5))
exp("banzhaf_game5", [np.mean([game[s | 1 << i] - game[s] for s in range(N5) if not s >> i & 1]) for i in range(n5)])


def delta(T, S):                                      # discrete derivative of v at S in the direction of T
    return sum((-1) ** (pc(T) - pc(L)) * game[S | L] for L in range(N5) if sub(L, T))


full = N5 - 1
for k in (1, 2, 3):
    si, bi, st = np.zeros(N5), np.zeros(N5), np.zeros(N5)
    for T in range(N5):
        t = pc(T)
        if t > k:
            continue
        rest = [S for S in range(N5) if S & T == 0]
        si[T] = sum(factorial(n5 - pc(S) - t) * factorial(pc(S)) / factorial(n5 - t + 1) * delta(T, S) for S in rest)
        bi[T] = sum(delta(T, S) for S in rest) / 2 ** (n5 - t)
        if t < k:
            st[T] = mob[T]
        else:
            st[T] = k / n5 * sum(delta(T, S) / comb(n5 - 1, pc(S)) for S in rest)
    exp("shapley_interaction_k%d" % k, si)
    exp("banzhaf_interaction_k%d" % k, bi)
    exp("shapley_taylor_k%d" % k, st)
    # Faith indices: the best polynomial of degree <= k in weighted least squares (Tsai et al. 2023)
    terms = [T for T in range(N5) if pc(T) <= k]
    X = np.array([[1.0 if sub(T, S) else 0.0 for T in terms] for S in range(N5)])
    fb = np.linalg.lstsq(X, game, rcond=None)[0]      # uniform weights: Faith-Banzhaf
    w = np.array([0 if pc(S) in (0, n5) else (n5 - 1) / (comb(n5, pc(S)) * pc(S) * (n5 - pc(S))) for S in range(N5)])
    inner = [S for S in range(N5) if pc(S) not in (0, n5)]
    A = X[inner] * np.sqrt(w[inner])[:, None]
    C = X[[0, full]]                                  # v(empty) and v(N) are matched exactly
    kkt = np.block([[2 * A.T @ A, C.T], [C, np.zeros((2, 2))]])
    rhs = np.concatenate([2 * A.T @ (game[inner] * np.sqrt(w[inner])), game[[0, full]]])
    fs = np.linalg.solve(kkt, rhs)[:len(terms)]
    ffb, ffs = np.zeros(N5), np.zeros(N5)
    ffb[terms], ffs[terms] = fb, fs
    exp("faith_banzhaf_k%d" % k, ffb)
    exp("faith_shapley_k%d" % k, ffs)

# ------------------------------------------------------------------ T17 / T24: Haar bank, Kronecker products
def haar_matrix(n, levels):                          # the analysis matrix, built level by level
    W = np.eye(n)
    size = n
    for _ in range(levels):
        L = np.eye(n)
        h = size // 2
        L[:size, :size] = 0
        for i in range(h):
            L[i, 2 * i] = L[i, 2 * i + 1] = 1 / np.sqrt(2)
            L[h + i, 2 * i], L[h + i, 2 * i + 1] = 1 / np.sqrt(2), -1 / np.sqrt(2)
        W = L @ W
        size = h
    return W


h24 = inp("h24", rs.randn(24))
hm = inp("hm", rs.randn(8, 12))
exp("haar_h24", haar_matrix(24, 3) @ h24)
exp("haar_h24_l1", haar_matrix(24, 1) @ h24)


def haar2(x, levels):
    y = x.copy()
    r, c = y.shape
    for _ in range(levels):
        y[:r, :c] = y[:r, :c] @ haar_matrix(c, 1).T
        y[:r, :c] = haar_matrix(r, 1) @ y[:r, :c]
        r, c = r // 2, c // 2
    return y


exp("haar2_hm", haar2(hm, 2))
exp("haar2_hm_l1", haar2(hm, 1))
ka = inp("ka", rs.randn(3, 4))
kb = inp("kb", rs.randn(2, 5))
kc = inp("kc", rs.randn(5, 4))
kv = inp("kv", rs.randn(20))
exp("kron_ka_kb", np.kron(ka, kb))
exp("kron_vec", np.kron(ka[0], kb[1]))
exp("khatri_rao_ka_kc", sl.khatri_rao(ka, kc))
exp("kron_matvec", np.kron(ka, kb) @ kv)

json.dump({"inputs": inputs, "expected": expected}, open("transforms_reference.json", "w"))
print(len(inputs), "inputs,", len(expected), "expected values")
