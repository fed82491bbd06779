package dev.exp.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The real FFT of one length in JTransforms' packed layout (for even n: a[0] = X[0], a[1] = X[n/2],
 * a[2k], a[2k+1] = Re, Im X[k] for 0 < k < n/2; for odd n: a[1] = Im X[(n−1)/2], a[n−1] = Re X[(n−1)/2]).
 * JTransforms' own real transform is fast for powers of two and lengths with small factors, but
 * for an even length with a large prime factor (Bluestein) it costs about twice its complex
 * transform of half the length; there the real sequence, read as n/2 complex values, goes through
 * that complex transform and one O(n) pass splits the even and odd halves. Read-only after
 * construction, so one instance may serve several threads.
 */
final class RealFft {
  private final int n;
  /** JTransforms' real transform of length n, or null when the half-length complex one is used. */
  private final DoubleFFT_1D real;
  /** The complex transform of length n/2 (split mode). */
  private final DoubleFFT_1D half;
  /** cos and sin of 2πk/n for k <= n/4 (split mode). */
  private final double[] cos;
  private final double[] sin;
  /** What {@link #inverse} multiplies the plain sum Σ_k X[k]·exp(2πijk/n) by. */
  private final double inverseGain;

  RealFft(int n) {
    this.n = n;
    if (n % 2 == 1 || Integer.bitCount(n) == 1 || smooth(n)) {
      real = Plans.of(n);
      half = null;
      cos = null;
      sin = null;
      // JTransforms' unscaled real inverse is half the plain sum for some lengths: measure it
      double[] probe = new double[n];
      probe[0] = 1;
      real.realInverse(probe, false);
      inverseGain = probe[0];
    } else {
      real = null;
      int h = n / 2;
      half = Plans.of(h);
      int q = h / 2;
      cos = new double[q + 1];
      sin = new double[q + 1];
      for (int k = 0; k <= q; k++) {
        double a = 2 * Math.PI * k / n;
        cos[k] = Math.cos(a);
        sin[k] = Math.sin(a);
      }
      inverseGain = 1;
    }
  }

  /** Whether n has no prime factor above 5 (JTransforms' fast mixed radices). */
  static boolean smooth(int n) {
    for (int p : new int[] {2, 3, 5}) {
      while (n % p == 0) {
        n /= p;
      }
    }
    return n == 1;
  }

  /** The forward transform of a[off .. off+n), in place, packed. */
  void forward(double[] a, int off) {
    if (real != null) {
      real.realForward(a, off);
      return;
    }
    int h = n / 2;
    // z[j] = a[2j] + i·a[2j+1]; Z = fft(z); X[k] = E[k] + W^k·O[k] with E, O the spectra of the even
    // and odd samples, E[k] = (Z[k] + conj Z[h−k])/2, O[k] = (Z[k] − conj Z[h−k])/(2i), W = exp(−2πi/n)
    half.complexForward(a, off);
    double z0r = a[off];
    double z0i = a[off + 1];
    a[off] = z0r + z0i;
    a[off + 1] = z0r - z0i;
    for (int k = 1, m = h - 1; k <= m; k++, m--) {
      int pk = off + 2 * k;
      int pm = off + 2 * m;
      double ar = a[pk];
      double ai = a[pk + 1];
      double cr = a[pm];
      double ci = a[pm + 1];
      double er = 0.5 * (ar + cr);
      double ei = 0.5 * (ai - ci);
      double or = 0.5 * (ai + ci);
      double oi = 0.5 * (cr - ar);
      // T = W^k·O, W^k = cos − i·sin
      double c = cos[k];
      double s = sin[k];
      double tr = c * or + s * oi;
      double ti = c * oi - s * or;
      // X[k] = E + T, X[h−k] = conj(E − T)
      a[pk] = er + tr;
      a[pk + 1] = ei + ti;
      a[pm] = er - tr;
      a[pm + 1] = ti - ei;
    }
  }

  /**
   * The inverse of {@link #forward}, in place: gain · Σ_k X[k]·exp(2πijk/n) over the full Hermitian
   * spectrum (no 1/n), with gain = {@link #inverseGain()}.
   */
  void inverse(double[] a, int off) {
    if (real != null) {
      real.realInverse(a, off, false);
      return;
    }
    int h = n / 2;
    // 2·Z[k] = (X[k] + conj X[h−k]) + i·conj(W^k)·(X[k] − conj X[h−k]); the unscaled complex inverse
    // of 2·Z is n/h = 2 times the inverse's h-point sum, that is the plain n-point sum
    double x0 = a[off];
    double xh = a[off + 1];
    a[off] = x0 + xh;
    a[off + 1] = x0 - xh;
    for (int k = 1, m = h - 1; k <= m; k++, m--) {
      int pk = off + 2 * k;
      int pm = off + 2 * m;
      double p = a[pk];
      double q = a[pk + 1];
      double r = a[pm];
      double s = a[pm + 1];
      double er = p + r;
      double ei = q - s;
      double tr = p - r;
      double ti = q + s;
      // O = conj(W^k)·T, conj(W^k) = cos + i·sin
      double c = cos[k];
      double sn = sin[k];
      double or = c * tr - sn * ti;
      double oi = c * ti + sn * tr;
      a[pk] = er - oi;
      a[pk + 1] = ei + or;
      a[pm] = er + oi;
      a[pm + 1] = or - ei;
    }
    half.complexInverse(a, off, false);
  }

  /** The factor {@link #inverse} applies to the plain sum (1, or ½ for JTransforms' power-of-two quirk). */
  double inverseGain() {
    return inverseGain;
  }
}
