package dev.exp.fft;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One-dimensional linear convolution and cross-correlation (real or complex), by FFT (zero-padded
 * to a 2·3·5-smooth length) or directly, with {@code scipy.signal.convolve}'s modes.
 */
public final class Convolution {
  private Convolution() {}

  private static final String MODE_DOC = " mode: \"full\" (default, length na + nb − 1), \"same\" (length na, centred "
      + "as SciPy: from index ⌊(nb − 1)/2⌋ of the full result) or \"valid\" (length |na − nb| + 1, where the shorter "
      + "input lies wholly inside the longer). method: \"auto\" (direct when the direct sum is cheaper — a short "
      + "kernel — else FFT), \"fft\" or \"direct\". Real inputs give a real result, complex ones a complex result.";

  @Kernel(name = "fft.convolve", doc = "The linear convolution (a ∗ b)[k] = Σ_j a[j]·b[k − j] of two vectors, as "
      + "scipy.signal.convolve / fftconvolve." + MODE_DOC + " Example: fft.convolve([1, 2, 3], [0, 1, 0.5]) is "
      + "[0, 1, 2.5, 4, 1.5]")
  public static Tensor convolve(@Arg("a") Tensor a, @Arg("b") Tensor b, @Arg(value = "mode", dflt = "\"full\"") String mode,
      @Arg(value = "method", dflt = "\"auto\"") String method) {
    return run(a, b, false, mode, method, "fft.convolve");
  }

  @Kernel(name = "fft.correlate", doc = "The cross-correlation c[k] = Σ_j a[j + k − (nb − 1)]·conj(b[j]) of two "
      + "vectors, as scipy.signal.correlate: the convolution of a with b reversed and conjugated (the full result's "
      + "middle index nb − 1 is lag 0)." + MODE_DOC + " Example: fft.correlate([1, 2, 3], [1, 1]) is [1, 3, 5, 3] (mode: \"valid\": [3, 5])")
  public static Tensor correlate(@Arg("a") Tensor a, @Arg("b") Tensor b, @Arg(value = "mode", dflt = "\"full\"") String mode,
      @Arg(value = "method", dflt = "\"auto\"") String method) {
    return run(a, b, true, mode, method, "fft.correlate");
  }

  private static Tensor run(Tensor a, Tensor b, boolean correlate, String mode, String method, String fn) {
    if (a.rank() != 1 || b.rank() != 1) {
      throw KernelException.of("%s: needs two vectors, got shapes %s and %s", fn, Tensor.shapeString(a.shape()),
          Tensor.shapeString(b.shape()));
    }
    int na = a.size();
    int nb = b.size();
    if (na == 0 || nb == 0) {
      throw KernelException.of("%s: inputs must not be empty (lengths %d and %d)", fn, na, nb);
    }
    if (!mode.equals("full") && !mode.equals("same") && !mode.equals("valid")) {
      throw KernelException.of("%s: mode must be \"full\", \"same\" or \"valid\", got \"%s\"", fn, mode);
    }
    if (!method.equals("auto") && !method.equals("fft") && !method.equals("direct")) {
      throw KernelException.of("%s: method must be \"auto\", \"fft\" or \"direct\", got \"%s\"", fn, method);
    }
    int full = na + nb - 1;
    int len = mode.equals("full") ? full : mode.equals("same") ? na : Math.max(na, nb) - Math.min(na, nb) + 1;
    int start = (full - len) / 2;
    boolean cx = a.isComplex() || b.isComplex();
    int nfft = fastLength(full);
    boolean direct = method.equals("direct")
        || method.equals("auto") && (double) Math.min(na, nb) * len <= 6.0 * nfft * (Math.log(nfft) / Math.log(2) + 4);
    if (!cx) {
      double[] x = a.raw();
      double[] y = reversedIf(b.raw(), correlate);
      double[] r = direct ? directReal(x, y, start, len)
          : Math.min(na, nb) * 8L < Math.max(na, nb) ? overlapAdd(x, y, start, len) : fftReal(x, y, nfft, start, len);
      return Tensor.wrap(new int[] {len}, r);
    }
    double[] x = a.complexRaw();
    double[] y = b.complexRaw();
    if (correlate) {
      y = reverseConj(y);
    }
    double[] r = direct ? directComplex(x, y, start, len) : fftComplex(x, y, nfft, start, len);
    return Tensor.wrapComplex(new int[] {len}, r);
  }

  /** The smallest even 2^a·3^b·5^c >= n (JTransforms' fast radices). */
  static int fastLength(int n) {
    if (n <= 2) {
      return 2;
    }
    long best = Long.MAX_VALUE;
    for (long p5 = 1; p5 < 2L * n; p5 *= 5) {
      for (long p35 = p5; p35 < 2L * n; p35 *= 3) {
        long v = p35 * 2;
        while (v < n) {
          v *= 2;
        }
        best = Math.min(best, v);
      }
    }
    return (int) best;
  }

