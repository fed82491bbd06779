package dev.exp.sparse;

import dev.exp.kernel.WarmSwitch;
import dev.exp.tensor.loops.Loops;

/**
 * The dense vector loops of sparse products and Krylov solvers on {@code double[]}: dot products, the
 * fused updates of CG and BiCGSTAB, and the diagonal sweeps of {@link DiagonalPlan}.
 *
 * <p>Two implementations, chosen once at start-up exactly as {@link Loops#active()} chooses the tensor
 * loops (the Vector API when the module {@code jdk.incubator.vector} is present and {@code
 * -Dexp.vector=false} is not set; otherwise {@link #scalar()}), and used from {@link #SWITCH_WORK}
 * element visits on (the scalar ones before: {@link WarmSwitch}). The vector class is only loaded by
 * reflection.
 *
 * <p>Contract (tested): both implementations give bit-identical results. Element-wise updates are
 * the plain IEEE operations written in each method's doc (no fused multiply-add). Every sum over
 * i in [0, n) uses {@link #LANES} interleaved partial sums, element i going to lane i mod 8, combined
 * by {@link #finish}; sums are not compensated (as BLAS {@code ddot}).
 */
public abstract class SolverLoops {
  /** Number of interleaved partial sums of every dot product and squared norm. */
  public static final int LANES = 8;

  /** Element visits on the scalar loops before the vector loops take over ({@link WarmSwitch}). */
  public static final long SWITCH_WORK = WarmSwitch.DEFAULT_WORK;

  private static final SolverLoops SCALAR = new ScalarSolverLoops();
  private static final WarmSwitch<SolverLoops> SWITCH = new WarmSwitch<>(SCALAR, select());

  SolverLoops() {}

  /** The loops in use now (scalar until {@link #SWITCH_WORK} visits, then the chosen ones). */
  public static SolverLoops active() {
    return SWITCH.current();
  }

  /** The loops to use for a call visiting about {@code elements} elements; counts them towards the switch. */
  public static SolverLoops active(long elements) {
    return SWITCH.use(elements);
  }

  /** The loops chosen at start-up: vector when available and not disabled, else scalar. */
  public static SolverLoops chosen() {
    return SWITCH.chosen();
  }

  /** The scalar reference loops. */
  public static SolverLoops scalar() {
    return SCALAR;
  }

  /** The vector loops, or null when the Vector API is not available in this JVM. */
  public static SolverLoops vectorOrNull() {
    return SWITCH.chosen() != SCALAR ? SWITCH.chosen() : loadVector();
  }

  private static SolverLoops select() {
    if (Loops.chosen() == Loops.scalar()) {
      return SCALAR;
    }
    SolverLoops v = loadVector();
    return v == null ? SCALAR : v;
  }

  private static SolverLoops loadVector() {
    SolverLoops v = dev.exp.kernel.VectorImpl.load(SolverLoops.class, "dev.exp.sparse.VectorSolverLoops");
    return v != null && v.usable() ? v : null;
  }

  /** Whether this implementation can run here. */
  boolean usable() {
    return true;
  }

  /** "vector (8 x float64 lanes)" or "scalar". */
  public abstract String describe();

  /** A fresh set of lane accumulators for {@link #dotInto}. */
  public static double[] newLanes() {
    return new double[LANES];
  }

  /** The sum held by lane accumulators: ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)). */
  public static double finish(double[] l) {
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
  }

  /** Adds a[i]·b[i] for i in [from, to) into lane i mod 8 of lanes. */
  public abstract void dotInto(double[] a, double[] b, int from, int to, double[] lanes);

  /** Σ a[i]·b[i] over [0, n). */
  public double dot(double[] a, double[] b, int n) {
    double[] l = newLanes();
    dotInto(a, b, 0, n, l);
    return finish(l);
  }

  /** y[i] = y[i] + alpha·x[i] over [0, n). */
  public abstract void axpy(double alpha, double[] x, double[] y, int n);

  /** x[i] = x[i]·alpha over [0, n). */
  public abstract void scale(double alpha, double[] x, int n);

  /** p[i] = z[i] + beta·p[i] over [0, n). */
  public abstract void xpby(double[] z, double beta, double[] p, int n);

  /**
   * The step of conjugate gradients: x[i] = x[i] + alpha·p[i], r[i] = r[i] − alpha·q[i]; returns Σ r[i]²
   * (of the new r).
   */
  public abstract double cgStep(double alpha, double[] p, double[] q, double[] x, double[] r, int n);

  /** BiCGSTAB's direction: p[i] = r[i] + beta·(p[i] − omega·v[i]). */
  public abstract void bicgDirection(double[] r, double beta, double omega, double[] v, double[] p, int n);

  /** s[i] = r[i] − alpha·v[i]; returns Σ s[i]². */
  public abstract double subtractNorm(double[] r, double alpha, double[] v, double[] s, int n);

  /** Both Σ t[i]² (into out[0]) and Σ t[i]·s[i] (into out[1]) in one pass. */
  public abstract void dot2(double[] t, double[] s, int n, double[] out);

  /**
   * BiCGSTAB's update: x[i] = x[i] + (alpha·p[i] + omega·s[i]), r[i] = s[i] − omega·t[i]; returns Σ r[i]².
   */
  public abstract double bicgStep(double alpha, double[] p, double omega, double[] s, double[] t, double[] x,
      double[] r, int n);

  /**
   * One diagonal of a banded product: y[yo + k] = (first ? 0 : y[yo + k]) + c·x[xo + k] for k in [0, len)
   * (with first, 0.0 + c·x exactly as a sum started at zero).
   */
  public abstract void diagonal(double c, double[] x, int xo, double[] y, int yo, int len, boolean first);

  /**
   * A constant-coefficient stencil: y[i] = ((0 + c[0]·x[i + off[0]]) + c[1]·x[i + off[1]]) + … over the
   * nd terms, for i in [lo, hi) (all x indices in range).
   */
  public abstract void stencil(double[] c, int[] off, int nd, double[] x, double[] y, int lo, int hi);

  /** As {@link #diagonal(double, double[], int, double[], int, int, boolean)} with c[co + k] per element. */
  public abstract void diagonal(double[] c, int co, double[] x, int xo, double[] y, int yo, int len, boolean first);
}
