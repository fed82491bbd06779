package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Random sketching matrices S [m, n] applied to a matrix A [n, d] (T12): Gaussian, the subsampled
 * randomised Hadamard transform (through the fast WHT) and CountSketch; and sketch-and-solve
 * least squares x̃ = argmin ‖S·A·x − S·b‖.
 */
public final class Sketches {
  private Sketches() {}

  static final String KIND_DOC = " kind: \"gaussian\" (S[i, j] ~ N(0, 1/m), O(mnd)), \"srht\" (S = √(N/m)·P·(H/√N)·D "
      + "with D random signs, H the N×N Hadamard matrix, N the next power of two >= n (A is zero-padded) and P "
      + "m rows sampled without replacement; O(N·d·log N) through the fast WHT) or \"countsketch\" (each row of A "
      + "added with a random sign to one random row of the sketch, O(nd)). Each has E[SᵀS] = I.";

  @Kernel(name = "transforms.sketch", doc = "A random sketch S·A [m, d] of a matrix A [n, d] (or of a vector [n], "
      + "giving [m])." + KIND_DOC + " The same seed gives the same S as transforms.sketch_matrix. "
      + "Example: transforms.sketch(a, 64, kind: \"srht\", seed: 1)")
  public static Tensor sketch(@Arg("a") Tensor a, @Arg("m") int m, @Arg(value = "kind", dflt = "\"gaussian\"") String kind,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.sketch";
    boolean vec = a.rank() == 1;
    Tensor a2 = vec ? a.reshape(a.size(), 1) : a;
    Tensor r = apply(a2, m, kind, rng, fn);
    return vec ? r.reshape(m) : r;
  }

  @Kernel(name = "transforms.sketch_matrix", doc = "The sketching matrix S [m, n] itself (the sketch of the identity)."
      + KIND_DOC + " Example: transforms.sketch_matrix(8, 100, kind: \"countsketch\", seed: 1)")
  public static Tensor sketchMatrix(@Arg("m") int m, @Arg("n") int n,
      @Arg(value = "kind", dflt = "\"gaussian\"") String kind, @Arg(value = "seed", dflt = "none") Rng rng) {
    if (n < 1) {
      throw KernelException.of("transforms.sketch_matrix: n must be >= 1, got %d", n);
    }
    double[] eye = new double[n * n];
    for (int i = 0; i < n; i++) {
      eye[i * n + i] = 1;
    }
    return apply(Tensor.wrap(new int[] {n, n}, eye), m, kind, rng, "transforms.sketch_matrix");
  }

