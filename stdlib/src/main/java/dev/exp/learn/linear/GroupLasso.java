package dev.exp.learn.linear;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** The group lasso by accelerated proximal gradient (FISTA) with block soft-thresholding. */
public final class GroupLasso {
  private GroupLasso() {}

  @Kernel(name = "learn.group_lasso", doc = "The group lasso: minimises (1/(2n))‖y − Xw − b‖² + alpha·Σ_g √p_g ‖w_g‖₂ "
      + "where groups [d] gives each feature's group id (any numbers) and p_g is the size of group g; whole groups "
      + "are zero or not. Solved by FISTA (accelerated proximal gradient with step 1/L, L the largest eigenvalue of "
      + "XᵀX/n, and block soft-thresholding), stopped when the proximal-gradient residual L‖w − prox(w − ∇/L)‖∞ is "
      + "below tol. With one feature per group it is the lasso. Defaults: tol 1e-8, max_iter 10000, intercept true. "
      + "Returns a model with coef [d], intercept, alpha, iterations, converged, active_groups. "
      + "Example: let m = learn.group_lasso(X, y, [0, 0, 1, 1, 2], alpha: 0.1)")
  public static LinearModel fit(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg("groups") Tensor groups,
      @Arg(value = "alpha", dflt = "1") double alpha, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "10000") int maxIter, @Arg(value = "intercept", dflt = "true") boolean intercept,
      KernelContext ctx) {
    String fn = "learn.group_lasso";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.vector(y, n, fn, "y", "X");
    if (groups.rank() != 1 || groups.size() != d) {
      throw KernelException.of("%s: groups must be a vector of %d group ids (one per column of X), got shape %s", fn,
          d, Tensor.shapeString(groups.shape()));
    }
    LearnArgs.nonNegative(alpha, fn, "alpha");
    LearnArgs.positive(tol, fn, "tol");
    LearnArgs.atLeastOne(maxIter, fn, "max_iter");
    int[] g = dev.exp.learn.classify.Labels.of(groups.toArray(), fn, 1).index();
    int ng = 0;
    for (int v : g) {
      ng = Math.max(ng, v + 1);
    }
    double[] weight = new double[ng];
    for (int v : g) {
      weight[v] += 1;
    }
    for (int k = 0; k < ng; k++) {
      weight[k] = alpha * Math.sqrt(weight[k]);
    }
    Centered c = Centered.of(xs, ys, n, d, 1, intercept);
    double[] gram = Dense.gram(c.x(), n, d);
    double[] xty = Dense.tmul(c.x(), n, d, c.y(), 1);
    for (int i = 0; i < gram.length; i++) {
      gram[i] /= n;
    }
    for (int j = 0; j < d; j++) {
      xty[j] /= n;
    }
    double lip = largestEigen(gram, d);
    if (lip == 0) {
      lip = 1;
    }
    double[] w = new double[d];
    double[] z = new double[d];
    double[] wOld = new double[d];
    double[] grad = new double[d];
    double t = 1;
    int it = 0;
    boolean converged = false;
    double resid = Double.POSITIVE_INFINITY;
    while (it < maxIter) {
      ctx.poll();
      gradient(gram, xty, z, grad, d);
      System.arraycopy(w, 0, wOld, 0, d);
      for (int j = 0; j < d; j++) {
        w[j] = z[j] - grad[j] / lip;
      }
      prox(w, g, weight, ng, 1 / lip);
      it++;
      // residual of the fixed-point map at w (one more gradient: cheap next to the iteration count)
      gradient(gram, xty, w, grad, d);
      double[] p = new double[d];
      for (int j = 0; j < d; j++) {
        p[j] = w[j] - grad[j] / lip;
      }
      prox(p, g, weight, ng, 1 / lip);
      resid = 0;
      for (int j = 0; j < d; j++) {
        resid = Math.max(resid, lip * Math.abs(w[j] - p[j]));
      }
      if (resid <= tol) {
        converged = true;
        break;
      }
      double tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      for (int j = 0; j < d; j++) {
        z[j] = w[j] + (t - 1) / tn * (w[j] - wOld[j]);
      }
      t = tn;
    }
    int active = 0;
    double[] norms = new double[ng];
    for (int j = 0; j < d; j++) {
      norms[g[j]] += w[j] * w[j];
    }
    for (double v : norms) {
      active += v > 0 ? 1 : 0;
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", alpha);
    s.put("iterations", (double) it);
    s.put("residual", resid);
    s.put("converged", converged);
    s.put("active_groups", (double) active);
    return new LinearModel("group_lasso", w, c.intercept(w), d, 1, true, Map.of("groups", groups), s,
        "alpha " + LearnArgs.fmt(alpha) + ", " + active + " of " + ng + " groups active");
  }

  private static void gradient(double[] gram, double[] xty, double[] w, double[] out, int d) {
    for (int j = 0; j < d; j++) {
      double s = -xty[j];
      for (int m = 0; m < d; m++) {
        s += gram[j * d + m] * w[m];
      }
      out[j] = s;
    }
  }

  /** Block soft-thresholding with thresholds step·weight[g]. */
  private static void prox(double[] w, int[] g, double[] weight, int ng, double step) {
    double[] norm = new double[ng];
    for (int j = 0; j < w.length; j++) {
      norm[g[j]] += w[j] * w[j];
    }
    for (int k = 0; k < ng; k++) {
      double nk = Math.sqrt(norm[k]);
      norm[k] = nk == 0 ? 0 : Math.max(0, 1 - step * weight[k] / nk);
    }
    for (int j = 0; j < w.length; j++) {
      w[j] *= norm[g[j]];
    }
  }

  /** The largest eigenvalue of a symmetric PSD matrix by power iteration (to ~1e-10 relative). */
  static double largestEigen(double[] a, int d) {
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = (1 + 0.5 * Math.sin(j + 1.0)) / Math.sqrt(d); // not orthogonal to the top eigenvector in practice
    }
    double lam = 0;
    double[] av = new double[d];
    for (int it = 0; it < 1000; it++) {
      for (int j = 0; j < d; j++) {
        av[j] = Dense.dot(a, j * d, v, 0, d);
      }
      double nrm = Math.sqrt(Dense.dot(av, 0, av, 0, d));
      if (nrm == 0) {
        return 0;
      }
      for (int j = 0; j < d; j++) {
        v[j] = av[j] / nrm;
      }
      if (Math.abs(nrm - lam) <= 1e-10 * nrm) {
        return nrm * 1.0001; // a slight over-estimate keeps the step 1/L safe
      }
      lam = nrm;
    }
    return lam * 1.01;
  }
}
