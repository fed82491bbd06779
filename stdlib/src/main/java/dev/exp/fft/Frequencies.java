package dev.exp.fft;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/** Sample frequencies of the DFT and the zero-frequency shifts, as {@code numpy.fft}. */
public final class Frequencies {
  private Frequencies() {}

  @Kernel(name = "fft.fftfreq", doc = "The sample frequencies of an n-point DFT with sample spacing d, in cycles "
      + "per unit: [0, 1, ..., ⌈n/2⌉ − 1, −⌊n/2⌋, ..., −1] / (d·n), as numpy.fft.fftfreq. "
      + "Example: fft.fftfreq(4) is [0, 0.25, −0.5, −0.25]")
  public static Tensor fftfreq(@Arg("n") int n, @Arg(value = "d", dflt = "1") double d) {
    check(n, d, "fft.fftfreq");
    double[] f = new double[n];
    int pos = (n - 1) / 2 + 1;
    for (int i = 0; i < n; i++) {
      f[i] = (i < pos ? i : i - n) / (d * n);
    }
    return Tensor.wrap(new int[] {n}, f);
  }

  @Kernel(name = "fft.rfftfreq", doc = "The sample frequencies of rfft's n/2 + 1 outputs: [0, 1, ..., ⌊n/2⌋] / (d·n), "
      + "as numpy.fft.rfftfreq. Example: fft.rfftfreq(5, d: 0.1) is [0, 2, 4]")
  public static Tensor rfftfreq(@Arg("n") int n, @Arg(value = "d", dflt = "1") double d) {
    check(n, d, "fft.rfftfreq");
    double[] f = new double[n / 2 + 1];
    for (int i = 0; i < f.length; i++) {
      f[i] = i / (d * n);
    }
    return Tensor.wrap(new int[] {f.length}, f);
  }

  @Kernel(name = "fft.fftshift", doc = "Moves the zero-frequency term to the centre: rolls each of axes (default all) "
      + "by ⌊n/2⌋, as numpy.fft.fftshift; real or complex. Example: fft.fftshift(fft.fftfreq(5)) is "
      + "[−0.4, −0.2, 0, 0.2, 0.4]")
  public static Tensor fftshift(@Arg("x") Tensor x, @Arg(value = "axes", dflt = "none") int[] axes) {
    return roll(x, axes, false, "fft.fftshift");
  }

  @Kernel(name = "fft.ifftshift", doc = "The inverse of fftshift: rolls each of axes (default all) by −⌊n/2⌋, as "
      + "numpy.fft.ifftshift. Example: fft.ifftshift(fft.fftshift(x)) equals x")
  public static Tensor ifftshift(@Arg("x") Tensor x, @Arg(value = "axes", dflt = "none") int[] axes) {
    return roll(x, axes, true, "fft.ifftshift");
  }

  private static void check(int n, double d, String fn) {
    if (n < 1) {
      throw KernelException.of("%s: n must be >= 1, got %d", fn, n);
    }
    if (!(d != 0) || !Double.isFinite(d)) {
      throw KernelException.of("%s: the sample spacing d must be finite and non-zero, got %s", fn, d);
    }
  }

  private static Tensor roll(Tensor x, int[] axes, boolean inverse, String fn) {
    int[] shape = x.shape();
    int rank = shape.length;
    int[] shift = new int[rank];
    if (axes == null) {
      for (int a = 0; a < rank; a++) {
        shift[a] = inverse ? shape[a] - shape[a] / 2 : shape[a] / 2;
      }
    } else {
      for (int a0 : axes) {
        int a = Tensor.normalizeAxis(a0, rank);
        shift[a] = inverse ? shape[a] - shape[a] / 2 : shape[a] / 2;
      }
    }
    boolean cx = x.isComplex();
    int w = cx ? 2 : 1;
    double[] src = cx ? x.complexRaw() : x.raw();
    double[] dst = new double[src.length];
    int[] strides = Tensor.stridesOf(shape);
    int n = src.length / w;
    int[] idx = new int[rank];
    for (int flat = 0; flat < n; flat++) {
      int target = 0;
      for (int a = 0; a < rank; a++) {
        int j = idx[a] + shift[a];
        if (j >= shape[a]) {
          j -= shape[a];
        }
        target += j * strides[a];
      }
      System.arraycopy(src, flat * w, dst, target * w, w);
      for (int a = rank - 1; a >= 0; a--) {
        if (++idx[a] < shape[a]) {
          break;
        }
        idx[a] = 0;
      }
    }
    return cx ? Tensor.wrapComplex(shape, dst) : Tensor.wrap(shape, dst);
  }
}
