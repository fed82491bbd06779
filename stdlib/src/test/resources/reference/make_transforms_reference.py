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

json.dump({"inputs": inputs, "expected": expected}, open("transforms_reference.json", "w"))
print(len(inputs), "inputs,", len(expected), "expected values")
