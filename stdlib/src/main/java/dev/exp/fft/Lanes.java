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
    return along(src, shape, axis, wIn, nOut, wOut, ops, null);
  }

  /** A lane op on contiguous lanes that reads and writes the arrays in place at the lane offsets. */
  interface Direct {
    void run(double[] src, int srcOff, double[] dst, int dstOff);
  }

  /** Lanes per gather block for strided axes. */
  private static final int BLOCK = 8;

  /**
   * As {@link #along(double[], int[], int, int, int, int, Supplier)}; when the axis is the last one
   * and {@code direct} is given, it runs on the lanes where they lie, without gathering.
   */
  static double[] along(double[] src, int[] shape, int axis, int wIn, int nOut, int wOut, Supplier<Op> ops,
      Supplier<Direct> direct) {
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
    if (inner == 1 && direct != null) {
      Parallel.forEach(tasks, t -> {
        long from = lanes * t / tasks;
        long to = lanes * (t + 1) / tasks;
        Direct op = direct.get();
        for (long lane = from; lane < to; lane++) {
          op.run(src, (int) lane * nIn * wIn, dst, (int) lane * nOut * wOut);
        }
      });
      return dst;
    }
    // lanes are processed in blocks of consecutive inner indices, so a strided gather reads
    // BLOCK·w contiguous values per step instead of one
    long blocks = outerL * ((inner + BLOCK - 1) / BLOCK);
    int perOuter = (inner + BLOCK - 1) / BLOCK;
    int btasks = (int) Math.min(tasks, blocks);
    Parallel.forEach(btasks, t -> {
      long from = blocks * t / btasks;
      long to = blocks * (t + 1) / btasks;
      Op op = ops.get();
      double[][] in = new double[BLOCK][nIn * wIn];
      double[][] out = new double[BLOCK][nOut * wOut];
      for (long blk = from; blk < to; blk++) {
        int o = (int) (blk / perOuter);
        int i0 = (int) (blk % perOuter) * BLOCK;
        int cnt = Math.min(BLOCK, inner - i0);
        int sBase = (o * nIn * inner + i0) * wIn;
        for (int j = 0; j < nIn; j++) {
          int p = sBase + j * inner * wIn;
          for (int b = 0; b < cnt; b++) {
            for (int e = 0; e < wIn; e++) {
              in[b][j * wIn + e] = src[p + b * wIn + e];
            }
          }
        }
        for (int b = 0; b < cnt; b++) {
          op.run(in[b], out[b]);
        }
        int dBase = (o * nOut * inner + i0) * wOut;
        for (int j = 0; j < nOut; j++) {
          int p = dBase + j * inner * wOut;
          for (int b = 0; b < cnt; b++) {
            for (int e = 0; e < wOut; e++) {
              dst[p + b * wOut + e] = out[b][j * wOut + e];
            }
          }
        }
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
