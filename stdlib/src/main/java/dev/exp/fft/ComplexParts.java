package dev.exp.fft;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.tensor.Tensor;

/**
 * Real views of complex results for scripts: real and imaginary parts and magnitudes of a tensor
 * (a real tensor has imaginary part 0). Kept in the {@code fft} namespace so that spectra can be
 * inspected while the language's own complex accessors are being added.
 */
public final class ComplexParts {
  private ComplexParts() {}

  @Kernel(name = "fft.re", doc = "The real part of each element (float64; a real tensor is returned unchanged). "
      + "Example: fft.re(fft.fft([1, 2, 3, 4])) is [10, −2, −2, −2]")
  public static Tensor re(@Arg("x") Tensor x) {
    return part(x, 0);
  }

  @Kernel(name = "fft.im", doc = "The imaginary part of each element (float64; zeros for a real tensor). "
      + "Example: fft.im(fft.fft([1, 2, 3, 4])) is [0, 2, 0, −2]")
  public static Tensor im(@Arg("x") Tensor x) {
    return part(x, 1);
  }

  @Kernel(name = "fft.abs", doc = "The magnitude |z| = hypot(re, im) of each element (float64). "
      + "Example: fft.abs(fft.rfft([1, 0, 0, 0])) is [1, 1, 1]")
  public static Tensor abs(@Arg("x") Tensor x) {
    double[] z = x.complexRaw();
    double[] m = new double[z.length / 2];
    for (int i = 0; i < m.length; i++) {
      m[i] = Math.hypot(z[2 * i], z[2 * i + 1]);
    }
    return Tensor.wrap(x.shape(), m);
  }

  @Kernel(name = "fft.complex", doc = "A complex128 tensor from real and imaginary parts of one shape. "
      + "Example: fft.ifft(fft.complex([1, 0], [0, 1]))")
  public static Tensor complex(@Arg("re") Tensor re, @Arg("im") Tensor im) {
    return Tensor.complex(re, im);
  }

  static Tensor part(Tensor x, int which) {
    if (!x.isComplex()) {
      return which == 0 ? x : Tensor.zeros(x.shape());
    }
    double[] z = x.complexRaw();
    double[] r = new double[z.length / 2];
    for (int i = 0; i < r.length; i++) {
      r[i] = z[2 * i + which];
    }
    return Tensor.wrap(x.shape(), r);
  }
}