  @Kernel(name = "transforms.sketch_lstsq", doc = "Sketch-and-solve least squares: x̃ = argmin_x ‖S·A·x − S·b‖₂ for "
      + "A [n, d] and b [n], with S a random [m, n] sketch (m >= d). Returns {x [d], residual (‖A·x̃ − b‖₂), "
      + "sketched_residual (‖S·A·x̃ − S·b‖₂)}; with m ≈ d/ε² the residual is within 1 + ε of the optimum with high "
      + "probability." + KIND_DOC + " Example: transforms.sketch_lstsq(a, b, 200, kind: \"srht\", seed: 2).x")
  public static java.util.Map<String, Object> sketchLstsq(@Arg("a") Tensor a, @Arg("b") Tensor b, @Arg("m") int m,
      @Arg(value = "kind", dflt = "\"gaussian\"") String kind, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.sketch_lstsq";
    if (a.rank() != 2 || b.rank() != 1 || b.size() != a.dim(0)) {
      throw KernelException.of("%s: needs A [n, d] and b [n], got %s and %s", fn, Tensor.shapeString(a.shape()),
          Tensor.shapeString(b.shape()));
    }
    int n = a.dim(0);
    int d = a.dim(1);
    if (m < d) {
      throw KernelException.of("%s: the sketch size m = %d must be at least the number of columns d = %d", fn, m, d);
    }
    // sketch [A | b] with one S
    double[] av = a.raw();
    double[] bv = b.raw();
    double[] ab = new double[n * (d + 1)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(av, i * d, ab, i * (d + 1), d);
      ab[i * (d + 1) + d] = bv[i];
    }
    double[] s = apply(Tensor.wrap(new int[] {n, d + 1}, ab), m, kind, rng, fn).raw();
    DMatrixRMaj sa = new DMatrixRMaj(m, d);
    DMatrixRMaj sb = new DMatrixRMaj(m, 1);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        sa.set(i, j, s[i * (d + 1) + j]);
      }
      sb.set(i, 0, s[i * (d + 1) + d]);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
    if (!solver.setA(sa)) {
      throw KernelException.of("%s: the sketched matrix S·A is rank deficient (m = %d, d = %d)", fn, m, d);
    }
    DMatrixRMaj x = new DMatrixRMaj(d, 1);
    solver.solve(sb, x);
    double res = 0;
    for (int i = 0; i < n; i++) {
      double r = -bv[i];
      for (int j = 0; j < d; j++) {
        r += av[i * d + j] * x.get(j, 0);
      }
      res += r * r;
    }
    double sres = 0;
    for (int i = 0; i < m; i++) {
      double r = -sb.get(i, 0);
      for (int j = 0; j < d; j++) {
        r += sa.get(i, j) * x.get(j, 0);
      }
      sres += r * r;
    }
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("x", Tensor.wrap(new int[] {d}, x.getData().clone()));
    out.put("residual", Math.sqrt(res));
    out.put("sketched_residual", Math.sqrt(sres));
    return out;
  }

  static Tensor apply(Tensor a, int m, String kind, Rng rng, String fn) {
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (a.rank() != 2 || a.isComplex()) {
      throw KernelException.of("%s: needs a real matrix [n, d], got shape %s", fn, Tensor.shapeString(a.shape()));
    }
    int n = a.dim(0);
    int d = a.dim(1);
    if (m < 1) {
      throw KernelException.of("%s: the sketch size m must be >= 1, got %d", fn, m);
    }
    double[] av = a.raw();
    double[] out = new double[m * d];
    switch (kind) {
      case "gaussian": {
        double sd = 1 / Math.sqrt(m);
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double g = sd * rng.nextGaussian();
            for (int c = 0; c < d; c++) {
              out[i * d + c] += g * av[j * d + c];
            }
          }
        }
        break;
      }
      case "countsketch": {
        for (int j = 0; j < n; j++) {
          int row = rng.nextInt(m);
          double sign = rng.nextDouble() < 0.5 ? -1 : 1;
          for (int c = 0; c < d; c++) {
            out[row * d + c] += sign * av[j * d + c];
          }
        }
        break;
      }
      case "srht": {
        int big = 1;
        while (big < n) {
          big <<= 1;
        }
        if (m > big) {
          throw KernelException.of("%s: an SRHT samples m <= N = %d rows (N the next power of two >= n = %d), got m = %d",
              fn, big, n, m);
        }
        double[] col = new double[big];
        double[] sign = new double[n];
        for (int j = 0; j < n; j++) {
          sign[j] = rng.nextDouble() < 0.5 ? -1 : 1;
        }
        int[] rows = sampleRows(big, m, rng);
        double scale = Math.sqrt((double) big / m) / Math.sqrt(big);
        for (int c = 0; c < d; c++) {
          java.util.Arrays.fill(col, 0.0);
          for (int j = 0; j < n; j++) {
            col[j] = sign[j] * av[j * d + c];
          }
          Hadamard.transform(col, 0, big);
          for (int i = 0; i < m; i++) {
            out[i * d + c] = scale * col[rows[i]];
          }
        }
        break;
      }
      default:
        throw KernelException.of("%s: kind must be \"gaussian\", \"srht\" or \"countsketch\", got \"%s\"", fn, kind);
    }
    return Tensor.wrap(new int[] {m, d}, out);
  }

  /** m distinct indices of 0..n−1 (partial Fisher–Yates), in sampled order. */
  private static int[] sampleRows(int n, int m, Rng rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return java.util.Arrays.copyOf(p, m);
  }
}
