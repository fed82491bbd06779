package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.FieldVector;

/** Arnoldi's method: Ritz values of a general operator from an m-dimensional Krylov space (S05). */
public final class Arnoldi {
  private Arnoldi() {}

  @Kernel(name = "solvers.arnoldi", doc = "k Ritz values of a general square operator from m steps of the Arnoldi "
      + "process (modified Gram–Schmidt, applied twice; no restarts): the eigenvalues of the m×m Hessenberg matrix H_m "
      + "(Hipparchus' nonsymmetric eigensolver). m defaults to min(n, max(2k + 1, 30)). which: \"magnitude\" (default, "
      + "largest |θ|), \"largest_real\" or \"smallest_real\". Each Ritz value's residual ‖A u − θ u‖ = h_{m+1,m}·|y_m| "
      + "(y the unit eigenvector of H_m) is reported; converged means all are <= tol·max|θ| (default tol 1e-8) — "
      + "otherwise raise m. Start: x0 or a seeded Gaussian. Returns {values (complex [k], in the order of which), "
      + "residuals [k], iterations (= m, less on an invariant subspace), converged, reason}. Function operators need n. "
      + "Example: solvers.arnoldi(sparse.convection_diffusion(100, 40), 4, m: 60).values")
  public static Map<String, Object> arnoldi(@Arg("a") LinearOperator a, @Arg(value = "k", dflt = "6") int k,
      @Arg(value = "m", dflt = "none") Integer m, @Arg(value = "which", dflt = "\"magnitude\"") String which,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "x0", dflt = "none") Tensor x0,
      @Arg(value = "seed", dflt = "none") Rng rng, @Arg(value = "n", dflt = "none") Integer n, KernelContext ctx) {
    String fn = "solvers.arnoldi";
    SolverOperator op = SolverOperator.forEigen(a, n, fn);
    int size = op.n;
    int dim = m == null ? Math.min(size, Math.max(2 * k + 1, 30)) : m;
    if (k < 1 || dim < k || dim > size) {
      throw KernelException.of("%s: needs 1 <= k <= m <= n, got k = %d, m = %d, n = %d", fn, k, dim, size);
    }
    if (!List.of("magnitude", "largest_real", "smallest_real").contains(which)) {
      throw KernelException.of("%s: which must be \"magnitude\", \"largest_real\" or \"smallest_real\", got \"%s\"", fn,
          which);
    }
    Outcome.checkLimits(tol, dim, size, fn);
    double[][] v = new double[dim + 1][];
    v[0] = PowerIteration.start(x0, size, rng, fn);
    double[][] h = new double[dim + 1][dim];
    int steps = 0;
    double hLast = 0;
    String reason = null;
    for (int j = 0; j < dim; j++) {
      ctx.poll();
      double[] w = new double[size];
      op.apply(v[j], w);
      double before = Vec.norm(w);
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i <= j; i++) {
          double c = Vec.dot(w, v[i]);
          h[i][j] += c;
          Vec.axpy(-c, v[i], w);
        }
      }
      double hn = Vec.norm(w);
      h[j + 1][j] = hn;
      steps = j + 1;
      hLast = hn;
      if (hn <= 1e-12 * Math.max(before, Double.MIN_NORMAL)) {
        reason = "invariant subspace found (the Ritz values are exact)";
        hLast = 0;
        break;
      }
      Vec.scale(1 / hn, w);
      v[j + 1] = w;
    }
    if (steps < k) {
      throw KernelException.of("%s: the start vector lies in an invariant subspace of dimension %d < k = %d; give another "
          + "seed or x0", fn, steps, k);
    }
    double[][] hm = new double[steps][steps];
    for (int i = 0; i < steps; i++) {
      System.arraycopy(h[i], 0, hm[i], 0, steps);
    }
    org.hipparchus.linear.EigenDecompositionNonSymmetric eig = new org.hipparchus.linear.EigenDecompositionNonSymmetric(
        new org.hipparchus.linear.Array2DRowRealMatrix(hm, false));
    Complex[] ev = eig.getEigenvalues();
    Integer[] idx = new Integer[steps];
    for (int i = 0; i < steps; i++) {
      idx[i] = i;
    }
    java.util.Comparator<Integer> order = switch (which) {
      case "largest_real" -> (p, q) -> Double.compare(ev[q].getReal(), ev[p].getReal());
      case "smallest_real" -> (p, q) -> Double.compare(ev[p].getReal(), ev[q].getReal());
      default -> (p, q) -> Double.compare(ev[q].norm(), ev[p].norm());
    };
    java.util.Arrays.sort(idx, order.thenComparing((p, q) -> Double.compare(ev[q].getImaginary(), ev[p].getImaginary())));
    double[] re = new double[k];
    double[] im = new double[k];
    double[] res = new double[k];
    double maxAbs = 0;
    boolean all = true;
    for (int c = 0; c < k; c++) {
      int i = idx[c];
      re[c] = ev[i].getReal();
      im[c] = ev[i].getImaginary();
      maxAbs = Math.max(maxAbs, ev[i].norm());
      FieldVector<Complex> y = eig.getEigenvector(i);
      double norm = 0;
      for (int t = 0; t < steps; t++) {
        norm += y.getEntry(t).norm() * y.getEntry(t).norm();
      }
      res[c] = hLast * y.getEntry(steps - 1).norm() / Math.sqrt(norm);
    }
    for (double r : res) {
      all &= r <= tol * Math.max(maxAbs, Double.MIN_NORMAL);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("values", Tensor.complex(Tensor.wrap(new int[] {k}, re), Tensor.wrap(new int[] {k}, im)));
    out.put("residuals", Tensor.wrap(new int[] {k}, res));
    out.put("iterations", (double) steps);
    out.put("converged", reason != null || all);
    out.put("reason", reason != null ? reason : all ? Outcome.TOLERANCE
        : "Krylov dimension m = " + dim + " reached before the tolerance (increase m)");
    return out;
  }
}
