package dev.exp.transforms;

import dev.exp.fft.FftKernels;
import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * {@code transforms.qft} / {@code transforms.iqft}: the Fourier transform on Z_q^n, a function
 * given as a tensor of shape [q, q, ..., q] (one axis per variable), computed as n-D FFTs.
 */
public final class Qary {
  private Qary() {}

  static final String DOC = " f: a tensor of shape [q, ..., q] with one axis per variable (q >= 2; any shape "
      + "[q1, ..., qn] gives the transform on Z_q1 × ... × Z_qn), or a vector of length q^n with q: given "
      + "(read row-major, variable 0 first). norm: \"forward\" (default, the Fourier coefficients with the "
      + "q^−n factor), \"backward\" (unscaled forward) or \"ortho\" (q^−n/2 both ways). Real or complex input, "
      + "complex result of the input's shape. For q = 2 this is the Walsh–Hadamard transform.";

  @Kernel(name = "transforms.qft", doc = "The q-ary Fourier transform F(k) = q^−n·Σ_{x ∈ Z_q^n} f(x)·ω^−⟨k, x⟩, "
      + "ω = exp(2πi/q), by FFTs along every axis (O(q^n·n·log q))." + DOC
      + " Example: transforms.qft(reshape(range(16), [4, 4]))")
  public static Tensor qft(@Arg("f") Tensor f, @Arg(value = "q", dflt = "none") Integer q,
      @Arg(value = "norm", dflt = "\"forward\"") String norm) {
    // a vector of q^n values with q: transformed as [q, ..., q], returned in the input's shape
    return FftKernels.fftn(shaped(f, q, "transforms.qft"), null, null, norm).reshape(f.shape());
  }

  @Kernel(name = "transforms.iqft", doc = "The inverse q-ary Fourier transform f(x) = Σ_k F(k)·ω^⟨k, x⟩ (with the "
      + "default norm): iqft(qft(f)) = f." + DOC + " Example: transforms.iqft(transforms.qft(f))")
  public static Tensor iqft(@Arg("F") Tensor f, @Arg(value = "q", dflt = "none") Integer q,
      @Arg(value = "norm", dflt = "\"forward\"") String norm) {
    return FftKernels.ifftn(shaped(f, q, "transforms.iqft"), null, null, norm).reshape(f.shape());
  }

  static Tensor shaped(Tensor f, Integer q, String fn) {
    if (f.rank() == 0) {
      throw KernelException.of("%s: needs a tensor of shape [q, ..., q], got a scalar", fn);
    }
    if (q == null) {
      return f;
    }
    if (q < 2) {
      throw KernelException.of("%s: q must be >= 2, got %d", fn, q);
    }
    int n = 0;
    long size = 1;
    while (size < f.size()) {
      size *= q;
      n++;
    }
    if (f.rank() != 1 || size != f.size()) {
      if (allEqual(f.shape(), q)) {
        return f;
      }
      throw KernelException.of("%s: with q = %d, f must be a vector of length q^n or of shape [q, ..., q], got %s",
          fn, q, Tensor.shapeString(f.shape()));
    }
    int[] shape = new int[Math.max(n, 1)];
    java.util.Arrays.fill(shape, q);
    if (n == 0) {
      shape[0] = 1;
    }
    return f.reshape(shape);
  }

  private static boolean allEqual(int[] shape, int q) {
    for (int d : shape) {
      if (d != q) {
        return false;
      }
    }
    return true;
  }
}
