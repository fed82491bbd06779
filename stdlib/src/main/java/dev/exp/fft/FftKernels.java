package dev.exp.fft;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * The {@code fft} namespace's transforms, with NumPy's names, arguments and conventions
 * ({@code numpy.fft}): complex and real forward and inverse transforms in one, two and n
 * dimensions, any length (primes too), and the norm modes "backward", "ortho" and "forward".
 */
public final class FftKernels {
  private FftKernels() {}

  static final String NORM_DOC = " norm: \"backward\" (default: forward unscaled, inverse ×1/n), \"ortho\" (×1/√n "
      + "both ways) or \"forward\" (forward ×1/n, inverse unscaled).";
  private static final String N_DOC = " n: the transform length (the input is zero-padded or truncated to it; "
      + "default its length along axis).";

  @Kernel(name = "fft.fft", doc = "The discrete Fourier transform along one axis: X[k] = Σ_j x[j]·exp(−2πi·jk/n), "
      + "as numpy.fft.fft. Any length, O(n log n) (Bluestein for large prime factors); real or complex input, "
      + "complex128 result." + N_DOC + NORM_DOC + " Example: fft.fft([1, 2, 3, 4]) is [10, −2+2i, −2, −2−2i]")
  public static Tensor fft(@Arg("x") Tensor x, @Arg(value = "n", dflt = "none") Integer n,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return Fft.complex(x, axis, n, false, Norm.parse(norm, "fft.fft"), "fft.fft");
  }

  @Kernel(name = "fft.ifft", doc = "The inverse discrete Fourier transform along one axis: x[j] = (1/n)·Σ_k "
      + "X[k]·exp(2πi·jk/n) (with the default norm), as numpy.fft.ifft; ifft(fft(x)) = x." + N_DOC + NORM_DOC
      + " Example: fft.ifft(fft.fft(x)) equals x up to rounding")
  public static Tensor ifft(@Arg("x") Tensor x, @Arg(value = "n", dflt = "none") Integer n,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return Fft.complex(x, axis, n, true, Norm.parse(norm, "fft.ifft"), "fft.ifft");
  }

  @Kernel(name = "fft.rfft", doc = "The DFT of real input along one axis, keeping the n/2 + 1 non-negative "
      + "frequencies (the rest are their conjugates), as numpy.fft.rfft; complex result." + N_DOC + NORM_DOC
      + " Example: fft.rfft([1, 2, 3, 4]) is [10, −2+2i, −2]")
  public static Tensor rfft(@Arg("x") Tensor x, @Arg(value = "n", dflt = "none") Integer n,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return Fft.realForward(x, axis, n, Norm.parse(norm, "fft.rfft"), "fft.rfft");
  }

  @Kernel(name = "fft.irfft", doc = "The inverse of rfft: n real values along axis from the non-negative "
      + "frequencies of a Hermitian spectrum, as numpy.fft.irfft (imaginary parts of the zero and Nyquist "
      + "terms are ignored). n: output length, default 2·(m − 1) for m coefficients; pass it for odd lengths: "
      + "irfft(rfft(x), n: len(x)) = x." + NORM_DOC + " Example: fft.irfft(fft.rfft([1, 2, 3]), n: 3) is [1, 2, 3]")
  public static Tensor irfft(@Arg("x") Tensor x, @Arg(value = "n", dflt = "none") Integer n,
      @Arg(value = "axis", dflt = "-1") int axis, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return Fft.realInverse(x, axis, n, Norm.parse(norm, "fft.irfft"), "fft.irfft");
  }

  @Kernel(name = "fft.fft2", doc = "The 2-D DFT over axes (default the last two), as numpy.fft.fft2: 1-D "
      + "transforms along each axis in turn. s: output lengths per axis (pad/truncate; default the input's)."
      + NORM_DOC + " Example: fft.fft2(img)")
  public static Tensor fft2(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return complexNd(x, s, axes == null ? new int[] {-2, -1} : axes, false, norm, "fft.fft2");
  }

  @Kernel(name = "fft.ifft2", doc = "The inverse 2-D DFT over axes (default the last two), as numpy.fft.ifft2."
      + NORM_DOC + " Example: fft.ifft2(fft.fft2(img)) equals img up to rounding")
  public static Tensor ifft2(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return complexNd(x, s, axes == null ? new int[] {-2, -1} : axes, true, norm, "fft.ifft2");
  }

  @Kernel(name = "fft.fftn", doc = "The n-D DFT over axes (default all, or the last len(s) when s is given), as "
      + "numpy.fft.fftn." + NORM_DOC + " Example: fft.fftn(cube, axes: [0, 2])")
  public static Tensor fftn(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return complexNd(x, s, axes, false, norm, "fft.fftn");
  }

