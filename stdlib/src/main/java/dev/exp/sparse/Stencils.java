package dev.exp.sparse;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;

/**
 * Finite-difference matrices on the unit interval, square and cube with n interior points per axis,
 * h = 1/(n+1), Dirichlet boundaries, unknowns ordered lexicographically (the last axis fastest).
 * Unscaled, the stencils have integer entries (2 / 4 / 6 on the diagonal, −1 off it), which is
 * h²·(−Δ_h); {@code h_scale: true} divides by h² to give the discrete −Δ itself.
 */
public final class Stencils {
  private Stencils() {}

  static final String SCALE_DOC = " Unknowns are ordered lexicographically (last axis fastest), h = 1/(n+1), "
      + "Dirichlet boundaries. Unscaled (default) the matrix is h²·(−Δ_h) with integer entries, as SciPy examples "
      + "build it with diags/kron; h_scale: true divides by h², giving −Δ_h.";

  @Kernel(name = "sparse.poisson1d", doc = "The 1-D Poisson matrix tridiag(−1, 2, −1) of size n." + SCALE_DOC
      + " Its eigenvalues are 2 − 2cos(kπ/(n+1)), and with b = 1 the solution is x_i = i(n+1−i)/2 (i = 1..n). "
      + "Example: sparse.poisson1d(100)")
  public static SparseMatrix poisson1d(@Arg("n") int n, @Arg(value = "h_scale", dflt = "false") boolean hScale) {
    return grid("sparse.poisson1d", n, 1, hScale, 0, "central");
  }

  @Kernel(name = "sparse.poisson2d", doc = "The 2-D 5-point Poisson matrix on an n×n interior grid (N = n² unknowns, "
      + "4 on the diagonal, −1 for each of the four neighbours)." + SCALE_DOC + " Example: sparse.poisson2d(32)")
  public static SparseMatrix poisson2d(@Arg("n") int n, @Arg(value = "h_scale", dflt = "false") boolean hScale) {
    return grid("sparse.poisson2d", n, 2, hScale, 0, "central");
  }

  @Kernel(name = "sparse.poisson3d", doc = "The 3-D 7-point Poisson matrix on an n×n×n interior grid (N = n³ unknowns, "
      + "6 on the diagonal, −1 for each of the six neighbours)." + SCALE_DOC + " Example: sparse.poisson3d(16)")
  public static SparseMatrix poisson3d(@Arg("n") int n, @Arg(value = "h_scale", dflt = "false") boolean hScale) {
    return grid("sparse.poisson3d", n, 3, hScale, 0, "central");
  }

  @Kernel(name = "sparse.convection_diffusion", doc = "The nonsymmetric convection–diffusion matrix of −Δu + p·(∂u/∂x₁ "
      + "+ … + ∂u/∂x_dim) on the unit interval (dim 1) or square (dim 2), p the Péclet number (velocity p in every "
      + "direction, unit diffusion). scheme: \"upwind\" (first-order one-sided difference against the flow, an "
      + "M-matrix for every p) or \"central\" (second order; oscillatory when the mesh Péclet number p·h/2 > 1). "
      + "Per axis the unscaled row is −1 − p·h/2, 2, −1 + p·h/2 (central) or −1 − p·h, 2 + p·h, −1 (upwind, p > 0; "
      + "mirrored for p < 0)." + SCALE_DOC + " Example: sparse.convection_diffusion(32, 50, dim: 2)")
  public static SparseMatrix convectionDiffusion(@Arg("n") int n, @Arg("peclet") double peclet,
      @Arg(value = "dim", dflt = "1") int dim, @Arg(value = "scheme", dflt = "\"upwind\"") String scheme,
      @Arg(value = "h_scale", dflt = "false") boolean hScale) {
    String fn = "sparse.convection_diffusion";
    if (dim != 1 && dim != 2) {
      throw KernelException.of("%s: dim must be 1 or 2, got %d", fn, dim);
    }
    if (!scheme.equals("upwind") && !scheme.equals("central")) {
      throw KernelException.of("%s: scheme must be \"upwind\" or \"central\", got \"%s\"", fn, scheme);
    }
    if (!Double.isFinite(peclet)) {
      throw KernelException.of("%s: peclet must be finite, got %s", fn, peclet);
    }
    return grid(fn, n, dim, hScale, peclet, scheme);
  }

  /** The d-dimensional Poisson stencil matrix on n points per axis, for the kernel named {@code fn}. */
  public static SparseMatrix poisson(String fn, int n, int d, boolean hScale) {
    return grid(fn, n, d, hScale, 0, "central");
  }

  /** The d-dimensional grid operator with per-axis row (lo, mid, hi), built directly in CSR. */
  static SparseMatrix grid(String fn, int n, int d, boolean hScale, double p, String scheme) {
    if (n < 1) {
      throw KernelException.of("%s: n must be >= 1, got %d", fn, n);
    }
    long big = 1;
    for (int a = 0; a < d; a++) {
      big *= n;
    }
    if (big * (2L * d + 1) > Integer.MAX_VALUE - 8) {
      throw KernelException.of("%s: n = %d gives too many unknowns (%d)", fn, n, big);
    }
    int size = (int) big;
    double h = 1.0 / (n + 1);
    double lo;
    double mid;
    double hi;
    if (scheme.equals("central")) {
      lo = -1 - p * h / 2;
      mid = 2;
      hi = -1 + p * h / 2;
    } else if (p >= 0) {
      lo = -1 - p * h;
      mid = 2 + p * h;
      hi = -1;
    } else {
      lo = -1;
      mid = 2 - p * h;
      hi = -1 + p * h;
    }
    double s = hScale ? 1 / (h * h) : 1;
    int[] stride = new int[d];
    stride[d - 1] = 1;
    for (int a = d - 2; a >= 0; a--) {
      stride[a] = stride[a + 1] * n;
    }
    int[] indptr = new int[size + 1];
    int[] idx = new int[size * (2 * d + 1)];
    double[] val = new double[idx.length];
    int t = 0;
    for (int i = 0; i < size; i++) {
      // neighbours in increasing column order: axis 0 low, ..., axis d-1 low, centre, axis d-1 high, ..., axis 0 high
      for (int a = 0; a < d; a++) {
        if ((i / stride[a]) % n > 0) {
          idx[t] = i - stride[a];
          val[t++] = s * lo;
        }
      }
      idx[t] = i;
      val[t++] = s * mid * d;
      for (int a = d - 1; a >= 0; a--) {
        if ((i / stride[a]) % n < n - 1) {
          idx[t] = i + stride[a];
          val[t++] = s * hi;
        }
      }
      indptr[i + 1] = t;
    }
    return new SparseMatrix(size, size, indptr, java.util.Arrays.copyOf(idx, t), java.util.Arrays.copyOf(val, t));
  }
}
