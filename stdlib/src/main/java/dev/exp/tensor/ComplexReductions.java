package dev.exp.tensor;

import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;

/**
 * Products, cumulative sums and products, variance and standard deviation of complex tensors, as
 * NumPy defines them: prod and the scans multiply complex numbers; var is the mean of |z − mean(z)|²
 * (a real result: the variance of the real part plus that of the imaginary part), std its root.
 */
final class ComplexReductions {
  private ComplexReductions() {}

  /** The product along {@code axis} (null: of every value, a {@link Complex} unless keepdims). */
  static Object prod(Tensor x, Integer axis, boolean keepdims) {
    double[] z = x.complexRaw();
    if (axis == null) {
      double re = 1;
      double im = 0;
      for (int k = 0; k < x.size(); k++) {
        double r = re * z[2 * k] - im * z[2 * k + 1];
        im = re * z[2 * k + 1] + im * z[2 * k];
        re = r;
      }
      if (!keepdims) {
        return new Complex(re, im);
      }
      int[] ones = new int[x.rank()];
      java.util.Arrays.fill(ones, 1);
      return Tensor.wrapComplex(ones, new double[] {re, im});
    }
    int ax = Tensor.normalizeAxis(axis, x.rank());
    int[] shape = x.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(shape, ax);
    double[] out = new double[2 * l.count()];
    for (int lane = 0; lane < l.count(); lane++) {
      int p = l.start(lane);
      double re = 1;
      double im = 0;
      for (int i = 0; i < l.n(); i++, p += l.inner()) {
        double r = re * z[2 * p] - im * z[2 * p + 1];
        im = re * z[2 * p + 1] + im * z[2 * p];
        re = r;
      }
      out[2 * lane] = re;   // lanes are numbered (outer, inner): the result's row-major order
      out[2 * lane + 1] = im;
    }
    int[] os = keepdims ? shape.clone() : new int[shape.length - 1];
    if (keepdims) {
      os[ax] = 1;
    } else {
      for (int d = 0, k = 0; d < shape.length; d++) {
        if (d != ax) {
          os[k++] = shape[d];
        }
      }
    }
    return Tensor.wrapComplex(os, out);
  }

  /** cumsum ({@code sum}) or cumprod along {@code axis} (null: of the flattened values). */
  static Tensor scan(Tensor x, Integer axis, boolean sum) {
    Tensor src = axis == null || x.rank() == 0 ? x.reshape(x.size()) : x;
    int ax = Tensor.normalizeAxis(axis == null ? 0 : axis, src.rank());
    TensorArgs.Lanes l = TensorArgs.Lanes.of(src.shape(), ax);
    double[] z = src.complexRaw();
    double[] out = new double[z.length];
    for (int lane = 0; lane < l.count() && l.n() > 0; lane++) {
      int p = l.start(lane);
      double re = sum ? 0 : 1;
      double im = 0;
      for (int i = 0; i < l.n(); i++, p += l.inner()) {
        if (sum) {
          re += z[2 * p];
          im += z[2 * p + 1];
        } else {
          double r = re * z[2 * p] - im * z[2 * p + 1];
          im = re * z[2 * p + 1] + im * z[2 * p];
          re = r;
        }
        out[2 * p] = re;
        out[2 * p + 1] = im;
      }
    }
    return Tensor.wrapComplex(src.shape(), out);
  }

  /** var(re) + var(im): the mean squared distance |z − mean(z)|², as numpy.var of a complex array. */
  static Object var(Tensor x, Integer axis, double ddof, boolean keepdims) {
    Object re = Reductions.var(ComplexKernels.partView(x, true), axis, ddof, keepdims);
    Object im = Reductions.var(ComplexKernels.partView(x, false), axis, ddof, keepdims);
    if (re instanceof Double a && im instanceof Double b) {
      return a + b;
    }
    return TensorOps.binary(BinaryOp.ADD, (Tensor) re, (Tensor) im);
  }

  static Object std(Tensor x, Integer axis, double ddof, boolean keepdims) {
    Object v = var(x, axis, ddof, keepdims);
    return v instanceof Double d ? (Object) Math.sqrt(d) : TensorOps.unary(UnaryOp.SQRT, (Tensor) v);
  }
}
