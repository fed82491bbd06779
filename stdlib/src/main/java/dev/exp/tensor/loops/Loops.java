package dev.exp.tensor.loops;

import dev.exp.kernel.Parallel;
import dev.exp.kernel.WarmSwitch;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.function.IntConsumer;

/**
 * The inner loops of element-wise math and reductions over contiguous runs of a {@code double[]}.
 * Each method picks the loop for its operator once (a switch outside the loop), never per element.
 *
 * <p>Two implementations: {@link ScalarLoops} (plain Java, always available, the reference) and
 * {@code VectorLoops} ({@code jdk.incubator.vector}). {@link #chosen()} is chosen once at start-up:
 * the vector loops when the module {@code jdk.incubator.vector} is in the boot layer and the system
 * property {@code exp.vector} is not {@code false}; otherwise the scalar loops. {@link #active()} runs
 * the scalar loops first and the chosen ones once the session has done real work ({@link WarmSwitch}).
 * The vector classes are only ever loaded by reflection, so a JVM without the module never links them.
 *
 * <p>Contract shared by both implementations (tested): every operator gives the same bits on both.
 * + - * /, comparisons, maximum/minimum, neg/abs/sqrt/square and the masks (isnan, sign, ...) are the
 * IEEE operations; exp and sigmoid run one algorithm from plain IEEE operations on both
 * ({@link VectorExp}, {@link ScalarExp}: within 2 ulp of {@link UnaryOp#apply}, and bits that never
 * depend on the JIT's state); the other transcendental functions run the scalar definitions on both;
 * the value of
 * an element never depends on its position in the run (tails are computed by the same vector code),
 * so blocking, strides and fusion never change results. Sums use a fixed order: {@link #SUM_LANES}
 * interleaved Neumaier-compensated accumulators (element i goes to lane i mod 8), combined by
 * {@link #finishSum}, and runs longer than {@link #SUM_CHUNK} are summed in chunks combined in order
 * ({@link #sum}); the vector loops keep exactly this order, so sums are bit-identical too.
 */
public abstract class Loops {
  /** Number of interleaved partial sums; runs handed to {@link #sumInto} start at lane 0. */
  public static final int SUM_LANES = 8;

  private static final Loops SCALAR = new ScalarLoops();
  private static final Loops CHOSEN = select();
  private static final Loops ACTIVE = CHOSEN == SCALAR ? SCALAR : new SwitchingLoops(new WarmSwitch<>(SCALAR, CHOSEN));

  /**
   * The loops for element-wise work: the scalar loops until the session has done enough work, then the
   * loops chosen at start-up ({@link WarmSwitch}; both give the same bits, so only speed changes).
   */
  public static Loops active() {
    return ACTIVE;
  }

  /** The loops chosen at start-up: vector when available and not disabled by -Dexp.vector=false. */
  public static Loops chosen() {
    return CHOSEN;
  }

  /** The scalar reference loops. */
  public static Loops scalar() {
    return SCALAR;
  }

  /** The vector loops, or null when the Vector API is not available in this JVM. */
  public static Loops vectorOrNull() {
    return CHOSEN != SCALAR ? CHOSEN : loadVector();
  }

  private static Loops select() {
    if (!dev.exp.kernel.VectorImpl.enabled()) {
      return SCALAR;
    }
    Loops v = loadVector();
    return v == null ? SCALAR : v;
  }

  private static Loops loadVector() {
    Loops v = dev.exp.kernel.VectorImpl.load(Loops.class, "dev.exp.tensor.loops.VectorLoops");
    return v != null && v.usable() ? v : null;
  }

  /** Whether this implementation can run here (the vector loops need at least 4 double lanes). */
  boolean usable() {
    return true;
  }

  /** "vector (8 x float64 lanes)" or "scalar": for {@code --version} and diagnostics. */
  public abstract String describe();

  /** out[o + i] = op(a[ai + i], b[bi + i]) for i in [0, n). Comparisons give 1.0 / 0.0. */
  public abstract void binary(BinaryOp op, double[] a, int ai, double[] b, int bi, double[] out, int oi, int n);

  /** out[o + i] = op(a[ai + i], y). */
  public abstract void binaryScalarRight(BinaryOp op, double[] a, int ai, double y, double[] out, int oi, int n);

