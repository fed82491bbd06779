package dev.exp.fft;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * {@code fft.dct}, {@code fft.idct}, {@code fft.dst}, {@code fft.idst}: types I–IV along one axis
 * with {@code scipy.fft}'s definitions and norm modes ("backward", "ortho", "forward").
 */
public final class DctKernels {
  private DctKernels() {}

  private static final String DOC = " type: 1, 2 (default), 3 or 4; axis: default the last; norm: \"backward\" "
      + "(default; the inverse divides by M = 2(N−1) for DCT-I, 2(N+1) for DST-I, 2N otherwise), \"ortho\" (the "
      + "orthonormal scaling, so the matrix is orthogonal) or \"forward\" (the forward transform divides by M). "
      + "Real input; O(N log N) for every N (types 2 and 3 cost one real FFT of length N, type 4 one complex FFT of "
      + "length N/2 for even N).";

  @Kernel(name = "fft.dct", doc = "The discrete cosine transform with scipy.fft.dct's definitions: type 2 is "
      + "y[k] = 2·Σ_n x[n]·cos(πk(2n+1)/(2N)); type 1 y[k] = x[0] + (−1)^k·x[N−1] + 2·Σ_{n=1}^{N−2} x[n]·cos(πkn/(N−1)) "
      + "(N >= 2); type 3 y[k] = x[0] + 2·Σ_{n>=1} x[n]·cos(πn(2k+1)/(2N)); type 4 y[k] = 2·Σ_n x[n]·cos(π(2n+1)(2k+1)/(4N))."
      + DOC + " Example: fft.dct([1, 2, 3], norm: \"ortho\")")
  public static Tensor dct(@Arg("x") Tensor x, @Arg(value = "type", dflt = "2") int type,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return transform(x, type, axis, Norm.parse(norm, "fft.dct"), false, false, "fft.dct");
  }

  @Kernel(name = "fft.idct", doc = "The inverse of dct of the same type and norm (scipy.fft.idct): "
      + "idct(dct(x, type: t), type: t) = x. The inverse of type 2 is type 3 and vice versa; types 1 and 4 are "
      + "their own inverses up to the factor M." + DOC + " Example: fft.idct(fft.dct([1, 2, 3]))")
  public static Tensor idct(@Arg("x") Tensor x, @Arg(value = "type", dflt = "2") int type,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return transform(x, type, axis, Norm.parse(norm, "fft.idct"), false, true, "fft.idct");
  }

  @Kernel(name = "fft.dst", doc = "The discrete sine transform with scipy.fft.dst's definitions: type 2 is "
      + "y[k] = 2·Σ_n x[n]·sin(π(k+1)(2n+1)/(2N)); type 1 y[k] = 2·Σ_n x[n]·sin(π(k+1)(n+1)/(N+1)); type 3 "
      + "y[k] = (−1)^k·x[N−1] + 2·Σ_{n<N−1} x[n]·sin(π(2k+1)(n+1)/(2N)); type 4 y[k] = 2·Σ_n x[n]·sin(π(2n+1)(2k+1)/(4N))."
      + DOC + " Example: fft.dst([1, 2, 3], type: 1)")
  public static Tensor dst(@Arg("x") Tensor x, @Arg(value = "type", dflt = "2") int type,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return transform(x, type, axis, Norm.parse(norm, "fft.dst"), true, false, "fft.dst");
  }

  @Kernel(name = "fft.idst", doc = "The inverse of dst of the same type and norm (scipy.fft.idst): "
      + "idst(dst(x, type: t), type: t) = x." + DOC + " Example: fft.idst(fft.dst([1, 2, 3]))")
  public static Tensor idst(@Arg("x") Tensor x, @Arg(value = "type", dflt = "2") int type,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return transform(x, type, axis, Norm.parse(norm, "fft.idst"), true, true, "fft.idst");
  }

  static Tensor transform(Tensor x, int type, int axis, Norm norm, boolean sine, boolean inverse, String fn) {
    if (type < 1 || type > 4) {
      throw KernelException.of("%s: type must be 1, 2, 3 or 4, got %d", fn, type);
    }
    if (x.isComplex()) {
      throw KernelException.of("%s: needs real input, got a complex tensor (transform z.re and z.im apart)", fn);
    }
    int[] shape = Fft.shapeOf(x, fn);
    int ax = Tensor.normalizeAxis(axis, shape.length);
    int n = shape[ax];
    if (n < 1 || (type == 1 && !sine && n < 2)) {
      throw KernelException.of("%s: type %d needs a length of at least %d along axis %d, got %d", fn, type,
          type == 1 && !sine ? 2 : 1, ax, n);
    }
    // an inverse is the forward transform of the inverse type with the opposite norm mode
    int t = inverse && (type == 2 || type == 3) ? 5 - type : type;
    Norm nm = inverse ? norm.swapped() : norm;
    Dct d = Dct.of(n, t, sine);
    double m = Dct.factor(n, t, sine);
    double scale = nm == Norm.ORTHO ? 1 / Math.sqrt(m) : nm == Norm.FORWARD ? 1 / m : 1;
    boolean ortho = nm == Norm.ORTHO;
    double[] out = Lanes.along(x.raw(), shape, ax, 1, n, 1, () -> {
      double[] w = d.scratch();
      return (in, y) -> run(d, in, 0, y, 0, n, t, sine, ortho, scale, w);
    }, () -> {
      double[] w = d.scratch();
      return (src, so, dst, d0) -> run(d, src, so, dst, d0, n, t, sine, ortho, scale, w);
    });
    return Tensor.wrap(shape, out);
  }

  /** One lane: y = scale · transform, with the orthonormal weights of the end terms when ortho. */
  private static void run(Dct d, double[] x, int xo, double[] y, int yo, int n, int t, boolean sine, boolean ortho,
      double scale, double[] w) {
    d.apply(x, xo, y, yo, scale, w, 0);
    if (ortho) {
      orthoInputEnds(x, xo, y, yo, n, t, sine, scale);
      orthoOutputEnds(y, yo, n, t, sine);
    }
  }

  private static final double SQRT2 = Math.sqrt(2);

  /**
   * The orthonormal types I and III weigh the input's end terms by √2 (x[0] and x[N−1] for DCT-I, x[0]
   * for DCT-III, x[N−1] for DST-III). The transform being linear, that adds (√2 − 1)·x[j]·T(e_j), and
   * T(e_0) is all ones, T(e_{N−1}) alternates (−1)^k for those transforms.
   */
  private static void orthoInputEnds(double[] x, int xo, double[] y, int yo, int n, int t, boolean sine, double scale) {
    double c = 0;
    double alt = 0;
    if (t == 1 && !sine) {
      c = x[xo];
      alt = x[xo + n - 1];
    } else if (t == 3) {
      if (sine) {
        alt = x[xo + n - 1];
      } else {
        c = x[xo];
      }
    } else {
      return;
    }
    double f = (SQRT2 - 1) * scale;
    double even = f * (c + alt);
    double odd = f * (c - alt);
    for (int k = 0; k < n; k++) {
      y[yo + k] += (k & 1) == 0 ? even : odd;
    }
  }

  private static void orthoOutputEnds(double[] y, int yo, int n, int t, boolean sine) {
    if (t == 1 && !sine) {
      y[yo] /= SQRT2;
      y[yo + n - 1] /= SQRT2;
    } else if (t == 2) {
      y[yo + (sine ? n - 1 : 0)] /= SQRT2;
    }
  }
}
