package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * The orthonormal Haar wavelet filter bank: multilevel analysis and synthesis of vectors (along the
 * last axis) and of matrices (rows and columns, Mallat's layout).
 */
public final class Haar {
  private Haar() {}

  private static final double R = Math.sqrt(0.5);

  static final String LAYOUT = " One level maps pairs (x[2i], x[2i+1]) to the approximation (x[2i] + x[2i+1])/√2 and the "
      + "detail (x[2i] − x[2i+1])/√2; each further level transforms the approximations again. The result is "
      + "[a_L, d_L, d_(L−1), ..., d_1] in one vector of the input's length (pywt.wavedec's order, concatenated). "
      + "levels: default the most the length allows (2^L must divide it).";

  @Kernel(name = "transforms.haar", doc = "The multilevel orthonormal Haar wavelet transform along the last axis "
      + "(leading axes are a batch); energy is preserved." + LAYOUT + " Example: transforms.haar([1, 1, 2, 0]) is "
      + "[2, 0, 0, 1.4142]")
  public static Tensor haar(@Arg("x") Tensor x, @Arg(value = "levels", dflt = "none") Integer levels) {
    return run1(x, levels, false, "transforms.haar");
  }

  @Kernel(name = "transforms.ihaar", doc = "The inverse of transforms.haar with the same levels: ihaar(haar(x)) = x."
      + LAYOUT + " Example: transforms.ihaar([2, 0, 0, 1.4142])")
  public static Tensor ihaar(@Arg("c") Tensor c, @Arg(value = "levels", dflt = "none") Integer levels) {
    return run1(c, levels, true, "transforms.ihaar");
  }

  @Kernel(name = "transforms.haar2", doc = "The multilevel 2-D Haar transform of a matrix (or a batch [..., H, W]): "
      + "each level transforms every row then every column of the current approximation block (the top-left "
      + "H/2^l × W/2^l corner), leaving the LL block top-left and the detail bands beside and below it (Mallat's "
      + "layout). levels: default the most both sides allow. Example: transforms.haar2(ones([4, 4])) has 4 at "
      + "[0, 0] and zeros elsewhere")
  public static Tensor haar2(@Arg("x") Tensor x, @Arg(value = "levels", dflt = "none") Integer levels) {
    return run2(x, levels, false, "transforms.haar2");
  }

  @Kernel(name = "transforms.ihaar2", doc = "The inverse of transforms.haar2 with the same levels. "
      + "Example: transforms.ihaar2(transforms.haar2(img)) equals img")
  public static Tensor ihaar2(@Arg("c") Tensor c, @Arg(value = "levels", dflt = "none") Integer levels) {
    return run2(c, levels, true, "transforms.ihaar2");
  }

  private static int maxLevels(int n) {
    return n == 0 ? 0 : Integer.numberOfTrailingZeros(n);
  }

  private static int levels(Integer levels, int max, int n, String fn) {
    int l = levels == null ? max : levels;
    if (l < 0 || l > max) {
      throw KernelException.of("%s: levels must be in [0, %d] (2^levels must divide the length %d), got %d", fn, max,
          n, l);
    }
    return l;
  }

  static Tensor run1(Tensor x, Integer levels, boolean inverse, String fn) {
    if (x.rank() == 0 || x.isComplex()) {
      throw KernelException.of("%s: needs a real vector (or a batch of vectors)", fn);
    }
    int n = x.dim(-1);
    int l = levels(levels, maxLevels(n), n, fn);
    double[] v = x.raw().clone();
    double[] tmp = new double[n];
    for (int off = 0; off < v.length; off += n) {
      if (!inverse) {
        for (int lev = 0, len = n; lev < l; lev++, len /= 2) {
          step(v, off, 1, len, tmp, false);
        }
      } else {
        for (int lev = l - 1; lev >= 0; lev--) {
          step(v, off, 1, n >> lev, tmp, true);
        }
      }
    }
    return Tensor.wrap(x.shape(), v);
  }

  /** One level on len values at off, off + stride, ...: analysis (pairs → [a | d]) or synthesis. */
  private static void step(double[] v, int off, int stride, int len, double[] tmp, boolean inverse) {
    int h = len / 2;
    for (int i = 0; i < h; i++) {
      if (!inverse) {
        double p = v[off + 2 * i * stride];
        double q = v[off + (2 * i + 1) * stride];
        tmp[i] = (p + q) * R;
        tmp[h + i] = (p - q) * R;
      } else {
        double a = v[off + i * stride];
        double d = v[off + (h + i) * stride];
        tmp[2 * i] = (a + d) * R;
        tmp[2 * i + 1] = (a - d) * R;
      }
    }
    for (int i = 0; i < len; i++) {
      v[off + i * stride] = tmp[i];
    }
  }

  static Tensor run2(Tensor x, Integer levels, boolean inverse, String fn) {
    if (x.rank() < 2 || x.isComplex()) {
      throw KernelException.of("%s: needs a real matrix (or a batch [..., H, W])", fn);
    }
    int rows = x.dim(-2);
    int cols = x.dim(-1);
    int l = levels(levels, Math.min(maxLevels(rows), maxLevels(cols)), Math.min(rows, cols), fn);
    double[] v = x.raw().clone();
    double[] tmp = new double[Math.max(rows, cols)];
    int plane = rows * cols;
    for (int off = 0; off < v.length; off += plane) {
      if (!inverse) {
        for (int lev = 0; lev < l; lev++) {
          level2(v, off, cols, rows >> lev, cols >> lev, tmp, false);
        }
      } else {
        for (int lev = l - 1; lev >= 0; lev--) {
          level2(v, off, cols, rows >> lev, cols >> lev, tmp, true);
        }
      }
    }
    return Tensor.wrap(x.shape(), v);
  }

  private static void level2(double[] v, int off, int cols, int h, int w, double[] tmp, boolean inverse) {
    if (!inverse) {
      for (int r = 0; r < h; r++) {
        step(v, off + r * cols, 1, w, tmp, false);
      }
      for (int c = 0; c < w; c++) {
        step(v, off + c, cols, h, tmp, false);
      }
    } else {
      for (int c = 0; c < w; c++) {
        step(v, off + c, cols, h, tmp, true);
      }
      for (int r = 0; r < h; r++) {
        step(v, off + r * cols, 1, w, tmp, true);
      }
    }
  }
}
