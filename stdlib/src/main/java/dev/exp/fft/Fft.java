package dev.exp.fft;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One-dimensional discrete Fourier transforms along an axis of a tensor, on JTransforms (mixed
 * radix 2/3/4/5 and Bluestein for other lengths, so every length is O(n log n)). The forward
 * transform is {@code X[k] = Σ_j x[j]·exp(−2πi·jk/n)}, the inverse has {@code exp(+2πi·jk/n)};
 * {@link Norm} decides the factors. Inputs are padded with zeros or truncated to {@code n} first,
 * as NumPy does. These are the building blocks of the {@code fft.*} kernels.
 */
public final class Fft {
  private Fft() {}

  /** The complex DFT (or its inverse) of length n along axis; n null keeps the length. */
  public static Tensor complex(Tensor x, int axis, Integer n, boolean inverse, Norm norm, String fn) {
    int[] shape = shapeOf(x, fn);
    int ax = Tensor.normalizeAxis(axis, shape.length);
    int len = length(n, shape[ax], fn);
    int nIn = shape[ax];
    double scale = norm.scale(len, inverse);
    DoubleFFT_1D plan = Plans.of(len);
    double[] z = Lanes.along(x.complexRaw(), shape, ax, 2, len, 2, () -> (in, out) -> {
      int m = Math.min(nIn, len);
      System.arraycopy(in, 0, out, 0, 2 * m);
      java.util.Arrays.fill(out, 2 * m, 2 * len, 0.0);
      if (inverse) {
        plan.complexInverse(out, false);
      } else {
        plan.complexForward(out);
      }
      scaleAll(out, scale);
    }, () -> (src, so, dst, d0) -> {
      int m = Math.min(nIn, len);
      System.arraycopy(src, so, dst, d0, 2 * m);
      if (inverse) {
        plan.complexInverse(dst, d0, false);
      } else {
        plan.complexForward(dst, d0);
      }
      scaleRange(dst, d0, 2 * len, scale);
    });
    return Tensor.wrapComplex(Lanes.withDim(shape, ax, len), z);
  }

  /** The DFT of real input along axis: the n/2 + 1 non-negative frequencies (complex). */
  public static Tensor realForward(Tensor x, int axis, Integer n, Norm norm, String fn) {
    int[] shape = shapeOf(x, fn);
    if (x.isComplex()) {
      throw KernelException.of("%s: needs real input, got a complex tensor (use fft.fft)", fn);
    }
    int ax = Tensor.normalizeAxis(axis, shape.length);
    int len = length(n, shape[ax], fn);
    int nIn = shape[ax];
    int half = len / 2 + 1;
    double scale = norm.scale(len, false);
    DoubleFFT_1D plan = Plans.of(len);
    double[] z = Lanes.along(x.raw(), shape, ax, 1, half, 2, () -> {
      double[] buf = new double[len];
      return (in, out) -> {
        int m = Math.min(nIn, len);
        System.arraycopy(in, 0, buf, 0, m);
        java.util.Arrays.fill(buf, m, len, 0.0);
        plan.realForward(buf);
        unpack(buf, len, out, 0);
        scaleAll(out, scale);
      };
    }, () -> (src, so, dst, d0) -> {
      // in place: JTransforms' packed layout already holds Re/Im of 0 < k < n/2 at their
      // interleaved positions; only the zero and Nyquist terms move
      System.arraycopy(src, so, dst, d0, Math.min(nIn, len));
      plan.realForward(dst, d0);
      if (len > 1) {
        double a1 = dst[d0 + 1];
        dst[d0 + 1] = 0;
        if (len % 2 == 0) {
          dst[d0 + len] = a1;
          dst[d0 + len + 1] = 0;
        } else {
          dst[d0 + len] = a1;
        }
      }
      scaleRange(dst, d0, 2 * half, scale);
    });
    return Tensor.wrapComplex(Lanes.withDim(shape, ax, half), z);
  }

