package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.blas.Blas;

/**
 * Matrix products: {@code matmul} (the semantics of Exp's {@code @} operator), {@code dot} and
 * {@code outer}. Products run on {@link Blas} (native OpenBLAS, or the pure-Java fallback).
 */
public final class MatMul {
  private MatMul() {}

  @Kernel(name = "matmul", doc = "Matrix product with NumPy matmul rules; the operator a @ b. "
      + "vector @ vector is the dot product (a number, as NumPy's scalar); matrix @ vector and vector @ matrix treat the vector "
      + "as a column / row and drop that axis; with rank > 2 the last two axes are matrices and the leading "
      + "axes broadcast (batched product). Complex operands multiply by real products of their parts "
      + "(complex128 result). Example: q @ transpose(k)")
  public static Tensor matmul(@Arg("a") Tensor a, @Arg("b") Tensor b) {
    // inside the interpreter, long products (over ~2^24 multiply-adds, several ms) poll the
    // evaluation's limits between row blocks; short ones run as one block
    dev.exp.kernel.KernelContext ctx = dev.exp.kernel.KernelContext.current();
    long work = (long) a.size() * (b.rank() >= 2 ? b.dim(b.rank() - 1) : 1);
    boolean poll = ctx != dev.exp.kernel.KernelContext.NONE && work >= (1L << 24);
    return matmul(a, b, poll ? ctx::poll : Blas.NO_POLL);
  }

  /** A 2-D view whose storage is the row-major transpose (strides [1, rows]): {@code x.T} of a contiguous matrix. */
  private static boolean transposedView(Tensor t) {
    return t.rank() == 2 && !t.isContiguous() && t.stride(0) == 1 && t.stride(1) == t.dim(0) && t.dim(0) > 1
        && t.dim(1) > 1;
  }

