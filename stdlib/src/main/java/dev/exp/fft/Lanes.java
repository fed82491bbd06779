package dev.exp.fft;

import dev.exp.kernel.Parallel;
import java.util.function.Supplier;

/**
 * Runs a one-dimensional operation on every lane of a row-major array along one axis. A lane is
 * gathered into a buffer (real values, or interleaved complex pairs: the element width is 1 or 2),
 * the operation writes the output lane, which is scattered into the result; the lane length may
 * change (padding, truncation, the half spectrum of a real transform). Large jobs are split over
 * the kernel thread budget ({@link Parallel}).
 */
final class Lanes {
  private Lanes() {}

  /** One lane's work: reads {@code in} (nIn elements), writes all of {@code out} (nOut elements). */
  interface Op {
    void run(double[] in, double[] out);
  }

  /** Work (lanes × length) below which a job runs on the calling thread. */
  private static final long PARALLEL_WORK = 1 << 16;

  /**
   * Applies an op along {@code axis} of {@code src} (shape {@code shape}, element width {@code wIn})
   * and returns the result, whose shape is {@code shape} with {@code shape[axis] = nOut} and whose
   * element width is {@code wOut}. {@code ops} makes one op per worker (ops may keep scratch space).
   */
  static double[] along(double[] src, int[] shape, int axis, int wIn, int nOut, int wOut, Supplier<Op> ops) {
    int nIn = shape[axis];
    long outerL = 1;
    for (int i = 0; i < axis; i++) {
      outerL *= shape[i];
    }
    long innerL = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      innerL *= shape[i];
    }
    int outer = (int) outerL;
    int inner = (int) innerL;
    long outLen = outerL * innerL * nOut * wOut;
    if (outLen > Integer.MAX_VALUE - 8) {
      throw new dev.exp.kernel.KernelException("result too large for one array (" + outLen + " values)");
    }
    double[] dst = new double[(int) outLen];
    long lanes = outerL * innerL;
    if (lanes == 0) {
      return dst;
    }
    long work = lanes * Math.max(nIn, nOut);
    int tasks = work < PARALLEL_WORK || Parallel.threads() <= 1 ? 1 : (int) Math.min(lanes, 4L * Parallel.threads());
    Parallel.forEach(tasks, t -> {
      long from = lanes * t / tasks;
      long to = lanes * (t + 1) / tasks;
      Op op = ops.get();
      double[] in = new double[nIn * wIn];
      double[] out = new double[nOut * wOut];
      for (long lane = from; lane < to; lane++) {
        int o = (int) (lane / inner);
        int i = (int) (lane % inner);
        int sBase = (o * nIn * inner + i) * wIn;
        int dBase = (o * nOut * inner + i) * wOut;
        gather(src, sBase, inner * wIn, wIn, in, nIn);
        op.run(in, out);
        scatter(out, nOut, dst, dBase, inner * wOut, wOut);
      }
    });
    return dst;
  }

  private static void gather(double[] src, int base, int stride, int w, double[] buf, int n) {
    if (stride == w) {
      System.arraycopy(src, base, buf, 0, n * w);
    } else if (w == 1) {
      for (int j = 0, p = base; j < n; j++, p += stride) {
        buf[j] = src[p];
      }
    } else {
      for (int j = 0, p = base; j < n; j++, p += stride) {
        buf[2 * j] = src[p];
        buf[2 * j + 1] = src[p + 1];
      }
    }
  }

  private static void scatter(double[] buf, int n, double[] dst, int base, int stride, int w) {
    if (stride == w) {
      System.arraycopy(buf, 0, dst, base, n * w);
    } else if (w == 1) {
      for (int j = 0, p = base; j < n; j++, p += stride) {
        dst[p] = buf[j];
      }
    } else {
      for (int j = 0, p = base; j < n; j++, p += stride) {
        dst[p] = buf[2 * j];
        dst[p + 1] = buf[2 * j + 1];
      }
    }
  }

  /** {@code shape} with {@code shape[axis]} replaced. */
  static int[] withDim(int[] shape, int axis, int n) {
    int[] s = shape.clone();
    s[axis] = n;
    return s;
  }
}