  /**
   * The inverse of {@link #realForward}: n real values along axis from the first n/2 + 1 complex
   * coefficients of a Hermitian spectrum (the imaginary parts of the zero and Nyquist terms are
   * ignored, as NumPy does). n null means 2·(m − 1) for m coefficients.
   */
  public static Tensor realInverse(Tensor x, int axis, Integer n, Norm norm, String fn) {
    int[] shape = shapeOf(x, fn);
    int ax = Tensor.normalizeAxis(axis, shape.length);
    int m = shape[ax];
    if (n == null && m < 2) {
      throw KernelException.of("%s: %d coefficient%s along axis %d gives no output length; pass n: (2·(m − 1) "
          + "by default)", fn, m, m == 1 ? "" : "s", ax);
    }
    int len = length(n == null ? 2 * (m - 1) : n, m, fn);
    // realInverse(a, false) is half the unscaled inverse for power-of-two lengths (a JTransforms
    // quirk); the scaled form is right for every length, so undo its 1/n instead
    double scale = norm.scale(len, true) * len;
    DoubleFFT_1D plan = Plans.of(len);
    double[] r = Lanes.along(x.complexRaw(), shape, ax, 2, len, 1, () -> (in, out) -> {
      pack(in, m, len, out);
      plan.realInverse(out, true);
      scaleAll(out, scale);
    });
    return Tensor.wrap(Lanes.withDim(shape, ax, len), r);
  }

  /** JTransforms' packed real spectrum (length n) to n/2 + 1 interleaved complex values. */
  static void unpack(double[] a, int n, double[] out, int o) {
    out[o] = a[0];
    out[o + 1] = 0;
    if (n == 1) {
      return;
    }
    if (n % 2 == 0) {
      System.arraycopy(a, 2, out, o + 2, n - 2);
      out[o + n] = a[1];
      out[o + n + 1] = 0;
    } else {
      int h = (n - 1) / 2;
      System.arraycopy(a, 2, out, o + 2, 2 * h - 2);
      out[o + 2 * h] = a[n - 1];
      out[o + 2 * h + 1] = a[1];
    }
  }

  /** The first n/2 + 1 of m interleaved coefficients (zeros past m) into JTransforms' packed form. */
  static void pack(double[] c, int m, int n, double[] a) {
    java.util.Arrays.fill(a, 0, n, 0.0);
    a[0] = c[0];
    if (n == 1) {
      return;
    }
    if (n % 2 == 0) {
      for (int k = 1; k < n / 2 && k < m; k++) {
        a[2 * k] = c[2 * k];
        a[2 * k + 1] = c[2 * k + 1];
      }
      a[1] = n / 2 < m ? c[n] : 0;
    } else {
      int h = (n - 1) / 2;
      for (int k = 1; k < h && k < m; k++) {
        a[2 * k] = c[2 * k];
        a[2 * k + 1] = c[2 * k + 1];
      }
      if (h < m) {
        a[n - 1] = c[2 * h];
        a[1] = c[2 * h + 1];
      }
    }
  }

  static void scaleRange(double[] a, int off, int n, double s) {
    if (s != 1) {
      for (int i = off; i < off + n; i++) {
        a[i] *= s;
      }
    }
  }

  static void scaleAll(double[] a, double s) {
    if (s != 1) {
      for (int i = 0; i < a.length; i++) {
        a[i] *= s;
      }
    }
  }

  static int[] shapeOf(Tensor x, String fn) {
    if (x.rank() == 0) {
      throw KernelException.of("%s: needs at least one axis, got a scalar", fn);
    }
    return x.shape();
  }

  static int length(Integer n, int dflt, String fn) {
    int len = n == null ? dflt : n;
    if (len < 1) {
      throw KernelException.of("%s: transform length must be >= 1, got %d", fn, len);
    }
    return len;
  }
}
