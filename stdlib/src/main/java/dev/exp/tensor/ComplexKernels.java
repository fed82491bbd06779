package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;

/**
 * Building complex values and taking them apart: {@code complex}, {@code real}, {@code imag},
 * {@code conj}, {@code angle} (and the complex case of {@code abs}). A number or a {@link Complex}
 * gives a scalar back, a tensor gives a tensor of the same shape.
 */
public final class ComplexKernels {
  private ComplexKernels() {}

  @Kernel(name = "complex", doc = "The complex number (or complex128 tensor) re + im·i; re and im broadcast "
      + "together. Example: complex(1, 2) is 1+2i, complex([1, 2], 0) is [1+0i, 2+0i]")
  public static Object complex(@Arg("re") Object re, @Arg(value = "im", dflt = "0") Object im) {
    if (re instanceof Number a && im instanceof Number b) {
      return new Complex(a.doubleValue(), b.doubleValue());
    }
    Tensor r = TensorArgs.toTensor(re, "complex: re");
    Tensor i = TensorArgs.toTensor(im, "complex: im");
    if (r.isComplex() || i.isComplex()) {
      throw KernelException.of("complex: re and im must be real, got a %s re and a %s im", r.dtype(), i.dtype());
    }
    int[] os = Tensor.broadcastShapes(r.shape(), i.shape());
    return Tensor.complex(r.broadcastTo(os), i.broadcastTo(os));
  }

  @Kernel(name = "real", doc = "The real part (z.re): a real number or float64 tensor; a real x is returned as is.")
  public static Object real(@Arg("z") Object z) {
    return part(z, true);
  }

  @Kernel(name = "imag", doc = "The imaginary part (z.im): a real number or float64 tensor; 0 for a real x.")
  public static Object imag(@Arg("z") Object z) {
    return part(z, false);
  }

  @Kernel(name = "conj", doc = "The complex conjugate re - im·i, element-wise; a real x is returned as is.")
  public static Object conj(@Arg("z") Object z) {
    if (z instanceof Complex c) {
      return c.conj();
    }
    if (z instanceof Number) {
      return z;
    }
    Tensor t = TensorArgs.toTensor(z, "conj: z");
    if (!t.isComplex()) {
      return t;
    }
    double[] d = t.complexRaw().clone();
    for (int k = 1; k < d.length; k += 2) {
      d[k] = -d[k];
    }
    return Tensor.wrapComplex(t.shape(), d);
  }

  @Kernel(name = "angle", doc = "The argument (phase) atan2(im, re) in (-π, π], element-wise; 0 or π for reals.")
  public static Object angle(@Arg("z") Object z) {
    if (z instanceof Complex c) {
      return c.angle();
    }
    if (z instanceof Number n) {
      return Math.atan2(0.0, n.doubleValue());
    }
    Tensor t = TensorArgs.toTensor(z, "angle: z");
    if (!t.isComplex()) {
      return t.map(v -> Math.atan2(0.0, v));
    }
    double[] d = t.complexRaw();
    double[] out = new double[t.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = Math.atan2(d[2 * k + 1], d[2 * k]);
    }
    return Tensor.wrap(t.shape(), out);
  }

  /** |z| element-wise for a {@link Complex} (a double) or a complex128 tensor (a float64 tensor). */
  public static Object abs(Object z) {
    if (z instanceof Complex c) {
      return c.abs();
    }
    Tensor t = (Tensor) z;
    double[] d = t.complexRaw();
    double[] out = new double[t.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = Math.hypot(d[2 * k], d[2 * k + 1]);
    }
    return Tensor.wrap(t.shape(), out);
  }

  /**
   * Element-wise {@code a == b} (or {@code !=} when {@code eq} is false) with broadcasting, where a
   * or b may be complex: 1 where both parts are equal, else 0 (a float64 tensor).
   */
  public static Tensor equal(Tensor a, Tensor b, boolean eq) {
    int[] os = Tensor.broadcastShapes(a.shape(), b.shape());
    double[] x = a.broadcastTo(os).complexRaw();
    double[] y = b.broadcastTo(os).complexRaw();
    double[] out = new double[x.length / 2];
    for (int k = 0; k < out.length; k++) {
      boolean same = x[2 * k] == y[2 * k] && x[2 * k + 1] == y[2 * k + 1];
      out[k] = same == eq ? 1 : 0;
    }
    return Tensor.wrap(os, out);
  }

  /** Whether {@code z} is a complex scalar or a complex128 tensor. */
  public static boolean isComplex(Object z) {
    return z instanceof Complex || z instanceof Tensor t && t.isComplex();
  }

  /** The real ({@code re}) or imaginary part of a number, complex number or tensor. */
  public static Object part(Object z, boolean re) {
    if (z instanceof Complex c) {
      return re ? c.re() : c.im();
    }
    if (z instanceof Number n) {
      return re ? n.doubleValue() : 0.0;
    }
    Tensor t = TensorArgs.toTensor(z, re ? "real: z" : "imag: z");
    if (!t.isComplex()) {
      return re ? t : Tensor.zeros(t.shape());
    }
    return partView(t, re);
  }

  /**
   * The real or imaginary parts of a complex128 tensor as an O(1) float64 view of the same storage
   * (strides doubled, offset shifted by one for the imaginary part), as NumPy's {@code z.real}.
   */
  public static Tensor partView(Tensor t, boolean re) {
    int[] st = t.strides();
    for (int k = 0; k < st.length; k++) {
      st[k] *= 2;
    }
    return Tensor.view(DType.FLOAT64, t.shape(), st, 2 * t.offset() + (re ? 0 : 1), t.storage());
  }
}