  private static double[] reversedIf(double[] v, boolean rev) {
    if (!rev) {
      return v;
    }
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[v.length - 1 - i];
    }
    return r;
  }

  private static double[] reverseConj(double[] z) {
    int n = z.length / 2;
    double[] r = new double[z.length];
    for (int i = 0; i < n; i++) {
      r[2 * i] = z[2 * (n - 1 - i)];
      r[2 * i + 1] = -z[2 * (n - 1 - i) + 1];
    }
    return r;
  }

  static double[] directReal(double[] x, double[] y, int start, int len) {
    double[] r = new double[len];
    int nx = x.length;
    int ny = y.length;
    for (int o = 0; o < len; o++) {
      int k = o + start;
      int jLo = Math.max(0, k - ny + 1);
      int jHi = Math.min(nx - 1, k);
      double s = 0;
      for (int j = jLo; j <= jHi; j++) {
        s += x[j] * y[k - j];
      }
      r[o] = s;
    }
    return r;
  }

  static double[] directComplex(double[] x, double[] y, int start, int len) {
    double[] r = new double[2 * len];
    int nx = x.length / 2;
    int ny = y.length / 2;
    for (int o = 0; o < len; o++) {
      int k = o + start;
      double sr = 0;
      double si = 0;
      for (int j = Math.max(0, k - ny + 1); j <= Math.min(nx - 1, k); j++) {
        double ar = x[2 * j];
        double ai = x[2 * j + 1];
        double br = y[2 * (k - j)];
        double bi = y[2 * (k - j) + 1];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
      }
      r[2 * o] = sr;
      r[2 * o + 1] = si;
    }
    return r;
  }

  static double[] fftReal(double[] x, double[] y, int nfft, int start, int len) {
    DoubleFFT_1D plan = Plans.of(nfft);
    double[] fa = java.util.Arrays.copyOf(x, nfft);
    double[] fb = java.util.Arrays.copyOf(y, nfft);
    plan.realForward(fa);
    plan.realForward(fb);
    // packed (even nfft): [Re0, Re(n/2), Re1, Im1, ...]
    fa[0] *= fb[0];
    fa[1] *= fb[1];
    for (int k = 2; k < nfft; k += 2) {
      double ar = fa[k];
      double ai = fa[k + 1];
      double br = fb[k];
      double bi = fb[k + 1];
      fa[k] = ar * br - ai * bi;
      fa[k + 1] = ar * bi + ai * br;
    }
    plan.realInverse(fa, true);
    return java.util.Arrays.copyOfRange(fa, start, start + len);
  }

  /**
   * Overlap-add for a long signal and a short kernel: the long input is cut into blocks that are
   * convolved with the kernel by FFTs of a cache-sized length (about 8 times the kernel) and the
   * overlapping tails added, O(n log k) instead of O(n log n).
   */
  static double[] overlapAdd(double[] x, double[] y, int start, int len) {
    double[] lng = x.length >= y.length ? x : y;
    double[] sht = x.length >= y.length ? y : x;
    int k = sht.length;
    int nfft = Integer.highestOneBit(Math.max(8 * k, 64) - 1) << 1;
    int step = nfft - k + 1;
    DoubleFFT_1D plan = Plans.of(nfft);
    double[] fk = java.util.Arrays.copyOf(sht, nfft);
    plan.realForward(fk);
    int full = lng.length + k - 1;
    double[] acc = new double[full];
    double[] buf = new double[nfft];
    for (int s0 = 0; s0 < lng.length; s0 += step) {
      int m = Math.min(step, lng.length - s0);
      java.util.Arrays.fill(buf, 0.0);
      System.arraycopy(lng, s0, buf, 0, m);
      plan.realForward(buf);
      buf[0] *= fk[0];
      buf[1] *= fk[1];
      for (int q = 2; q < nfft; q += 2) {
        double ar = buf[q];
        double ai = buf[q + 1];
        buf[q] = ar * fk[q] - ai * fk[q + 1];
        buf[q + 1] = ar * fk[q + 1] + ai * fk[q];
      }
      plan.realInverse(buf, true);
      int outLen = Math.min(m + k - 1, full - s0);
      for (int q = 0; q < outLen; q++) {
        acc[s0 + q] += buf[q];
      }
    }
    return java.util.Arrays.copyOfRange(acc, start, start + len);
  }

  static double[] fftComplex(double[] x, double[] y, int nfft, int start, int len) {
    DoubleFFT_1D plan = Plans.of(nfft);
    double[] fa = java.util.Arrays.copyOf(x, 2 * nfft);
    double[] fb = java.util.Arrays.copyOf(y, 2 * nfft);
    plan.complexForward(fa);
    plan.complexForward(fb);
    for (int k = 0; k < 2 * nfft; k += 2) {
      double ar = fa[k];
      double ai = fa[k + 1];
      double br = fb[k];
      double bi = fb[k + 1];
      fa[k] = ar * br - ai * bi;
      fa[k + 1] = ar * bi + ai * br;
    }
    plan.complexInverse(fa, true);
    return java.util.Arrays.copyOfRange(fa, 2 * start, 2 * (start + len));
  }
}
