package dev.exp.data;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.sparse.SparseMatrix;
import dev.exp.sparse.Stencils;

/**
 * The linear-system family of the data sources (D09) under the names the language brief uses
 * ({@code data.poisson2d(n)}): the same matrices as {@code sparse.poisson1d/2d/3d}.
 */
public final class LinearSystemFamilies {
  private LinearSystemFamilies() {}

  private static final String SAME = " The same matrix as ";

  @Kernel(name = "data.poisson1d", doc = "The 1-D Poisson matrix tridiag(−1, 2, −1) of size n." + SAME
      + "sparse.poisson1d (see it for h_scale). Example: data.poisson1d(100)")
  public static SparseMatrix poisson1d(@Arg("n") int n, @Arg(value = "h_scale", dflt = "false") boolean hScale) {
    return Stencils.poisson("data.poisson1d", n, 1, hScale);
  }

  @Kernel(name = "data.poisson2d", doc = "The 2-D 5-point Poisson matrix on an n×n interior grid (N = n²)." + SAME
      + "sparse.poisson2d (see it for h_scale). Example: solvers.sor(data.poisson2d(32), ones([1024]), omega: 1.8)")
  public static SparseMatrix poisson2d(@Arg("n") int n, @Arg(value = "h_scale", dflt = "false") boolean hScale) {
    return Stencils.poisson("data.poisson2d", n, 2, hScale);
  }

  @Kernel(name = "data.poisson3d", doc = "The 3-D 7-point Poisson matrix on an n×n×n interior grid (N = n³)." + SAME
      + "sparse.poisson3d (see it for h_scale). Example: data.poisson3d(16)")
  public static SparseMatrix poisson3d(@Arg("n") int n, @Arg(value = "h_scale", dflt = "false") boolean hScale) {
    return Stencils.poisson("data.poisson3d", n, 3, hScale);
  }
}
