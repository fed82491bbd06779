package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Power iteration for the dominant eigenpair and for spectral radii of iteration matrices (S05). */
public final class PowerIteration {
  private PowerIteration() {}

  @Kernel(name = "solvers.power_iteration", doc = "The dominant eigenpair of a square operator by power iteration: "
      + "x ← A x/‖A x‖ from x0 (default a seeded Gaussian vector), eigenvalue estimate the Rayleigh quotient θ = xᵀA x. "
      + "Stops when the eigen-residual ‖A x − θ x‖/|θ| <= tol (default 1e-8) or after max_iter (default 1000) "
      + "products. Converges when one eigenvalue dominates in modulus, at the rate |λ₂/λ₁|; with a ± pair or complex "
      + "dominant pair it does not (use solvers.spectral_radius for |λ|). a is a dense matrix, a sparse matrix or a "
      + "function (then give n). Returns {value, x (unit vector), iterations, values (θ history), residuals "
      + "(eigen-residual history), converged, reason}. Example: solvers.power_iteration(a, seed: 1).value")
  public static Map<String, Object> powerIteration(@Arg("a") LinearOperator a, @Arg(value = "x0", dflt = "none") Tensor x0,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "1000") int maxIter,
      @Arg(value = "seed", dflt = "none") Rng rng, @Arg(value = "n", dflt = "none") Integer n, KernelContext ctx) {
    String fn = "solvers.power_iteration";
    SolverOperator op = SolverOperator.forEigen(a, n, fn);
    Outcome.checkLimits(tol, maxIter, op.n, fn);
    double[] x = start(x0, op.n, rng, fn);
    double[] y = new double[op.n];
    Outcome res = new Outcome();
    Outcome vals = new Outcome();
    double theta = Double.NaN;
    int it = 0;
    String reason = Outcome.MAX_ITER;
    boolean converged = false;
    while (it < maxIter) {
      ctx.poll();
      op.apply(x, y);
      it++;
      theta = Vec.dot(x, y);
      double r = 0;
      double yy = 0;
      for (int i = 0; i < y.length; i++) {
        double d = y[i] - theta * x[i];
        r += d * d;
        yy += y[i] * y[i];
      }
      double rel = Math.sqrt(r) / Math.max(Math.abs(theta), Double.MIN_NORMAL);
      vals.record(theta);
      res.record(rel);
      if (yy == 0) {
        converged = true;
        reason = "A x = 0: the start vector lies in the null space (eigenvalue 0)";
        break;
      }
      if (rel <= tol) {
        converged = true;
        reason = Outcome.TOLERANCE;
        break;
      }
      double s = 1 / Math.sqrt(yy);
      for (int i = 0; i < y.length; i++) {
        x[i] = y[i] * s;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("value", theta);
    out.put("x", Tensor.wrap(new int[] {x.length}, x));
    out.put("iterations", (double) it);
    Map<String, Object> v = vals.result(new double[0], it, converged, reason);
    Map<String, Object> r = res.result(new double[0], it, converged, reason);
    out.put("values", v.get("residuals"));
    out.put("residuals", r.get("residuals"));
    out.put("converged", converged);
    out.put("reason", reason);
    return out;
  }

  @Kernel(name = "solvers.spectral_radius", doc = "The spectral radius ρ(G) = max |λ| of a square operator, e.g. an "
      + "iteration matrix from solvers.iteration_matrix (a method converges iff ρ < 1, and needs about ln(tol)/ln ρ "
      + "iterations). method \"power\" (default): power iteration with the estimate exp(mean of ln‖G x_j‖ over the last "
      + "half of the iterations), which also converges (at rate O(1/k)) when several eigenvalues share the largest "
      + "modulus, as for SOR with ω above its optimum; after at least 100 products it stops when the estimate differs "
      + "from the ones at half and three quarters of the iterations by <= tol (default 1e-6) relative, or after max_iter (default 20000). method \"eig\": all "
      + "eigenvalues of the densely formed G (n <= 2000), exact to rounding. Function operators need n. Returns {value, "
      + "iterations, history (estimates), converged, reason, method}. "
      + "Example: solvers.spectral_radius(solvers.iteration_matrix(sparse.poisson2d(16), \"jacobi\")).value")
  public static Map<String, Object> spectralRadius(@Arg("g") LinearOperator g,
      @Arg(value = "method", dflt = "\"power\"") String method, @Arg(value = "tol", dflt = "1e-6") double tol,
      @Arg(value = "max_iter", dflt = "20000") int maxIter, @Arg(value = "seed", dflt = "none") Rng rng,
      @Arg(value = "n", dflt = "none") Integer n, KernelContext ctx) {
    String fn = "solvers.spectral_radius";
    SolverOperator op = SolverOperator.forEigen(g, n, fn);
    Outcome.checkLimits(tol, maxIter, op.n, fn);
    Map<String, Object> out = new LinkedHashMap<>();
    if (method.equals("eig")) {
      double rho = dense(op, fn, ctx);
      out.put("value", rho);
      out.put("iterations", (double) op.n);
      out.put("history", Tensor.wrap(new int[] {1}, new double[] {rho}));
      out.put("converged", true);
      out.put("reason", "dense eigenvalues");
      out.put("method", method);
      return out;
    }
    if (!method.equals("power")) {
      throw KernelException.of("%s: method must be \"power\" or \"eig\", got \"%s\"", fn, method);
    }
    double[] x = start(null, op.n, rng, fn);
    double[] y = new double[op.n];
    double[] cum = new double[Math.max(16, Math.min(maxIter, 1 << 16)) + 1];
    double[] est = new double[cum.length];
    int it = 0;
    boolean converged = false;
    String reason = Outcome.MAX_ITER;
    double value = Double.NaN;
    Outcome hist = new Outcome();
    while (it < maxIter) {
      ctx.poll();
      op.apply(x, y);
      double nu = Vec.norm(y);
      if (nu == 0) {
        value = 0;
        converged = true;
        reason = "G x = 0 (the start vector is annihilated; ρ may be 0)";
        it++;
        hist.record(0);
        break;
      }
      if (it + 1 >= cum.length) {
        cum = java.util.Arrays.copyOf(cum, 2 * cum.length);
        est = java.util.Arrays.copyOf(est, cum.length);
      }
      // cum[j] = Σ_{i<j} ln‖G x_i‖; the estimate averages the logs of iterations it/2 .. it
      cum[it + 1] = cum[it] + Math.log(nu);
      int from = it / 2;
      est[it] = Math.exp((cum[it + 1] - cum[from]) / (it - from + 1));
      value = est[it];
      hist.record(value);
      for (int i = 0; i < y.length; i++) {
        x[i] = y[i] / nu;
      }
      it++;
      double e = est[it - 1];
      if (it >= 100 && Math.abs(e - est[(it - 1) / 2]) <= tol * e && Math.abs(e - est[3 * (it - 1) / 4]) <= tol * e) {
        converged = true;
        reason = Outcome.TOLERANCE;
        break;
      }
    }
    out.put("value", value);
    out.put("iterations", (double) it);
    out.put("history", hist.result(new double[0], it, converged, reason).get("residuals"));
    out.put("converged", converged);
    out.put("reason", reason);
    out.put("method", method);
    return out;
  }

  /** max |λ| of the operator formed densely column by column. */
  static double dense(SolverOperator op, String fn, KernelContext ctx) {
    int n = op.n;
    if (n > 2000) {
      throw KernelException.of("%s: method \"eig\" forms G densely and needs n <= 2000, got n = %d; use method \"power\"",
          fn, n);
    }
    double[][] m = new double[n][n];
    double[] e = new double[n];
    double[] col = new double[n];
    for (int j = 0; j < n; j++) {
      ctx.poll();
      e[j] = 1;
      op.apply(e, col);
      e[j] = 0;
      for (int i = 0; i < n; i++) {
        m[i][j] = col[i];
      }
    }
    org.ejml.data.DMatrixRMaj dm = new org.ejml.data.DMatrixRMaj(m);
    var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false);
    if (!eig.decompose(dm)) {
      throw KernelException.of("%s: the dense eigenvalue iteration did not converge; use method \"power\"", fn);
    }
    double rho = 0;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      rho = Math.max(rho, eig.getEigenvalue(i).getMagnitude());
    }
    return rho;
  }

  /** x0 normalised, or a seeded Gaussian unit vector. */
  static double[] start(Tensor x0, int n, Rng rng, String fn) {
    double[] x;
    if (x0 != null) {
      x = Outcome.start(x0, n, fn);
    } else {
      x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextGaussian();
      }
    }
    double nx = Vec.norm(x);
    if (nx == 0) {
      throw KernelException.of("%s: the start vector x0 is zero", fn);
    }
    Vec.scale(1 / nx, x);
    return x;
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