  /**
   * {@link #matmul(Tensor, Tensor)} with a hook polled between blocks of roughly {@link Blas#BLOCK_MILLIS}
   * ms of work (between row blocks of a long product and between batch entries); the hook may throw to
   * abandon the product.
   */
  public static Tensor matmul(Tensor a, Tensor b, Runnable poll) {
    if (a.isComplex() || b.isComplex()) {
      return complexMatmul(a, b, poll);
    }
    int ra = a.rank();
    int rb = b.rank();
    if (ra == 0 || rb == 0) {
      throw KernelException.of("matmul: operands must have at least one dimension, got shapes %s and %s (use * for scalars)",
          Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()));
    }
    int[] sa = a.shape();
    int[] sb = b.shape();
    int[] ma = ra == 1 ? new int[] {1, sa[0]} : sa;
    int[] mb = rb == 1 ? new int[] {sb[0], 1} : sb;
    int m = ma[ma.length - 2];
    int k = ma[ma.length - 1];
    int k2 = mb[mb.length - 2];
    int n = mb[mb.length - 1];
    if (k != k2) {
      throw KernelException.of("matmul: shapes %s and %s are not aligned: %d (last axis of a) != %d (%s axis of b)",
          Tensor.shapeString(sa), Tensor.shapeString(sb), k, k2, rb == 1 ? "only" : "second-to-last");
    }
    int[] ba = java.util.Arrays.copyOf(ma, ma.length - 2);
    int[] bb = java.util.Arrays.copyOf(mb, mb.length - 2);
    int[] batch;
    try {
      batch = Tensor.broadcastShapes(ba, bb);
    } catch (KernelException e) {
      throw KernelException.of("matmul: batch dimensions of %s and %s cannot be broadcast together",
          Tensor.shapeString(sa), Tensor.shapeString(sb));
    }
    int nb = TensorArgs.prod(batch, 0, batch.length);
    // result shape
    int[] os = new int[batch.length + (ra == 1 ? 0 : 1) + (rb == 1 ? 0 : 1)];
    System.arraycopy(batch, 0, os, 0, batch.length);
    int p = batch.length;
    if (ra != 1) {
      os[p++] = m;
    }
    if (rb != 1) {
      os[p] = n;
    }
    dev.exp.kernel.Budget.doubles((long) nb * m * n, "the result of " + Tensor.shapeString(sa) + " @ "
        + Tensor.shapeString(sb));
    if ((long) nb * m * n > Integer.MAX_VALUE - 8) {
      throw KernelException.of("matmul: the result of %s @ %s would have too many elements",
          Tensor.shapeString(sa), Tensor.shapeString(sb));
    }
    double[] c = new double[nb * m * n];
    if (nb == 1 && ra <= 2 && rb <= 2 && !a.isComplex() && !b.isComplex()) {
      // one product: contiguous operands (views with an offset too) and transposed views of contiguous
      // matrices go to the BLAS in place, without a copy
      boolean ta = transposedView(a);
      boolean tb = transposedView(b);
      if ((ta || a.isContiguous()) && (tb || b.isContiguous())) {
        Blas.dgemm(ta, tb, m, n, k, a.storage(), a.offset(), b.storage(), b.offset(), c, 0, poll);
        return Tensor.wrap(os, c);
      }
    }
    double[] ad = a.raw();
    double[] bd = b.raw();
    if (nb == 1 || TensorArgs.prod(bb, 0, bb.length) == 1 && java.util.Arrays.equals(ba, batch)) {
      // one product, or a stack of matrices times one matrix: the stack is one (nb·m)×k matrix
      Blas.dgemm(false, false, nb * m, n, k, ad, 0, bd, 0, c, 0, poll);
      return Tensor.wrap(os, c);
    }
    int[] sta = Tensor.broadcastStrides(ba, batch.length);
    int[] stb = Tensor.broadcastStrides(bb, batch.length);
    int[] idx = new int[batch.length];
    int offA = 0;
    int offB = 0;
    for (int t = 0; t < nb; t++) {
      if (t > 0 && poll != Blas.NO_POLL) {
        poll.run();
      }
      Blas.dgemm(false, false, m, n, k, ad, offA * m * k, bd, offB * k * n, c, t * m * n, poll);
      for (int d = batch.length - 1; d >= 0; d--) {
        idx[d]++;
        offA += sta[d];
        offB += stb[d];
        if (idx[d] < batch[d]) {
          break;
        }
        offA -= sta[d] * batch[d];
        offB -= stb[d] * batch[d];
        idx[d] = 0;
      }
    }
    return Tensor.wrap(os, c);
  }

  /**
   * A product with a complex128 operand from real products of the parts (the real BLAS runs; each
   * part is an O(1) view): (ar + i·ai)(br + i·bi) = (ar·br − ai·bi) + i·(ar·bi + ai·br), skipping the
   * products of an absent imaginary part.
   */
  private static Tensor complexMatmul(Tensor a, Tensor b, Runnable poll) {
    Tensor ar = a.isComplex() ? ComplexKernels.partView(a, true) : a;
    Tensor ai = a.isComplex() ? ComplexKernels.partView(a, false) : null;
    Tensor br = b.isComplex() ? ComplexKernels.partView(b, true) : b;
    Tensor bi = b.isComplex() ? ComplexKernels.partView(b, false) : null;
    Tensor re = matmul(ar, br, poll);
    Tensor im = null;
    if (ai != null && bi != null) {
      re = TensorOps.binary(dev.exp.tensor.op.BinaryOp.SUB, re, matmul(ai, bi, poll));
    }
    if (bi != null) {
      im = matmul(ar, bi, poll);
    }
    if (ai != null) {
      Tensor p = matmul(ai, br, poll);
      im = im == null ? p : TensorOps.binary(dev.exp.tensor.op.BinaryOp.ADD, im, p);
    }
    return Tensor.complex(re, im);
  }

  @Kernel(name = "dot", doc = "Dot product of two vectors (a number); for other ranks the same as matmul(a, b).")
  public static Object dot(@Arg("a") Tensor a, @Arg("b") Tensor b) {
    if (a.rank() == 1 && b.rank() == 1) {
      return dot(a.raw(), b.raw(), a, b);
    }
    if (a.rank() == 0 || b.rank() == 0) {
      return Tensor.zip(a, b, (x, y) -> x * y);
    }
    return matmul(a, b);
  }

  private static double dot(double[] x, double[] y, Tensor a, Tensor b) {
    if (x.length != y.length) {
      throw KernelException.of("dot: vectors have different lengths: shapes %s and %s",
          Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()));
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  @Kernel(name = "outer", doc = "Outer product: the matrix a[i] * b[j] of two vectors (inputs are flattened). "
      + "Example: outer([1, 2], [1, 10, 100])")
  public static Tensor outer(@Arg("a") Tensor a, @Arg("b") Tensor b) {
    double[] x = a.raw();
    double[] y = b.raw();
    // the memory budget first (a limit, exit code 3), then the per-tensor element count
    dev.exp.kernel.Budget.doubles((long) x.length * y.length, "the result (" + x.length + " × " + y.length + " values)");
    if ((long) x.length * y.length > Integer.MAX_VALUE - 8) {
      throw KernelException.of("outer: the result would have too many elements (%d × %d)", x.length, y.length);
    }
    double[] d = new double[x.length * y.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        d[i * y.length + j] = x[i] * y[j];
      }
    }
    return Tensor.wrap(new int[] {x.length, y.length}, d);
  }
}
