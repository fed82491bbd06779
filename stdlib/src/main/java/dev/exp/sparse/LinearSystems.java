package dev.exp.sparse;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;

/**
 * Seeded families of test systems (D09): dense SPD matrices with a prescribed spectrum, and sparse
 * diagonally dominant (symmetric or not) matrices. With the Poisson and convection–diffusion stencils
 * and {@code sparse.shift} (A + cI) they give the related-instance sequences of solver experiments.
 */
public final class LinearSystems {
  private LinearSystems() {}

  @Kernel(name = "sparse.random_spd", doc = "A seeded dense symmetric positive definite n×n matrix Q·diag(λ)·Qᵀ with "
      + "Q a random orthogonal matrix (QR of a Gaussian matrix, signs fixed) and eigenvalues λ spaced geometrically "
      + "from 1 to cond (so the 2-norm condition number is exactly cond, up to rounding), or the given eigenvalues. "
      + "Example: sparse.random_spd(50, 1e4, seed: 3)")
  public static Tensor randomSpd(@Arg("n") int n, @Arg(value = "cond", dflt = "100") double cond,
      @Arg(value = "seed", dflt = "none") Rng rng, @Arg(value = "eigenvalues", dflt = "none") Tensor eigenvalues) {
    String fn = "sparse.random_spd";
    if (n < 1) {
      throw KernelException.of("%s: n must be >= 1, got %d", fn, n);
    }
    double[] lam = new double[n];
    if (eigenvalues != null) {
      if (eigenvalues.size() != n) {
        throw KernelException.of("%s: eigenvalues must have length n = %d, got %d", fn, n, eigenvalues.size());
      }
      lam = eigenvalues.toArray();
      for (double l : lam) {
        if (!(l > 0)) {
          throw KernelException.of("%s: eigenvalues must be positive, got %s", fn, l);
        }
      }
    } else {
      if (!(cond >= 1) || Double.isInfinite(cond)) {
        throw KernelException.of("%s: cond must be a finite number >= 1, got %s", fn, cond);
      }
      for (int i = 0; i < n; i++) {
        lam[i] = n == 1 ? 1 : Math.pow(cond, (double) i / (n - 1));
      }
    }
    double[][] q = orthogonal(n, rng);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += q[k][i] * lam[k] * q[k][j];
        }
        a[i * n + j] = s;
        a[j * n + i] = s;
      }
    }
    return Tensor.wrap(new int[] {n, n}, a);
  }

  /** Rows q[k] are orthonormal: Gram–Schmidt (twice) of Gaussian vectors. */
  static double[][] orthogonal(int n, Rng rng) {
    double[][] q = new double[n][n];
    for (int k = 0; k < n; k++) {
      double[] v = q[k];
      for (int i = 0; i < n; i++) {
        v[i] = rng.nextGaussian();
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < k; j++) {
          double d = 0;
          for (int i = 0; i < n; i++) {
            d += v[i] * q[j][i];
          }
          for (int i = 0; i < n; i++) {
            v[i] -= d * q[j][i];
          }
        }
      }
      double nrm = 0;
      for (double x : v) {
        nrm += x * x;
      }
      nrm = Math.sqrt(nrm);
      for (int i = 0; i < n; i++) {
        v[i] /= nrm;
      }
    }
    return q;
  }

  @Kernel(name = "sparse.random_diag_dominant", doc = "A seeded sparse n×n strictly diagonally dominant matrix: about "
      + "density·n² off-diagonal entries uniform in [−1, 1] at random positions (mirrored when symmetric: true), and "
      + "each diagonal entry (1 + margin) times the sum of |off-diagonal| in its row (at least 1 + margin). Jacobi and "
      + "Gauss–Seidel converge on it; symmetric ones are SPD. Example: sparse.random_diag_dominant(500, 0.01, seed: 1)")
  public static SparseMatrix randomDiagDominant(@Arg("n") int n, @Arg(value = "density", dflt = "0.01") double density,
      @Arg(value = "margin", dflt = "0.1") double margin, @Arg(value = "symmetric", dflt = "false") boolean symmetric,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "sparse.random_diag_dominant";
    if (n < 1 || !(density >= 0 && density <= 1) || !(margin > 0)) {
      throw KernelException.of("%s: needs n >= 1, density in [0, 1] and margin > 0, got n = %d, density = %s, margin = %s",
          fn, n, density, margin);
    }
    int k = (int) Math.round(density * n * (double) (n - 1) / (symmetric ? 2 : 1));
    java.util.HashSet<Long> seen = new java.util.HashSet<>();
    int cap = symmetric ? 2 * k + n : k + n;
    int[] r = new int[cap];
    int[] c = new int[cap];
    double[] v = new double[cap];
    double[] rowSum = new double[n];
    int t = 0;
    int placed = 0;
    while (placed < k && n > 1) {
      int i = rng.nextInt(n);
      int j = rng.nextInt(n);
      if (i == j || symmetric && i > j) {
        continue;
      }
      if (!seen.add((long) i * n + j)) {
        continue;
      }
      double x = 2 * rng.nextDouble() - 1;
      r[t] = i;
      c[t] = j;
      v[t++] = x;
      rowSum[i] += Math.abs(x);
      if (symmetric) {
        r[t] = j;
        c[t] = i;
        v[t++] = x;
        rowSum[j] += Math.abs(x);
      }
      placed++;
    }
    for (int i = 0; i < n; i++) {
      r[t] = i;
      c[t] = i;
      v[t++] = (1 + margin) * Math.max(rowSum[i], 1);
    }
    return Csr.fromTriplets(n, n, java.util.Arrays.copyOf(r, t), java.util.Arrays.copyOf(c, t),
        java.util.Arrays.copyOf(v, t));
  }
}
