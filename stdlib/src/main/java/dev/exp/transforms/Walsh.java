package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * {@code transforms.wht} / {@code transforms.iwht}: the fast Walsh–Hadamard transform (the Fourier
 * transform on the Boolean cube) along the last axis, in natural (Hadamard), sequency (Walsh) or
 * dyadic (Paley) order.
 */
public final class Walsh {
  private Walsh() {}

  static final String DOC = " The length N of the last axis must be a power of two (leading axes are a batch). "
      + "Index x reads as n = log2 N bits, bit i for variable i. order: \"natural\" (default, Sylvester/Hadamard: "
      + "row k is (−1)^⟨k, x⟩), \"sequency\" (Walsh: row s has s sign changes) or \"dyadic\" (Paley: bit-reversed). "
      + "norm: \"backward\" (default, unscaled: H·x, so wht(wht(x)) = N·x), \"ortho\" (×1/√N, H/√N is orthogonal) "
      + "or \"forward\" (×1/N: the Fourier coefficients f̂(k) = 2^−n·Σ_x f(x)(−1)^⟨k, x⟩ of a pseudo-Boolean "
      + "function). O(N log N), in cache-blocked radix-4 passes.";

  @Kernel(name = "transforms.wht", doc = "The fast Walsh–Hadamard transform y[k] = Σ_x (−1)^⟨k, x⟩·x[x] along the "
      + "last axis." + DOC + " Example: transforms.wht([1, 0, 0, 0]) is [1, 1, 1, 1]")
  public static Tensor wht(@Arg("x") Tensor x, @Arg(value = "order", dflt = "\"natural\"") String order,
      @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return apply(x, order, norm, false, "transforms.wht");
  }

  @Kernel(name = "transforms.iwht", doc = "The inverse of wht with the same order and norm: iwht(wht(x)) = x "
      + "(H² = N·I, so the inverse is the same butterfly with the opposite scaling)." + DOC
      + " Example: transforms.iwht(transforms.wht(x, norm: \"forward\"), norm: \"forward\") equals x")
  public static Tensor iwht(@Arg("x") Tensor x, @Arg(value = "order", dflt = "\"natural\"") String order,
      @Arg(value = "norm", dflt = "\"backward\"") String norm) {
    return apply(x, order, norm, true, "transforms.iwht");
  }

  static Tensor apply(Tensor x, String order, String norm, boolean inverse, String fn) {
    if (x.isComplex()) {
      throw KernelException.of("%s: needs real input, got a complex tensor", fn);
    }
    if (x.rank() == 0) {
      throw KernelException.of("%s: needs a vector (or a batch of vectors), got a scalar", fn);
    }
    int n = x.dim(-1);
    if (!Hadamard.isPowerOfTwo(n)) {
      throw KernelException.of("%s: the last axis must have a power-of-two length, got %d", fn, n);
    }
    int bits = Hadamard.log2(n);
    int[] perm = permutation(order, bits, fn);
    double scale = scale(norm, n, inverse, fn);
    double[] a = x.raw().clone();
    double[] tmp = perm == null ? null : new double[n];
    for (int off = 0; off < a.length; off += n) {
      if (perm != null && inverse) {
        // the input is in the chosen order: put it back into natural order first
        for (int s = 0; s < n; s++) {
          tmp[perm[s]] = a[off + s];
        }
        System.arraycopy(tmp, 0, a, off, n);
      }
      Hadamard.transform(a, off, n);
      if (perm != null && !inverse) {
        for (int s = 0; s < n; s++) {
          tmp[s] = a[off + perm[s]];
        }
        System.arraycopy(tmp, 0, a, off, n);
      }
      if (scale != 1) {
        for (int i = off; i < off + n; i++) {
          a[i] *= scale;
        }
      }
    }
    return Tensor.wrap(x.shape(), a);
  }

  /** perm[s] = natural index of the s-th output in the given order, or null for natural. */
  static int[] permutation(String order, int bits, String fn) {
    if (order == null || order.equals("natural") || order.equals("hadamard")) {
      return null;
    }
    boolean sequency = order.equals("sequency") || order.equals("walsh");
    if (!sequency && !order.equals("dyadic") && !order.equals("paley")) {
      throw KernelException.of("%s: order must be \"natural\", \"sequency\" or \"dyadic\", got \"%s\"", fn, order);
    }
    int n = 1 << bits;
    int[] p = new int[n];
    for (int s = 0; s < n; s++) {
      int g = sequency ? s ^ (s >>> 1) : s;
      p[s] = bits == 0 ? 0 : Integer.reverse(g) >>> (32 - bits);
    }
    return p;
  }

  static double scale(String norm, int n, boolean inverse, String fn) {
    if (norm == null || norm.equals("backward")) {
      return inverse ? 1.0 / n : 1;
    }
    if (norm.equals("ortho")) {
      return 1 / Math.sqrt(n);
    }
    if (norm.equals("forward")) {
      return inverse ? 1 : 1.0 / n;
    }
    throw KernelException.of("%s: norm must be \"backward\", \"ortho\" or \"forward\", got \"%s\"", fn, norm);
  }
}
