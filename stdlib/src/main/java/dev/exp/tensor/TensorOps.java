package dev.exp.tensor;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.loops.ComplexLoops;
import dev.exp.tensor.loops.Loops;
import dev.exp.tensor.loops.Strided;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.Arrays;

/**
 * The op table's entry point for tensors: element-wise binary and unary operations with NumPy
 * broadcasting over any layout (contiguous, scalar-broadcast, strided, zero or negative strides).
 * The loop is chosen once per call: contiguous-contiguous, contiguous-scalar, scalar-contiguous, or
 * a row-wise walk of the broadcast operands (each row runs the contiguous loops directly when its
 * operands are unit- or zero-strided, else through a gathered row buffer). All paths run the same
 * inner loops ({@link Loops#active()}), so an element's value never depends on the layout.
 *
 * <p>Dtype rule: real op real gives float64; any complex operand gives complex128 (+ - * / ^, == and
 * != give 0/1 float64); ordering comparisons and the real-only functions on complex values are a
 * {@link KernelException}. Comparisons give 0/1 float64.
 */
public final class TensorOps {
  private TensorOps() {}

  /** {@code op(a, b)} element-wise with broadcasting. */
  public static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    return binary(Loops.active(), op, a, b);
  }

  /** {@code op(a)} element-wise. */
  public static Tensor unary(UnaryOp op, Tensor a) {
    return unary(Loops.active(), op, a);
  }

  /** As {@link #binary(BinaryOp, Tensor, Tensor)} with the given loops (tests compare the paths). */
  public static Tensor binary(Loops loops, BinaryOp op, Tensor a, Tensor b) {
    if (!op.isElementWise()) {
      throw new IllegalArgumentException("operator '" + op.symbol() + "' is not element-wise");
    }
    if (a.isComplex() || b.isComplex()) {
      return ComplexLoops.binary(op, a, b);
    }
    int[] as = a.shape();
    int[] bs = b.shape();
    int[] os = Tensor.broadcastShapes(as, bs);
    int n = size(os);
    dev.exp.kernel.Budget.doubles(n, "the result of shape " + Tensor.shapeString(os));
    double[] out = new double[n];
    double[] ad = a.storage();
    double[] bd = b.storage();
    boolean aFull = Arrays.equals(as, os);
    boolean bFull = Arrays.equals(bs, os);
    int ao = a.offset();
    int bo = b.offset();
    if (aFull && bFull && a.isContiguous() && b.isContiguous()) {
      chunks(n, (s, len) -> loops.binary(op, ad, ao + s, bd, bo + s, out, s, len));
    } else if (aFull && a.isContiguous() && b.size() == 1) {
      double y = bd[bo];
      chunks(n, (s, len) -> loops.binaryScalarRight(op, ad, ao + s, y, out, s, len));
    } else if (bFull && b.isContiguous() && a.size() == 1) {
      double x = ad[ao];
      chunks(n, (s, len) -> loops.binaryScalarLeft(op, x, bd, bo + s, out, s, len));
    } else if (n > 0) {
      int[][] st = {Strided.broadcastStrides(a, os), Strided.broadcastStrides(b, os)};
      int rows = new Strided(os, st, new int[] {ao, bo}).rows();
      rowChunks(rows, n / Math.max(1, rows), (r0, r1) -> strided(loops, op, a, b, os, st, out, r0, r1));
    }
    return Tensor.wrap(os, out);
  }

  /** Outputs of at least this many elements are split into chunks run on the kernel threads. */
  static final int PARALLEL_ELEMENTS = 1 << 18;
  /** Elements per chunk of a split operation. */
  static final int CHUNK = 1 << 16;

  /** A run of elements [start, start + len) of an operation. */
  interface Range {
    void run(int start, int len);
  }

  /**
   * Runs {@code body} over [0, n) in chunks, on the kernel threads when n is large. Every element is
   * computed independently of its position (the loops' contract), so the split never changes a bit.
   */
  static void chunks(int n, Range body) {
    if (n < PARALLEL_ELEMENTS || dev.exp.kernel.Parallel.threads() == 1) {
      body.run(0, n);
      return;
    }
    int tasks = (n + CHUNK - 1) / CHUNK;
    dev.exp.kernel.Parallel.forEach(tasks, t -> {
      int s = t * CHUNK;
      body.run(s, Math.min(CHUNK, n - s));
    });
  }

  /** As {@link #chunks} for a walk of {@code rows} rows of {@code rowLength} elements: body(r0, r1). */
  static void rowChunks(int rows, int rowLength, Range body) {
    long n = (long) rows * rowLength;
    if (n < PARALLEL_ELEMENTS || rows < 2 || dev.exp.kernel.Parallel.threads() == 1) {
      body.run(0, rows);
      return;
    }
    int per = Math.max(1, CHUNK / Math.max(1, rowLength));
    int tasks = (rows + per - 1) / per;
    dev.exp.kernel.Parallel.forEach(tasks, t -> {
      int r0 = t * per;
      body.run(r0, Math.min(rows, r0 + per));
    });
  }

  /** Rows [r0, r1) of a strided or broadcast binary operation. */
  private static void strided(Loops loops, BinaryOp op, Tensor a, Tensor b, int[] os, int[][] st, double[] out,
      int r0, int r1) {
    double[] ad = a.storage();
    double[] bd = b.storage();
    Strided it = new Strided(os, st, new int[] {a.offset(), b.offset()});
    it.seek(r0);
    int n = it.n;
    int sa = it.inner[0];
    int sb = it.inner[1];
    double[] bufA = sa == 0 || sa == 1 ? null : new double[n];
    double[] bufB = sb == 0 || sb == 1 ? null : new double[n];
    for (int r = r0; r < r1 && it.next(); r++) {
      int pa = it.pos[0];
      int pb = it.pos[1];
      double[] xa = ad;
      double[] xb = bd;
      if (bufA != null) {
        Strided.gather(ad, pa, sa, bufA, n);
        xa = bufA;
        pa = 0;
      }
      if (bufB != null) {
        Strided.gather(bd, pb, sb, bufB, n);
        xb = bufB;
        pb = 0;
      }
      if (sa == 0 && sb == 0) {
        Arrays.fill(out, it.row, it.row + n, op.apply(xa[pa], xb[pb]));
      } else if (sb == 0) {
        loops.binaryScalarRight(op, xa, pa, xb[pb], out, it.row, n);
      } else if (sa == 0) {
        loops.binaryScalarLeft(op, xa[pa], xb, pb, out, it.row, n);
      } else {
        loops.binary(op, xa, pa, xb, pb, out, it.row, n);
      }
    }
  }

  /** As {@link #unary(UnaryOp, Tensor)} with the given loops. */
  public static Tensor unary(Loops loops, UnaryOp op, Tensor a) {
    if (a.isComplex()) {
      return ComplexLoops.unary(op, a);
    }
    int[] s = a.shape();
    int n = a.size();
    double[] out = new double[n];
    double[] ad = a.storage();
    int ao = a.offset();
    if (a.isContiguous()) {
      chunks(n, (from, len) -> loops.unary(op, ad, ao + from, out, from, len));
    } else if (n > 0) {
      int[][] strides = {a.strides()};
      Strided walk = new Strided(s, strides, new int[] {ao});
      rowChunks(walk.rows(), walk.n, (r0, r1) -> {
        Strided it = new Strided(s, strides, new int[] {ao});
        it.seek(r0);
        int st = it.inner[0];
        double[] buf = st == 1 ? null : new double[it.n];
        for (int r = r0; r < r1 && it.next(); r++) {
          if (buf == null) {
            loops.unary(op, ad, it.pos[0], out, it.row, it.n);
          } else {
            Strided.gather(ad, it.pos[0], st, buf, it.n);
            loops.unary(op, buf, 0, out, it.row, it.n);
          }
        }
      });
    }
    return Tensor.wrap(s, out);
  }

  /** Number of elements of a shape. */
  static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n = d == 0 || n <= Long.MAX_VALUE / d ? n * d : Long.MAX_VALUE;
    }
    if (n > Integer.MAX_VALUE - 8) {
      // over the memory budget is a limit (exit code 3); within it, the per-tensor element count
      dev.exp.kernel.Budget.doubles(n, "the result of shape " + Tensor.shapeString(shape));
      throw KernelException.of("the result of shape %s would have too many elements", Tensor.shapeString(shape));
    }
    return (int) n;
  }

  /** Which loops run: "vector (8 x float64 lanes)" or "scalar". */
  public static String backend() {
    return Loops.active().describe();
  }

  /** Error for a complex operand of a real-only operation, naming it. */
  static KernelException realOnly(String what, Tensor t) {
    return KernelException.of("%s is not defined for complex values (got a complex128 tensor of shape %s)", what,
        Tensor.shapeString(t.shape()));
  }
}
