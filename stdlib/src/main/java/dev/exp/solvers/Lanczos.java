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
      + "checked as the space grows; a run stops when every wanted Ritz value has residual bound β_j·|s_j| <= tol·‖T‖ "
      + "(default 1e-8), on an invariant subspace (exact), or after max_iter steps (default n). One Krylov space holds "
      + "one direction of each eigenspace, so a repeated eigenvalue would appear once: the converged pairs are "
      + "locked and the process restarts from a random vector orthogonal to them, until a restart no longer changes "
      + "the wanted k values (so repeated eigenvalues come with their multiplicity; this costs at least one extra "
      + "run). Start vector: x0 or a seeded Gaussian. Returns {values (ascending), vectors ([n, k] orthonormal Ritz "
      + "vectors, when vectors: true), iterations (Lanczos steps over all runs), residuals (the bounds, per value), "
      + "converged, reason}. Function operators need n and are "
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
    // Deflated restarts: one Krylov space holds a single vector of each eigenspace, so a repeated eigenvalue
    // shows up once however long the run. Each run's converged wanted pairs are locked; the next run starts
    // from a random vector orthogonal to every locked vector and stays orthogonal to them. The answer is the
    // wanted k among the locked values, confirmed when a run adds nothing that changes them.
    List<double[]> lockedVec = new ArrayList<>();
    List<Double> lockedVal = new ArrayList<>();
    List<Double> lockedBound = new ArrayList<>();
    Rng restarts = rng != null ? rng : new Rng(0x1a2c05L);
    double[] start = PowerIteration.start(x0, size, restarts, fn);
    int steps = 0;
    double scale = 0;
    boolean converged = true;
    boolean exact = true;
    String reason = null;
    double[] chosen = null;
    int maxRuns = k + 3;
    for (int run = 0; ; run++) {
      int dim = size - lockedVec.size(); // the dimension of the complement still to search
      if (dim <= 0) {
        break;
      }
      if (run > 0) {
        start = orthogonalStart(restarts, size, lockedVec);
        if (start == null) {
          break; // the locked vectors span the space (numerically)
        }
      }
      if (run == maxRuns) {
        converged = false;
        reason = "the wanted values still changed after " + (run - 1) + " restarts (many repeated eigenvalues?)";
        break;
      }
      Run r = run(op, start, lockedVec, Math.min(k, dim), which, tol, Math.min(max, dim), ctx);
      steps += r.steps;
      scale = Math.max(scale, r.scale);
      for (int c = 0; c < r.values.length; c++) {
        lockedVal.add(r.values[c]);
        lockedBound.add(r.bounds[c]);
        lockedVec.add(r.vectors[c]);
      }
      if (!r.converged) {
        converged = false;
        reason = Outcome.MAX_ITER;
        break;
      }
      exact &= r.invariant;
      double[] now = values(lockedVal, pick(lockedVal, k, which));
      if (chosen != null && now.length == chosen.length && same(now, chosen, Math.max(tol, 1e3 * Math.ulp(1.0)) * scale)) {
        break;
      }
      chosen = now;
    }
    if (reason == null) {
      reason = exact ? "invariant subspace found (the Ritz values are exact)" : Outcome.TOLERANCE;
    }
    List<Integer> pick = pick(lockedVal, k, which);
    int kk = pick.size();
    double[] values = new double[kk];
    double[] bounds = new double[kk];
    for (int c = 0; c < kk; c++) {
      values[c] = lockedVal.get(pick.get(c));
      bounds[c] = lockedBound.get(pick.get(c));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("values", Tensor.wrap(new int[] {kk}, values));
    if (vectors) {
      double[] vec = new double[size * kk];
      for (int c = 0; c < kk; c++) {
        double[] u = lockedVec.get(pick.get(c));
        for (int i = 0; i < size; i++) {
          vec[i * kk + c] = u[i];
        }
      }
      out.put("vectors", Tensor.wrap(new int[] {size, kk}, vec));
    }
    out.put("iterations", (double) steps);
    out.put("residuals", Tensor.wrap(new int[] {kk}, bounds));
    out.put("converged", converged);
    out.put("reason", reason);
    return out;
  }

  /** One Lanczos run: its wanted Ritz pairs (vectors in R^n, unit), steps, ‖T‖ estimate and how it ended. */
  static final class Run {
    double[] values;
    double[] bounds;
    double[][] vectors;
    int steps;
    double scale;
    boolean converged;
    boolean invariant;
  }

  /**
   * Lanczos with full reorthogonalisation (twice, against this run's vectors and the locked ones) from a
   * unit start vector orthogonal to the locked vectors, for up to max steps; stops when every wanted
   * Ritz value has bound β_j·|s_j| <= tol·‖T‖ or on an invariant subspace (then fewer than k pairs when
   * its dimension is below k: they are exact).
   */
  static Run run(SolverOperator op, double[] start, List<double[]> locked, int k, String which, double tol, int max,
      KernelContext ctx) {
    int size = op.n;
    List<double[]> v = new ArrayList<>();
    v.add(start);
    double[] alpha = new double[max];
    double[] beta = new double[max];
    double[] w = new double[size];
    int steps = 0;
    int lastCheck = 0;
    double scale = 0;
    Ritz ritz = null;
    Run out = new Run();
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
        for (double[] u : locked) {
          Vec.axpy(-Vec.dot(u, w), u, w);
        }
        for (double[] u : v) {
          Vec.axpy(-Vec.dot(u, w), u, w);
        }
      }
      beta[steps] = Vec.norm(w);
      steps++;
      scale = Math.max(scale, Math.abs(alpha[steps - 1]) + beta[steps - 1]);
      boolean invariant = beta[steps - 1] <= 1e-12 * Math.max(scale, Double.MIN_NORMAL);
      if (invariant && steps < k) {
        ritz = Ritz.of(alpha, beta, steps, steps, which);
        out.converged = true;
        out.invariant = true;
        break;
      }
      if (steps >= k && (invariant || steps == max || steps - lastCheck >= Math.max(1, steps / 8))) {
        lastCheck = steps;
        ritz = Ritz.of(alpha, beta, steps, k, which);
        if (invariant) {
          out.converged = true;
          out.invariant = true;
          break;
        }
        if (ritz.maxBound() <= tol * scale) {
          out.converged = true;
          break;
        }
      }
      if (steps < max) {
        double[] next = w.clone();
        Vec.scale(1 / beta[steps - 1], next);
        v.add(next);
      }
    }
    if (ritz == null) {
      ritz = Ritz.of(alpha, beta, steps, Math.min(k, steps), which);
    }
    int kk = ritz.values.length;
    out.values = ritz.values;
    out.bounds = ritz.bounds;
    out.vectors = new double[kk][size];
    for (int c = 0; c < kk; c++) {
      double[] s = ritz.vectors[c];
      double[] x = out.vectors[c];
      for (int j = 0; j < steps; j++) {
        Vec.axpy(s[j], v.get(j), x);
      }
      double nx = Vec.norm(x);
      if (nx > 0) {
        Vec.scale(1 / nx, x);
      }
    }
    out.steps = steps;
    out.scale = scale;
    return out;
  }

  /** A seeded Gaussian unit vector orthogonal (twice) to the locked vectors, or null if none is left. */
  private static double[] orthogonalStart(Rng rng, int n, List<double[]> locked) {
    for (int attempt = 0; attempt < 3; attempt++) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextGaussian();
      }
      double before = Vec.norm(x);
      for (int pass = 0; pass < 2; pass++) {
        for (double[] u : locked) {
          Vec.axpy(-Vec.dot(u, x), u, x);
        }
      }
      double nx = Vec.norm(x);
      if (nx > 1e-8 * before) {
        Vec.scale(1 / nx, x);
        return x;
      }
    }
    return null;
  }

  /** The indices of the wanted values (as {@link Ritz#of} picks them), in ascending order of value. */
  static List<Integer> pick(List<Double> vals, int k, String which) {
    double[] ev = new double[vals.size()];
    for (int i = 0; i < ev.length; i++) {
      ev[i] = vals.get(i);
    }
    return pick(ev, Math.min(k, ev.length), which);
  }

  private static double[] values(List<Double> vals, List<Integer> idx) {
    double[] out = new double[idx.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vals.get(idx.get(i));
    }
    return out;
  }

  private static boolean same(double[] a, double[] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= tol)) {
        return false;
      }
    }
    return true;
  }

  /** The indices of the k wanted values of ev ("largest", "smallest", "both", "magnitude"), ascending by value. */
  static List<Integer> pick(double[] ev, int k, String which) {
    int steps = ev.length;
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
    return pick;
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
      List<Integer> pick = pick(ev, k, which);
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