  /** out[o + i] = op(x, b[bi + i]). */
  public abstract void binaryScalarLeft(BinaryOp op, double x, double[] b, int bi, double[] out, int oi, int n);

  /** out[o + i] = op(a[ai + i]). */
  public abstract void unary(UnaryOp op, double[] a, int ai, double[] out, int oi, int n);

  /**
   * Adds a[ai .. ai + n) into the lane accumulators {@code acc} (length 2 * SUM_LANES: sums, then
   * compensations); element ai + i goes to lane i mod SUM_LANES. Consecutive calls continue one sum
   * when every run but the last has a length divisible by SUM_LANES.
   */
  public abstract void sumInto(double[] a, int ai, int n, double[] acc);

  /** Math.max-semantics maximum of a[ai .. ai + n) and {@code init} (NaN if any is NaN). */
  public abstract double max(double[] a, int ai, int n, double init);

  /** Math.min-semantics minimum of a[ai .. ai + n) and {@code init}. */
  public abstract double min(double[] a, int ai, int n, double init);

  /**
   * Column-wise compensated accumulation: for i in [0, n), one Neumaier step of a[ai + i] into
   * (s[i], c[i]). Summing rows this way gives, per column, the sequential compensated sum.
   */
  public abstract void neumaierRows(double[] a, int ai, double[] s, double[] c, int n);

  /**
   * Elements per chunk of a long sum. A run longer than this is summed chunk by chunk (each chunk into
   * its own lane accumulators, finished by {@link #finishSum}), and the chunk totals are combined in
   * order by {@link #combineChunks}; the chunks may run on several threads without changing a bit, so
   * results depend on the data only, never on the thread count. A run of at most this many elements is
   * one chunk: the plain lane order.
   */
  public static final int SUM_CHUNK = 1 << 16;

  /** Chunks of at least this many in one sum run in parallel ({@link Parallel#forEach}). */
  static final int PARALLEL_CHUNKS = 4;

  /** The sum of a[ai .. ai + n) in the chunked order of {@link #SUM_CHUNK}. */
  public final double sum(double[] a, int ai, int n) {
    if (n <= SUM_CHUNK) {
      double[] acc = newSum();
      sumInto(a, ai, n, acc);
      return finishSum(acc);
    }
    int chunks = chunks(n);
    double[] parts = new double[chunks];
    IntConsumer task = c -> {
      int s = c * SUM_CHUNK;
      double[] acc = newSum();
      sumInto(a, ai + s, Math.min(SUM_CHUNK, n - s), acc);
      parts[c] = finishSum(acc);
    };
    if (chunks >= PARALLEL_CHUNKS) {
      Parallel.forEach(chunks, task);
    } else {
      for (int c = 0; c < chunks; c++) {
        task.accept(c);
      }
    }
    return combineChunks(parts);
  }

  /** The number of {@link #SUM_CHUNK} chunks of a run of n elements (at least 1). */
  public static int chunks(int n) {
    return Math.max(1, (int) ((n + (long) SUM_CHUNK - 1) / SUM_CHUNK));
  }

  /** Chunk totals added in order with Neumaier compensation (a single chunk is returned as it is). */
  public static double combineChunks(double[] parts) {
    if (parts.length == 1) {
      return parts[0];
    }
    double s = 0;
    double c = 0;
    for (double v : parts) {
      double t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      s = t;
    }
    double r = s + c;
    return Double.isNaN(r) && !Double.isNaN(s) ? s : r;
  }

  /** A fresh accumulator for {@link #sumInto}. */
  public static double[] newSum() {
    return new double[2 * SUM_LANES];
  }

  /** The sum held by lane accumulators: lanes combined in order 0..7 (compensated), then the compensations. */
  public static double finishSum(double[] acc) {
    double s = 0;
    double c = 0;
    for (int k = 0; k < SUM_LANES; k++) {
      double v = acc[k];
      double t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      s = t;
    }
    for (int k = 0; k < SUM_LANES; k++) {
      c += acc[SUM_LANES + k];
    }
    double r = s + c;
    return Double.isNaN(r) && !Double.isNaN(s) ? s : r;
  }

  /** The compensated value of one column accumulated by {@link #neumaierRows}. */
  public static double finishColumn(double s, double c) {
    double r = s + c;
    return Double.isNaN(r) && !Double.isNaN(s) ? s : r;
  }
}