  @Kernel(name = "fft.ifftn", doc = "The inverse n-D DFT over axes (default all), as numpy.fft.ifftn." + NORM_DOC
      + " Example: fft.ifftn(fft.fftn(cube))")
  public static Tensor ifftn(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return complexNd(x, s, axes, true, norm, "fft.ifftn");
  }

  @Kernel(name = "fft.rfft2", doc = "The 2-D DFT of real input over axes (default the last two), halving the last "
      + "axis to n/2 + 1, as numpy.fft.rfft2." + NORM_DOC + " Example: fft.rfft2(img)")
  public static Tensor rfft2(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return realNd(x, s, axes == null ? new int[] {-2, -1} : axes, norm, "fft.rfft2");
  }

  @Kernel(name = "fft.irfft2", doc = "The inverse of rfft2, as numpy.fft.irfft2; pass s for an odd last length."
      + NORM_DOC + " Example: fft.irfft2(fft.rfft2(img), s: img.shape)")
  public static Tensor irfft2(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return realInverseNd(x, s, axes == null ? new int[] {-2, -1} : axes, norm, "fft.irfft2");
  }

  @Kernel(name = "fft.rfftn", doc = "The n-D DFT of real input over axes (default all): rfft along the last axis, "
      + "then fft along the others, as numpy.fft.rfftn." + NORM_DOC + " Example: fft.rfftn(cube)")
  public static Tensor rfftn(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return realNd(x, s, axes, norm, "fft.rfftn");
  }

  @Kernel(name = "fft.irfftn", doc = "The inverse of rfftn, as numpy.fft.irfftn (s: output lengths; the last "
      + "defaults to 2·(m − 1))." + NORM_DOC + " Example: fft.irfftn(fft.rfftn(cube), s: cube.shape)")
  public static Tensor irfftn(@Arg("x") Tensor x, @Arg(value = "s", dflt = "none") int[] s,
      @Arg(value = "axes", dflt = "none") int[] axes, @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return realInverseNd(x, s, axes, norm, "fft.irfftn");
  }

  // ------------------------------------------------------------------ n-D plumbing

  static Tensor complexNd(Tensor x, int[] s, int[] axes, boolean inverse, String norm, String fn) {
    Norm nm = Norm.parse(norm, fn);
    int[] ax = axes(x, s, axes, fn);
    if (x.rank() == 2 && ax.length == 2 && ax[0] != ax[1] && (s == null || s[ax[0] == 0 ? 0 : 1] == x.dim(0)
        && s[ax[0] == 0 ? 1 : 0] == x.dim(1)) && x.size() > 0) {
      return Fft2.transform(x, inverse, nm);
    }
    Tensor y = x;
    for (int i = ax.length - 1; i >= 0; i--) {
      y = Fft.complex(y, ax[i], s == null ? null : s[i], inverse, nm, fn);
    }
    return y;
  }

  static Tensor realNd(Tensor x, int[] s, int[] axes, String norm, String fn) {
    Norm nm = Norm.parse(norm, fn);
    int[] ax = axes(x, s, axes, fn);
    int last = ax.length - 1;
    Tensor y = Fft.realForward(x, ax[last], s == null ? null : s[last], nm, fn);
    for (int i = last - 1; i >= 0; i--) {
      y = Fft.complex(y, ax[i], s == null ? null : s[i], false, nm, fn);
    }
    return y;
  }

  static Tensor realInverseNd(Tensor x, int[] s, int[] axes, String norm, String fn) {
    Norm nm = Norm.parse(norm, fn);
    int[] ax = axes(x, s, axes, fn);
    int last = ax.length - 1;
    Tensor y = x;
    for (int i = 0; i < last; i++) {
      y = Fft.complex(y, ax[i], s == null ? null : s[i], true, nm, fn);
    }
    return Fft.realInverse(y, ax[last], s == null ? null : s[last], nm, fn);
  }

  /** Normalised, distinct axes: given, or the last len(s), or all. */
  static int[] axes(Tensor x, int[] s, int[] axes, String fn) {
    int rank = Fft.shapeOf(x, fn).length;
    int[] ax;
    if (axes != null) {
      ax = axes.clone();
    } else {
      int k = s == null ? rank : s.length;
      if (k > rank) {
        throw KernelException.of("%s: s has %d lengths but the input has %d axes", fn, k, rank);
      }
      ax = new int[k];
      for (int i = 0; i < k; i++) {
        ax[i] = rank - k + i;
      }
    }
    if (s != null && s.length != ax.length) {
      throw KernelException.of("%s: s has %d lengths but %d axes are transformed", fn, s.length, ax.length);
    }
    if (ax.length == 0) {
      throw KernelException.of("%s: no axes to transform", fn);
    }
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < ax.length; i++) {
      ax[i] = Tensor.normalizeAxis(ax[i], rank);
      if (seen[ax[i]]) {
        throw KernelException.of("%s: axis %d appears twice in axes", fn, ax[i]);
      }
      seen[ax[i]] = true;
    }
    return ax;
  }
}
