package dev.exp.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Discrete cosine and sine transforms of types I–IV with SciPy's unnormalised definitions
 * ({@code scipy.fft.dct}/{@code dst}, norm "backward"), each computed through one complex FFT of
 * an extended sequence (length 2N, or 2(N ∓ 1) for type I), so O(N log N) for every N. One
 * instance serves one lane length and keeps its scratch space (not thread-safe; one per worker).
 */
final class Dct {
  private final int n;
  private final int type;
  private final boolean sine;
  private final DoubleFFT_1D plan;
  private final double[] buf;
  private final double[] tmp;
  private double[] cos;
  private double[] sin;

  Dct(int n, int type, boolean sine) {
    this.n = n;
    this.type = type;
    this.sine = sine;
    int m = type == 1 ? (sine ? 2 * (n + 1) : 2 * (n - 1)) : 2 * n;
    this.plan = Plans.of(m);
    this.buf = new double[2 * m];
    this.tmp = new double[n];
    if (type != 1) {
      // twiddles exp(−iπk/(2N)) for k < 2N (types II–IV)
      cos = new double[2 * n + 1];
      sin = new double[2 * n + 1];
      for (int k = 0; k <= 2 * n; k++) {
        double a = Math.PI * k / (2.0 * n);
        cos[k] = Math.cos(a);
        sin[k] = Math.sin(a);
      }
    }
  }

  /** The length 2(N−1), 2(N+1) or 2N normaliser M of SciPy's "forward" mode and of the inverses. */
  static double factor(int n, int type, boolean sine) {
    return type == 1 ? (sine ? 2.0 * (n + 1) : 2.0 * (n - 1)) : 2.0 * n;
  }

  /** y = the unnormalised transform of x (both length N). */
  void apply(double[] x, double[] y) {
    if (!sine) {
      cosine(type, x, y);
      return;
    }
    switch (type) {
      case 1:
        dst1(x, y);
        break;
      case 2:
        for (int i = 0; i < n; i++) {
          tmp[i] = (i & 1) == 0 ? x[i] : -x[i];
        }
        double[] c = new double[n];
        cosine(2, tmp, c);
        for (int k = 0; k < n; k++) {
          y[k] = c[n - 1 - k];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          tmp[i] = x[n - 1 - i];
        }
        cosine(type, tmp, y);
        for (int k = 1; k < n; k += 2) {
          y[k] = -y[k];
        }
    }
  }

  private void cosine(int t, double[] x, double[] y) {
    java.util.Arrays.fill(buf, 0.0);
    switch (t) {
      case 1: {
        int m = 2 * (n - 1);
        for (int i = 0; i < n; i++) {
          buf[2 * i] = x[i];
        }
        for (int i = 1; i < n - 1; i++) {
          buf[2 * (m - i)] = x[i];
        }
        plan.complexForward(buf);
        for (int k = 0; k < n; k++) {
          y[k] = buf[2 * k];
        }
        break;
      }
      case 2: {
        for (int i = 0; i < n; i++) {
          buf[2 * i] = x[i];
          buf[2 * (2 * n - 1 - i)] = x[i];
        }
        plan.complexForward(buf);
        for (int k = 0; k < n; k++) {
          // Re(exp(−iπk/2N)·Y[k])
          y[k] = cos[k] * buf[2 * k] + sin[k] * buf[2 * k + 1];
        }
        break;
      }
      case 3: {
        for (int i = 0; i < n; i++) {
          double c = i == 0 ? x[0] : 2 * x[i];
          buf[2 * i] = c * cos[i];
          buf[2 * i + 1] = c * sin[i];
        }
        plan.complexInverse(buf, false);
        for (int k = 0; k < n; k++) {
          y[k] = buf[2 * k];
        }
        break;
      }
      default: {
        for (int i = 0; i < n; i++) {
          buf[2 * i] = x[i] * cos[i];
          buf[2 * i + 1] = -x[i] * sin[i];
        }
        plan.complexForward(buf);
        for (int k = 0; k < n; k++) {
          // 2·Re(exp(−iπ(2k+1)/4N)·Z[k])
          double a = Math.PI * (2 * k + 1) / (4.0 * n);
          y[k] = 2 * (Math.cos(a) * buf[2 * k] + Math.sin(a) * buf[2 * k + 1]);
        }
      }
    }
  }

  private void dst1(double[] x, double[] y) {
    java.util.Arrays.fill(buf, 0.0);
    int m = 2 * (n + 1);
    for (int i = 0; i < n; i++) {
      buf[2 * (i + 1)] = x[i];
      buf[2 * (m - 1 - i)] = -x[i];
    }
    plan.complexForward(buf);
    for (int k = 0; k < n; k++) {
      y[k] = -buf[2 * (k + 1) + 1];
    }
  }
}
