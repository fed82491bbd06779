package dev.exp.learn.distance;

/**
 * Exact squared Euclidean distance blocks for nearest-centre assignment (k-means) and k-nearest-neighbour
 * search. The squared distance of two d-vectors a, b is defined as the sum s = fma(e_j, e_j, s) of
 * e_j = a_j − b_j for j = 0 .. d−1 in that order (one fused multiply-add per dimension, starting from 0);
 * both implementations compute exactly this value, so their results are bit-identical and never suffer the
 * cancellation of the ‖a‖² + ‖b‖² − 2a·b form.
 *
 * <p>{@link #active()} is chosen once at start-up like the tensor loops: the Vector API implementation
 * ({@code VectorDistances}, register tiles of one vector of points against broadcast coordinates, whole tiles
 * rejected by one vector compare against the running k-th best) when the module {@code jdk.incubator.vector}
 * is in the boot layer and the system property {@code exp.vector} is not {@code false}; otherwise the scalar
 * implementation. Both order ties by the smaller index.
 */
public abstract class DistanceKernel {
  private static final DistanceKernel SCALAR = new ScalarDistances();
  private static final DistanceKernel ACTIVE = select();

  /** The implementation chosen at start-up. */
  public static DistanceKernel active() {
    return ACTIVE;
  }

  /**
   * Work (point pairs × coordinates) below which {@link #forWork} picks the scalar implementation: the
   * vector code runs slowly until the JIT has compiled it (about half a second of cold start), while the
   * scalar loops are fast from the first call; the results are the same either way.
   */
  public static final long VECTOR_MIN_WORK = 100_000_000L;

  /** The implementation for a call doing {@code work} pair-coordinate operations (see {@link #VECTOR_MIN_WORK}). */
  public static DistanceKernel forWork(double work) {
    return work >= VECTOR_MIN_WORK ? ACTIVE : SCALAR;
  }

  /** The scalar reference implementation. */
  public static DistanceKernel scalar() {
    return SCALAR;
  }

  /** The Vector API implementation, or null when it cannot run in this JVM. */
  public static DistanceKernel vectorOrNull() {
    return ACTIVE != SCALAR ? ACTIVE : loadVector();
  }

  private static DistanceKernel select() {
    if (!dev.exp.kernel.VectorImpl.enabled()) {
      return SCALAR;
    }
    DistanceKernel v = loadVector();
    return v == null ? SCALAR : v;
  }

  private static DistanceKernel loadVector() {
    DistanceKernel v = dev.exp.kernel.VectorImpl.load(DistanceKernel.class, "dev.exp.learn.distance.VectorDistances");
    return v != null && v.usable() ? v : null;
  }

  /** Whether this implementation can run here. */
  boolean usable() {
    return true;
  }

  /** "vector (8 x float64 lanes)" or "scalar". */
  public abstract String describe();

  /** The squared distance of rows a[ao .. ao+d) and b[bo .. bo+d) as defined above (the scalar reference). */
  public static double squared(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double e = a[ao + j] - b[bo + j];
      s = Math.fma(e, e, s);
    }
    return s;
  }

  /**
   * Prepares the n×d row-major matrix x (kept by reference, not modified) for repeated distance blocks: the
   * vector implementation adds a copy laid out in dimension-major tiles of {@link Points#width()} rows.
   */
  public abstract Points prepare(double[] x, int n, int d);

  /**
   * Nearest centre of the rows p0 .. p1−1 of the n×d row-major matrix x: labels[i] the index of
   * the closest of the k centres (k×d row-major, the smaller index on ties), mind[i] its squared distance.
   * When sums (k×d) is not null each point is added to its centre's row, in point order (the k-means update
   * step in the same pass over the data; both implementations add in the same order).
   */
  public abstract void assign(double[] x, int d, int p0, int p1, double[] centers, int k, int[] labels,
      double[] mind, double[] sums);

  /**
   * The k nearest reference points (k ≤ ref.rows()) of the queries q0 .. q1−1 of the m×d row-major matrix q:
   * for each query i, idx[i·k + t] and d2[i·k + t] (t = 0 .. k−1) list the winners ordered by (squared
   * distance, index). A point's order among equal distances is by its index.
   */
  public abstract void nearest(Points ref, double[] q, int q0, int q1, int k, int[] idx, double[] d2);
}
