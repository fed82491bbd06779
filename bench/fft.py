# Benchmark (not a test): the NumPy / SciPy peers of bench/fft.exp (bench/run-fft.sh), float64.
# numpy.fft (pocketfft) for the FFTs, a vectorised radix-2 butterfly for the Walsh-Hadamard transform
# (NumPy has none), scipy.signal.fftconvolve for the convolution, scipy.fft.dct (type 2, norm "backward") for the
# DCTs. 10 warm-ups, median/min of 15 runs; a run of the 4096-value DCT is 100 transforms, printed per transform.
import time

import numpy as np
import scipy.fft
import scipy.signal

rng = np.random.default_rng(1)
x20 = rng.standard_normal(1 << 20)
xp = rng.standard_normal(1009 * 1024)
m = rng.standard_normal((1024, 1024))
a = rng.standard_normal(100000)
b = rng.standard_normal(1000)
x12 = rng.standard_normal(4096)


def wht(x):
    y = x.copy()
    n = y.size
    h = 1
    while h < n:
        y = y.reshape(-1, 2, h)
        y = np.stack((y[:, 0] + y[:, 1], y[:, 0] - y[:, 1]), axis=1)
        h *= 2
    return y.reshape(n)


def report(name, f, count=1):
    for _ in range(10):
        f()
    ts = []
    for _ in range(15):
        t0 = time.perf_counter()
        f()
        ts.append((time.perf_counter() - t0) / count)
    print(f"{name} {np.median(ts) * 1000:.4f} {min(ts) * 1000:.4f}")


def dct_4096_x100():
    for _ in range(100):
        scipy.fft.dct(x12)


report("rfft_2^20", lambda: np.fft.rfft(x20))
report("fft_1009*1024", lambda: np.fft.fft(xp))
report("fft2_1024^2", lambda: np.fft.fft2(m))
report("wht_2^20", lambda: wht(x20))
report("convolve_1e5x1e3", lambda: scipy.signal.fftconvolve(a, b))
report("dct_2^20", lambda: scipy.fft.dct(x20))
report("dct_4096", dct_4096_x100, 100)
