package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lanczos with full reorthogonalisation for extreme eigenvalues of symmetric operators (S05). */
public final class Lanczos {
  private Lanczos() {}

  @Kernel(name = "solvers.lanczos", doc = "k extreme eigenvalues of a symmetric operator by the Lanczos process with "
      + "full reorthogonalisation (each new vector is orthogonalised twice against all previous ones, so no spurious "
      + "copies appear; memory n × steps). which: \"largest\" (default, algebraic), \"smallest\", \"both\" (ceil(k/2) "
      + "largest and floor(k/2) smallest) or \"magnitude\" (largest |λ|). The Ritz values of the tridiagonal T_j are "
      + "checked as the space grows; it stops when every wanted Ritz value has residual bound β_j·|s_j| <= tol·‖T‖ "
      + "(default 1e-8), on an invariant subspace (exact), or after max_iter steps (default n). Start vector: x0 or a "
      + "seeded Gaussian. Returns {values (ascending), vectors ([n, k] Ritz vectors, when vectors: true), iterations "
      + "(Lanczos steps), residuals (the bounds, per value), converged, reason}. Function operators need n and are "
      + "assumed symmetric; a dense or sparse a is checked for symmetry (relative tolerance 1e-10). "
      + "Example: solvers.lanczos(sparse.poisson1d(100), 3, which: \"both\").values")
  public static Map<String, Object> lanczos(@Arg("a") LinearOperator a, @Arg(value = "k", dflt = "6") int k,
      @Arg(value = "which", dflt = "\"largest\"") String which, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "none") Integer maxIter, @Arg(value = "x0", dflt = "none") Tensor x0,
      @Arg(value = "seed", dflt = "none") Rng rng, @Arg(value = "n", dflt = "none") Integer n,
      @Arg(value = "vectors", dflt = "false") boolean vectors, KernelContext ctx) {
    String fn = "solvers.lanczos";
    SolverOperator op = SolverOperator.forEigen(a, n, fn);
    op.requireSymmetric();
    int size = op.n;
    if (k < 1 || k > size) {
      throw KernelException.of("%s: k must be in 1..%d (the operator's size), got %d", fn, size, k);
    }
    if (!List.of("largest", "smallest", "both", "magnitude").contains(which)) {
      throw KernelException.of("%s: which must be \"largest\", \"smallest\", \"both\" or \"magnitude\", got \"%s\"", fn,
          which);
    }
    int max = maxIter == null ? size : Math.min(size, maxIter);
    if (max < k) {
      throw KernelException.of("%s: max_iter = %d is below k = %d", fn, max, k);
    }
    Outcome.checkLimits(tol, max, size, fn);
    List<double[]> v = new ArrayList<>();
    v.add(PowerIteration.start(x0, size, rng, fn));
    double[] alpha = new double[max];
    double[] beta = new double[max];
    double[] w = new double[size];
    int steps = 0;
    int lastCheck = 0;
    Ritz ritz = null;
    boolean converged = false;
    String reason = Outcome.MAX_ITER;
    while (steps < max) {
      ctx.poll();
      double[] q = v.get(steps);
      op.apply(q, w);
      alpha[steps] = Vec.dot(q, w);
      Vec.axpy(-alpha[steps], q, w);
      if (steps > 0) {
        Vec.axpy(-beta[steps - 1], v.get(steps - 1), w);
      }
      for (int pass = 0; pass < 2; pass++) {
        for (double[] u : v) {
          Vec.axpy(-Vec.dot(u, w), u, w);
        }
      }
      beta[steps] = Vec.norm(w);
      steps++;
      double scale = 0;
      for (int i = 0; i < steps; i++) {
        scale = Math.max(scale, Math.abs(alpha[i]) + beta[i]);
      }
      boolean invariant = beta[steps - 1] <= 1e-12 * Math.max(scale, Double.MIN_NORMAL);
      if (steps >= k && (invariant || steps == max || steps - lastCheck >= Math.max(1, steps / 8))) {
        lastCheck = steps;
        ritz = Ritz.of(alpha, beta, steps, k, which);
        if (invariant) {
          converged = true;
          reason = "invariant subspace found (the Ritz values are exact)";
          break;
        }
        if (ritz.maxBound() <= tol * scale) {
          converged = true;
          reason = Outcome.TOLERANCE;
          break;
        }
      }
      if (invariant) {
        throw KernelException.of("%s: the start vector lies in an invariant subspace of dimension %d < k = %d; "
            + "give another seed or x0", fn, steps, k);
      }
      if (steps < max) {
        double[] next = w.clone();
        Vec.scale(1 / beta[steps - 1], next);
        v.add(next);
      }
    }
    if (ritz == null || lastCheck != steps) {
      ritz = Ritz.of(alpha, beta, steps, k, which);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("values", Tensor.wrap(new int[] {ritz.values.length}, ritz.values));
    if (vectors) {
      double[] vec = new double[size * ritz.values.length];
      for (int c = 0; c < ritz.values.length; c++) {
        double[] s = ritz.vectors[c];
        for (int j = 0; j < steps; j++) {
          double[] u = v.get(j);
          for (int i = 0; i < size; i++) {
            vec[i * ritz.values.length + c] += s[j] * u[i];
          }
        }
      }
      out.put("vectors", Tensor.wrap(new int[] {size, ritz.values.length}, vec));
    }
    out.put("iterations", (double) steps);
    out.put("residuals", Tensor.wrap(new int[] {ritz.bounds.length}, ritz.bounds));
    out.put("converged", converged);
    out.put("reason", reason);
    return out;
  }

  /** The wanted Ritz pairs of the tridiagonal T_j, with their residual bounds β_j·|s_{j,i}|. */
  static final class Ritz {
    double[] values;
    double[] bounds;
    double[][] vectors;

    double maxBound() {
      double m = 0;
      for (double b : bounds) {
        m = Math.max(m, b);
      }
      return m;
    }

    static Ritz of(double[] alpha, double[] beta, int steps, int k, String which) {
      double[] main = java.util.Arrays.copyOf(alpha, steps);
      double[] sub = java.util.Arrays.copyOf(beta, Math.max(0, steps - 1));
      org.hipparchus.linear.EigenDecompositionSymmetric eig = new org.hipparchus.linear.EigenDecompositionSymmetric(main, sub);
      double[] ev = eig.getEigenvalues();
      Integer[] idx = new Integer[steps];
      for (int i = 0; i < steps; i++) {
        idx[i] = i;
      }
      java.util.Arrays.sort(idx, (p, q) -> Double.compare(ev[p], ev[q]));
      List<Integer> pick = new ArrayList<>();
      switch (which) {
        case "largest" -> {
          for (int i = steps - k; i < steps; i++) {
            pick.add(idx[i]);
          }
        }
        case "smallest" -> {
          for (int i = 0; i < k; i++) {
            pick.add(idx[i]);
          }
        }
        case "both" -> {
          int hi = (k + 1) / 2;
          for (int i = 0; i < k - hi; i++) {
            pick.add(idx[i]);
          }
          for (int i = steps - hi; i < steps; i++) {
            pick.add(idx[i]);
          }
        }
        default -> {
          Integer[] byMag = idx.clone();
          java.util.Arrays.sort(byMag, (p, q) -> Double.compare(Math.abs(ev[q]), Math.abs(ev[p])));
          for (int i = 0; i < k; i++) {
            pick.add(byMag[i]);
          }
          pick.sort((p, q) -> Double.compare(ev[p], ev[q]));
        }
      }
      Ritz r = new Ritz();
      r.values = new double[pick.size()];
      r.bounds = new double[pick.size()];
      r.vectors = new double[pick.size()][];
      double last = beta[steps - 1];
      for (int c = 0; c < pick.size(); c++) {
        int i = pick.get(c);
        r.values[c] = ev[i];
        double[] s = eig.getEigenvector(i).toArray();
        r.vectors[c] = s;
        r.bounds[c] = Math.abs(last * s[steps - 1]);
      }
      return r;
    }
  }
}
