package dev.exp.fft;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Discrete cosine and sine transforms of types I–IV with SciPy's unnormalised definitions
 * ({@code scipy.fft.dct}/{@code dst}, norm "backward"), O(N log N) for every N:
 * <ul>
 *   <li>type II: Makhoul's algorithm, one real FFT of length N of the reordered input
 *       (x[0], x[2], x[4], …, x[5], x[3], x[1]) and a twiddle per output pair;
 *   <li>type III: the same run backwards, one real inverse FFT of length N;
 *   <li>type IV: for even N one complex FFT of length N/2 of (x[2n] + i·x[N−1−2n]) between two
 *       twiddles; for odd N one complex FFT of length N;
 *   <li>type I: for DCT-I with N − 1 even (DST-I with N odd) half the outputs are a type I of about
 *       half the length (recursively) and the others a type III of half the length; otherwise one
 *       real FFT of the even (odd) extension, length 2(N − 1) (2(N + 1)).
 * </ul>
 * Sine transforms run the cosine algorithms with the input reversed or its odd terms negated, and
 * the output reversed or its odd terms negated, as the identities DST-II(x)[k] = DCT-II((−1)^n x)[N−1−k]
 * and DST-III/IV(x)[k] = (−1)^k·DCT-III/IV(reversed x)[k] say.
 *
 * <p>An instance is a plan for one (length, type, cosine or sine): read-only tables and FFT plans,
 * safe to share between threads; {@link #of} caches them. Scratch space is per thread
 * ({@link #scratch()}).
 */
final class Dct {
  private final int n;
  private final int type;
  private final boolean sine;
  /** The complex FFT plan of type IV. */
  private final DoubleFFT_1D plan;
  /** The real FFT of types II and III and of the type I extensions. */
  private final RealFft rfft;
  /** Twiddles: cos and sin of the angles each algorithm names. */
  private final double[] cos;
  private final double[] sin;
  /** Type IV: the post-twiddles. */
  private final double[] cos2;
  private final double[] sin2;
  /** Type III: 1 / (the factor the real inverse FFT applies to the plain sum). */
  private final double inverseFix;
  /** Type I split: the transforms of half the length giving the even and the odd outputs. */
  private final Dct evens;
  private final Dct odds;
  /** Doubles of scratch space apply needs (sub-plans included). */
  private final int scratch;

  /** Type I lengths at or below this use the extension's FFT directly instead of recursing. */
  private static final int RECURSE_MIN = 32;

  private Dct(int n, int type, boolean sine) {
    this.n = n;
    this.type = type;
    this.sine = sine;
    double[] c = null;
    double[] s = null;
    double[] c2 = null;
    double[] s2 = null;
    DoubleFFT_1D p = null;
    RealFft rf = null;
    double fix = 1;
    Dct ev = null;
    Dct od = null;
    int scr;
    switch (type) {
      case 2:
      case 3: {
        // exp(−iπk/(2N)) for k <= N/2
        int h = n / 2;
        c = new double[h + 1];
        s = new double[h + 1];
        for (int k = 0; k <= h; k++) {
          double a = Math.PI * k / (2.0 * n);
          c[k] = Math.cos(a);
          s[k] = Math.sin(a);
        }
        rf = new RealFft(n);
        fix = 1 / rf.inverseGain();
        scr = n;
        break;
      }
      case 4: {
        if (n % 2 == 0) {
          // pre exp(−iπm/N), post exp(−iπ(m + 1/4)/N) for m < N/2
          int h = n / 2;
          c = new double[h];
          s = new double[h];
          c2 = new double[h];
          s2 = new double[h];
          for (int m = 0; m < h; m++) {
            double a = Math.PI * m / n;
            c[m] = Math.cos(a);
            s[m] = Math.sin(a);
            double b = Math.PI * (m + 0.25) / n;
            c2[m] = Math.cos(b);
            s2[m] = Math.sin(b);
          }
          p = Plans.of(h);
        } else {
          // pre exp(−iπm/(2N)), post exp(−iπ(4m + 1)/(4N)) for m < N
          c = new double[n];
          s = new double[n];
          c2 = new double[n];
          s2 = new double[n];
          for (int m = 0; m < n; m++) {
            double a = Math.PI * m / (2.0 * n);
            c[m] = Math.cos(a);
            s[m] = Math.sin(a);
            double b = Math.PI * (4 * m + 1) / (4.0 * n);
            c2[m] = Math.cos(b);
            s2[m] = Math.sin(b);
          }
          p = Plans.of(n);
        }
        scr = n % 2 == 0 ? n : 2 * n;
        break;
      }
      default: {
        if (recurses(n, sine)) {
          // cosine: N = 2P + 1, evens a DCT-I of P + 1, odds a DCT-III of P;
          // sine: N = 2P − 1, evens (y[2j]) a DST-III of P, odds (y[2j+1]) a DST-I of P − 1
          int half = sine ? (n + 1) / 2 : (n - 1) / 2;
          ev = sine ? of(half, 3, true) : of(half + 1, 1, false);
          od = sine ? of(half - 1, 1, true) : of(half, 3, false);
          // inputs and outputs of both halves
          scr = 2 * n + Math.max(ev.scratch, od.scratch);
        } else {
          int m = sine ? 2 * (n + 1) : 2 * (n - 1);
          rf = new RealFft(m);
          scr = m;
        }
      }
    }
    this.plan = p;
    this.rfft = rf;
    this.cos = c;
    this.sin = s;
    this.cos2 = c2;
    this.sin2 = s2;
    this.inverseFix = fix;
    this.evens = ev;
    this.odds = od;
    this.scratch = scr;
  }

  private static boolean recurses(int n, boolean sine) {
    return n > RECURSE_MIN && (sine ? n % 2 == 1 : (n - 1) % 2 == 0);
  }

  // ------------------------------------------------------------------ the plan cache

  private static final int CAPACITY = 32;
  private static final Map<Long, Dct> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Dct> e) {
      return size() > CAPACITY;
    }
  };

  /**
   * The plan for transforms of length n (at least 1; 2 for DCT-I) and type 1–4, cosine or sine,
   * made once and shared (two threads asking together may both make it; one wins).
   */
  static Dct of(int n, int type, boolean sine) {
    long key = ((long) n << 4) | (type << 1) | (sine ? 1 : 0);
    synchronized (CACHE) {
      Dct d = CACHE.get(key);
      if (d != null) {
        return d;
      }
    }
    Dct d = new Dct(n, type, sine);
    synchronized (CACHE) {
      Dct old = CACHE.putIfAbsent(key, d);
      return old != null ? old : d;
    }
  }

  /** Each thread's scratch array, kept between calls (softly: the collector may take it back). */
  private static final ThreadLocal<SoftReference<double[]>> SCRATCH = new ThreadLocal<>();

  /**
   * A scratch array for {@link #apply}: this thread's, grown when too short. Use it on this thread
   * only, for one transform at a time.
   */
  double[] scratch() {
    int need = Math.max(1, scratch);
    SoftReference<double[]> r = SCRATCH.get();
    double[] w = r == null ? null : r.get();
    if (w == null || w.length < need) {
      w = new double[need];
      SCRATCH.set(new SoftReference<>(w));
    }
    return w;
  }

  /** The length 2(N−1), 2(N+1) or 2N normaliser M of SciPy's "forward" mode and of the inverses. */
  static double factor(int n, int type, boolean sine) {
    return type == 1 ? (sine ? 2.0 * (n + 1) : 2.0 * (n - 1)) : 2.0 * n;
  }

  /**
   * y[yo .. yo+N) = scale · the unnormalised transform of x[xo .. xo+N); w is scratch from
   * {@link #scratch()} (used from wo on). x is only read, and may not overlap y.
   */
  void apply(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    switch (type) {
      case 2:
        type2(x, xo, y, yo, scale, w, wo);
        break;
      case 3:
        type3(x, xo, y, yo, scale, w, wo);
        break;
      case 4:
        if (n % 2 == 0) {
          type4Even(x, xo, y, yo, scale, w, wo);
        } else {
          type4Odd(x, xo, y, yo, scale, w, wo);
        }
        break;
      default:
        if (evens != null) {
          type1Split(x, xo, y, yo, scale, w, wo);
        } else if (sine) {
          dst1(x, xo, y, yo, scale, w, wo);
        } else {
          dct1(x, xo, y, yo, scale, w, wo);
        }
    }
  }

  /** Makhoul: v = (x[0], x[2], …, x[3], x[1]), V = rfft(v), y[k] = 2·Re(exp(−iπk/2N)·V[k]). */
  private void type2(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    int h = n / 2;
    int top = wo + n - 1;
    if (sine) {
      // DST-II: the odd terms negated, the output reversed
      for (int i = 0; i < h; i++) {
        w[wo + i] = x[xo + 2 * i];
        w[top - i] = -x[xo + 2 * i + 1];
      }
    } else {
      for (int i = 0; i < h; i++) {
        w[wo + i] = x[xo + 2 * i];
        w[top - i] = x[xo + 2 * i + 1];
      }
    }
    if (n % 2 == 1) {
      w[wo + h] = x[xo + n - 1];
    }
    rfft.forward(w, wo);
    double s2 = 2 * scale;
    // y[k] = 2·Re(W^k·V[k]) and y[N−k] = −2·Im(W^k·V[k]), W = exp(−iπ/2N), for 0 < k < N/2
    int yk = sine ? yo + n - 1 : yo;
    int step = sine ? -1 : 1;
    y[yk] = s2 * w[wo];
    for (int k = 1; k < h; k++) {
      double a = w[wo + 2 * k];
      double b = w[wo + 2 * k + 1];
      double c = cos[k];
      double s = sin[k];
      y[yk + step * k] = s2 * (c * a + s * b);
      y[yk + step * (n - k)] = s2 * (s * a - c * b);
    }
    if (n % 2 == 0) {
      if (n > 1) {
        // k = N/2: V[N/2] is real
        y[yk + step * h] = s2 * cos[h] * w[wo + 1];
      }
    } else if (h > 0) {
      // k = (N−1)/2: its real part is packed last, its imaginary part second
      double a = w[wo + n - 1];
      double b = w[wo + 1];
      y[yk + step * h] = s2 * (cos[h] * a + sin[h] * b);
      y[yk + step * (n - h)] = s2 * (sin[h] * a - cos[h] * b);
    }
  }

  /**
   * Makhoul backwards: V[k] = exp(iπk/2N)·(x[k] − i·x[N−k]) (x[N] = 0), v = the unscaled inverse
   * real DFT of V, y = (v[0], v[N−1], v[1], v[N−2], …).
   */
  private void type3(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    int h = n / 2;
    // the input as read: reversed for DST-III (x'[k] = x[N−1−k])
    if (sine) {
      int r = xo + n - 1;
      w[wo] = x[r];
      for (int k = 1; k < h; k++) {
        double a = x[r - k];
        double b = x[xo + k - 1];
        double c = cos[k];
        double s = sin[k];
        w[wo + 2 * k] = c * a + s * b;
        w[wo + 2 * k + 1] = s * a - c * b;
      }
      if (n % 2 == 0) {
        if (n > 1) {
          w[wo + 1] = 2 * cos[h] * x[r - h];
        }
      } else if (h > 0) {
        double a = x[r - h];
        double b = x[xo + h - 1];
        w[wo + n - 1] = cos[h] * a + sin[h] * b;
        w[wo + 1] = sin[h] * a - cos[h] * b;
      }
    } else {
      w[wo] = x[xo];
      for (int k = 1; k < h; k++) {
        double a = x[xo + k];
        double b = x[xo + n - k];
        double c = cos[k];
        double s = sin[k];
        w[wo + 2 * k] = c * a + s * b;
        w[wo + 2 * k + 1] = s * a - c * b;
      }
      if (n % 2 == 0) {
        if (n > 1) {
          // k = N/2: (cos + i·sin)(π/4)·(a − i·a) = √2·a, real
          w[wo + 1] = 2 * cos[h] * x[xo + h];
        }
      } else if (h > 0) {
        double a = x[xo + h];
        double b = x[xo + n - h];
        w[wo + n - 1] = cos[h] * a + sin[h] * b;
        w[wo + 1] = sin[h] * a - cos[h] * b;
      }
    }
    rfft.inverse(w, wo);
    double f = scale * inverseFix;
    int top = wo + n - 1;
    if (sine) {
      // DST-III: the odd outputs negated
      for (int i = 0; i < h; i++) {
        y[yo + 2 * i] = f * w[wo + i];
        y[yo + 2 * i + 1] = -f * w[top - i];
      }
    } else {
      for (int i = 0; i < h; i++) {
        y[yo + 2 * i] = f * w[wo + i];
        y[yo + 2 * i + 1] = f * w[top - i];
      }
    }
    if (n % 2 == 1) {
      y[yo + n - 1] = f * w[wo + h];
    }
  }

  /**
   * Even N: z[m] = (x[2m] + i·x[N−1−2m])·exp(−iπm/N), Z = fft(z) (length N/2),
   * Z[k]·exp(−iπ(k + 1/4)/N) = (y[2k] − i·y[N−1−2k])/2.
   */
  private void type4Even(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    int h = n / 2;
    int r = xo + n - 1;
    for (int m = 0; m < h; m++) {
      // DST-IV reads the input reversed: the two halves of each pair swap
      double a = sine ? x[r - 2 * m] : x[xo + 2 * m];
      double b = sine ? x[xo + 2 * m] : x[r - 2 * m];
      double c = cos[m];
      double s = sin[m];
      w[wo + 2 * m] = a * c + b * s;
      w[wo + 2 * m + 1] = b * c - a * s;
    }
    plan.complexForward(w, wo);
    double s2 = 2 * scale;
    // DST-IV negates the odd outputs, the y[N−1−2k]
    double odd = sine ? -s2 : s2;
    int top = yo + n - 1;
    for (int k = 0; k < h; k++) {
      double a = w[wo + 2 * k];
      double b = w[wo + 2 * k + 1];
      double c = cos2[k];
      double s = sin2[k];
      y[yo + 2 * k] = s2 * (c * a + s * b);
      y[top - 2 * k] = odd * (s * a - c * b);
    }
  }

  /**
   * Odd N: u[m] = x[m]·exp(−iπm/(2N)), U = fft(u) (length N); y[2k] = 2·Re(exp(−iπ(4k+1)/(4N))·U[k])
   * for 2k < N, and that value is −y[2N−1−2k] for 2k >= N.
   */
  private void type4Odd(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    int r = xo + n - 1;
    for (int m = 0; m < n; m++) {
      double a = sine ? x[r - m] : x[xo + m];
      w[wo + 2 * m] = a * cos[m];
      w[wo + 2 * m + 1] = -a * sin[m];
    }
    plan.complexForward(w, wo);
    double s2 = 2 * scale;
    // DST-IV negates the odd outputs: the even ones come from 2k < N, the odd ones from 2k >= N
    double hi = sine ? s2 : -s2;
    int k = 0;
    for (; 2 * k < n; k++) {
      y[yo + 2 * k] = s2 * (cos2[k] * w[wo + 2 * k] + sin2[k] * w[wo + 2 * k + 1]);
    }
    for (; k < n; k++) {
      y[yo + 2 * n - 1 - 2 * k] = hi * (cos2[k] * w[wo + 2 * k] + sin2[k] * w[wo + 2 * k + 1]);
    }
  }

  /** DCT-I: the real FFT of the even extension (x[0], …, x[N−1], x[N−2], …, x[1]), length 2(N−1). */
  private void dct1(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    int m = 2 * (n - 1);
    System.arraycopy(x, xo, w, wo, n);
    for (int i = 1; i < n - 1; i++) {
      w[wo + m - i] = x[xo + i];
    }
    rfft.forward(w, wo);
    y[yo] = scale * w[wo];
    for (int k = 1; k < n - 1; k++) {
      y[yo + k] = scale * w[wo + 2 * k];
    }
    y[yo + n - 1] = scale * w[wo + 1];
  }

  /** DST-I: the real FFT of the odd extension (0, x[0], …, x[N−1], 0, −x[N−1], …, −x[0]), length 2(N+1). */
  private void dst1(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    int m = 2 * (n + 1);
    w[wo] = 0;
    w[wo + n + 1] = 0;
    for (int i = 0; i < n; i++) {
      w[wo + i + 1] = x[xo + i];
      w[wo + m - 1 - i] = -x[xo + i];
    }
    rfft.forward(w, wo);
    // y[k] = −Im A[k+1]
    for (int k = 0; k < n; k++) {
      y[yo + k] = -scale * w[wo + 2 * (k + 1) + 1];
    }
  }

  /**
   * DCT-I with N = 2P + 1: y[2k] = DCT-I(x[0] + x[2P], x[1] + x[2P−1], …, 2·x[P])[k] (length P + 1),
   * y[2k+1] = DCT-III(x[0] − x[2P], x[1] − x[2P−1], …, x[P−1] − x[P+1])[k] (length P).
   * DST-I with N = 2P − 1: y[2j] = DST-III(x[0] + x[N−1], …, x[P−2] + x[P], 2·x[P−1])[j] (length P),
   * y[2j+1] = DST-I(x[0] − x[N−1], …, x[P−2] − x[P])[j] (length P − 1).
   */
  private void type1Split(double[] x, int xo, double[] y, int yo, double scale, double[] w, int wo) {
    int ne = evens.n;
    int no = odds.n;
    int eIn = wo;
    int oIn = eIn + ne;
    int eOut = oIn + no;
    int oOut = eOut + ne;
    int sub = oOut + no;
    int r = xo + n - 1;
    // the same pairing for both: sums x[i] + x[N−1−i] and differences x[i] − x[N−1−i] for i below the middle
    for (int i = 0; i < no; i++) {
      double a = x[xo + i];
      double b = x[r - i];
      w[eIn + i] = a + b;
      w[oIn + i] = a - b;
    }
    w[eIn + ne - 1] = 2 * x[xo + ne - 1];
    evens.apply(w, eIn, w, eOut, scale, w, sub);
    if (no > 0) {
      odds.apply(w, oIn, w, oOut, scale, w, sub);
    }
    for (int j = 0; j < no; j++) {
      y[yo + 2 * j] = w[eOut + j];
      y[yo + 2 * j + 1] = w[oOut + j];
    }
    if (ne > no) {
      y[yo + 2 * no] = w[eOut + no];
    }
  }
}
