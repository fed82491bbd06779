package dev.exp.learn;

/**
 * Dot products and axpy updates over contiguous runs of a {@code double[]}, the inner loops of the
 * coordinate-descent and logistic fits. Two implementations: this class (plain Java, always available,
 * the reference) and {@code VectorDots} ({@code jdk.incubator.vector}), chosen once ({@link #chosen()}):
 * the vector one when the module is in the boot layer and {@code -Dexp.vector=false} is not set.
 * Callers take {@link #active(long)} per batch of work: the scalar one until the session has done real
 * work, then the chosen one.
 *
 * <p>Both give bit-identical results (tested): a dot product accumulates element i of the first
 * n − n mod {@link #LANES} into lane i mod {@link #LANES} with a fused multiply-add, combines the lanes
 * pairwise in a fixed order (lane i + lane i + w for w = 8, 4, 2, 1), then adds the tail in order by
 * fused multiply-adds; axpy is one fused multiply-add per element. So fits do not depend on the
 * machine's vector width.
 */
public class Dots {
  /** Number of interleaved partial sums of {@link #dot}. */
  public static final int LANES = 16;

  private static final Dots SCALAR = new Dots();
  private static final dev.exp.kernel.WarmSwitch<Dots> SWITCH = new dev.exp.kernel.WarmSwitch<>(SCALAR, select());

  Dots() {}

  /** The implementation in use now (scalar first, then the chosen one: {@link dev.exp.kernel.WarmSwitch}). */
  public static Dots active() {
    return SWITCH.current();
  }

  /**
   * The implementation for work visiting about {@code elements} elements; counts them towards the
   * switch from the scalar to the chosen implementation (bit-identical, so only speed changes).
   */
  public static Dots active(long elements) {
    return SWITCH.use(elements);
  }

  /** The implementation chosen at start-up (vector when available and not disabled). */
  public static Dots chosen() {
    return SWITCH.chosen();
  }

  /** The scalar reference implementation. */
  public static Dots scalar() {
    return SCALAR;
  }

  /** The vector implementation, or null when the Vector API is not available in this JVM. */
  public static Dots vectorOrNull() {
    return SWITCH.chosen() != SCALAR ? SWITCH.chosen() : load();
  }

  private static Dots select() {
    if (!dev.exp.kernel.VectorImpl.enabled()) {
      return SCALAR;
    }
    Dots v = load();
    return v == null ? SCALAR : v;
  }

  private static Dots load() {
    Dots v = dev.exp.kernel.VectorImpl.load(Dots.class, "dev.exp.learn.VectorDots");
    return v != null && v.usable() ? v : null;
  }

  /** Whether this implementation can run here. */
  boolean usable() {
    return true;
  }

  /** Σ a[ao + i]·b[bo + i] for i in [0, n). */
  public double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    double s8 = 0;
    double s9 = 0;
    double s10 = 0;
    double s11 = 0;
    double s12 = 0;
    double s13 = 0;
    double s14 = 0;
    double s15 = 0;
    int up = n - n % LANES;
    int i = 0;
    for (; i < up; i += LANES) {
      s0 = Math.fma(a[ao + i + 0], b[bo + i + 0], s0);
      s1 = Math.fma(a[ao + i + 1], b[bo + i + 1], s1);
      s2 = Math.fma(a[ao + i + 2], b[bo + i + 2], s2);
      s3 = Math.fma(a[ao + i + 3], b[bo + i + 3], s3);
      s4 = Math.fma(a[ao + i + 4], b[bo + i + 4], s4);
      s5 = Math.fma(a[ao + i + 5], b[bo + i + 5], s5);
      s6 = Math.fma(a[ao + i + 6], b[bo + i + 6], s6);
      s7 = Math.fma(a[ao + i + 7], b[bo + i + 7], s7);
      s8 = Math.fma(a[ao + i + 8], b[bo + i + 8], s8);
      s9 = Math.fma(a[ao + i + 9], b[bo + i + 9], s9);
      s10 = Math.fma(a[ao + i + 10], b[bo + i + 10], s10);
      s11 = Math.fma(a[ao + i + 11], b[bo + i + 11], s11);
      s12 = Math.fma(a[ao + i + 12], b[bo + i + 12], s12);
      s13 = Math.fma(a[ao + i + 13], b[bo + i + 13], s13);
      s14 = Math.fma(a[ao + i + 14], b[bo + i + 14], s14);
      s15 = Math.fma(a[ao + i + 15], b[bo + i + 15], s15);
    }
    double sum = (((s0 + s8) + (s4 + s12)) + ((s2 + s10) + (s6 + s14)))
        + (((s1 + s9) + (s5 + s13)) + ((s3 + s11) + (s7 + s15)));
    for (; i < n; i++) {
      sum = Math.fma(a[ao + i], b[bo + i], sum);
    }
    return sum;
  }

  /** y[yo + i] += alpha·x[xo + i] for i in [0, n) (one fused multiply-add each). */
  public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
    }
  }

  /** The row stride {@link #syrkUpper} wants for rows of p values: p rounded up to a multiple of 8. */
  public static int stride(int p) {
    return (p + 7) / 8 * 8;
  }

  /**
   * The upper triangle of H += BᵀB for a block B [m, p] stored with row stride ps = {@link #stride}(p)
   * (zeros in the padding), H [ps, ps] row-major: every h[j·ps + l] with j &lt; p and j ≤ l &lt; ps
   * gains Σ_i b[i·ps + j]·b[i·ps + l], summed over i in order by fused multiply-adds from 0 and then
   * added (some entries left of the diagonal may be updated too; they are not meaningful).
   */
  public void syrkUpper(double[] b, int m, int p, int ps, double[] h) {
    for (int j = 0; j < p; j++) {
      for (int l = j; l < ps; l++) {
        double acc = 0;
        for (int i = 0; i < m; i++) {
          acc = Math.fma(b[i * ps + j], b[i * ps + l], acc);
        }
        h[j * ps + l] += acc;
      }
    }
  }
}
