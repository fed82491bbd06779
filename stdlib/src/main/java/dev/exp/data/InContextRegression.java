package dev.exp.data;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.Decompositions;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-context linear regression tasks (namespace {@code data}): w ~ N(0, τ²I), x ~ N(0, Σ),
 * y = wᵀx + σε; a prompt of n labelled examples and one query, with the true w for oracle
 * comparison; and the token matrix used by linear self-attention constructions.
 */
public final class InContextRegression {
  private InContextRegression() {}

  @Kernel(name = "data.icl_regression", doc = "Samples in-context linear regression prompts. For each task: "
      + "w ~ N(0, tau²·I) [d], inputs x_i ~ N(0, I) (or N(0, x_cov)) for i < n and a query x_query, "
      + "y = x w + noise·ε with ε ~ N(0, 1) (y_query gets its own noise as well). Returns the record "
      + "{x [n, d], y [n], w [d], x_query [d], y_query}; with tasks: B every field gets a leading axis B "
      + "(x [B, n, d], y [B, n], w [B, d], x_query [B, d], y_query [B]). Defaults: noise 0, tau 1. "
      + "Draw order per task: w, x, x_query, then ε; so with one seed, task b has the same w and x whatever the "
      + "number of tasks and the noise level. "
      + "Example: let task = data.icl_regression(20, 5, noise: 0.1, seed: 1); linalg.lstsq(task.x, task.y)")
  public static Map<String, Object> iclRegression(@Arg("n") int n, @Arg("d") int d,
      @Arg(value = "tasks", dflt = "none") Integer tasks, @Arg(value = "noise", dflt = "0") double noise,
      @Arg(value = "tau", dflt = "1") double tau, @Arg(value = "x_cov", dflt = "none") Tensor xCov,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.icl_regression";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    Symbols.requireNonNegative(n, fn, "n");
    Symbols.requirePositive(d, fn, "d");
    if (tasks != null) {
      Symbols.requirePositive(tasks, fn, "tasks");
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw KernelException.of("%s: noise (the standard deviation σ) must be finite and >= 0, got %s", fn,
          TensorArgs.fmt(noise));
    }
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw KernelException.of("%s: tau (the standard deviation of w) must be finite and >= 0, got %s", fn,
          TensorArgs.fmt(tau));
    }
    double[] chol = null;
    if (xCov != null) {
      if (xCov.rank() != 2 || xCov.dim(0) != d || xCov.dim(1) != d) {
        throw KernelException.of("%s: x_cov must be a [d, d] = [%d, %d] covariance matrix, got shape %s", fn, d, d,
            Tensor.shapeString(xCov.shape()));
      }
      chol = Decompositions.cholesky(xCov).raw();
    }
    int b = tasks == null ? 1 : tasks;
    double[] x = new double[b * n * d];
    double[] y = new double[b * n];
    double[] w = new double[b * d];
    double[] xq = new double[b * d];
    double[] yq = new double[b];
    double[] z = new double[d];
    for (int t = 0; t < b; t++) {
      for (int j = 0; j < d; j++) {
        w[t * d + j] = tau * rng.nextGaussian();
      }
      for (int i = 0; i <= n; i++) {
        int off = i < n ? (t * n + i) * d : t * d;
        double[] dst = i < n ? x : xq;
        for (int j = 0; j < d; j++) {
          z[j] = rng.nextGaussian();
        }
        for (int j = 0; j < d; j++) {
          double v = z[j];
          if (chol != null) {
            v = 0;
            for (int l = 0; l <= j; l++) {
              v += chol[j * d + l] * z[l];
            }
          }
          dst[off + j] = v;
        }
      }
      for (int i = 0; i <= n; i++) {
        double[] src = i < n ? x : xq;
        int off = i < n ? (t * n + i) * d : t * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += src[off + j] * w[t * d + j];
        }
        double e = noise * rng.nextGaussian(); // drawn even for noise 0: same x, w for every noise level
        if (i < n) {
          y[t * n + i] = s + e;
        } else {
          yq[t] = s + e;
        }
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    if (tasks == null) {
      r.put("x", Tensor.wrap(new int[] {n, d}, x));
      r.put("y", Tensor.wrap(new int[] {n}, y));
      r.put("w", Tensor.wrap(new int[] {d}, w));
      r.put("x_query", Tensor.wrap(new int[] {d}, xq));
      r.put("y_query", yq[0]);
    } else {
      r.put("x", Tensor.wrap(new int[] {b, n, d}, x));
      r.put("y", Tensor.wrap(new int[] {b, n}, y));
      r.put("w", Tensor.wrap(new int[] {b, d}, w));
      r.put("x_query", Tensor.wrap(new int[] {b, d}, xq));
      r.put("y_query", Tensor.wrap(new int[] {b}, yq));
    }
    return r;
  }

  private static Tensor field(Map<String, Object> task, String name) {
    Object v = task.get(name);
    if (v instanceof Tensor t) {
      return t;
    }
    if (v instanceof Number num) {
      return Tensor.scalar(num.doubleValue());
    }
    throw KernelException.of("data.icl_tokens: the task record needs a tensor field '%s' (as made by "
        + "data.icl_regression), fields are %s", name, task.keySet());
  }

  @Kernel(name = "data.icl_tokens", doc = "The token matrix of an in-context regression prompt: rows (x_i, y_i) for "
      + "i < n followed by the query row (x_query, 0). task: a record {x, y, x_query} from data.icl_regression. "
      + "Returns z [n + 1, d + 1] (or [B, n + 1, d + 1] for batched tasks); the last column holds the labels, its "
      + "last entry is 0. Transpose for the column-token convention. "
      + "Example: let z = data.icl_tokens(data.icl_regression(10, 3, seed: 1))")
  public static Tensor iclTokens(@Arg("task") Map<String, Object> task) {
    Tensor x = field(task, "x");
    Tensor y = field(task, "y");
    Tensor xq = field(task, "x_query");
    boolean batched = x.rank() == 3;
    if (x.rank() != 2 && !batched) {
      throw KernelException.of("data.icl_tokens: task.x must be [n, d] or [B, n, d], got shape %s",
          Tensor.shapeString(x.shape()));
    }
    int b = batched ? x.dim(0) : 1;
    int n = x.dim(x.rank() - 2);
    int d = x.dim(x.rank() - 1);
    int[] yShape = batched ? new int[] {b, n} : new int[] {n};
    int[] qShape = batched ? new int[] {b, d} : new int[] {d};
    if (!java.util.Arrays.equals(y.shape(), yShape) || !java.util.Arrays.equals(xq.shape(), qShape)) {
      throw KernelException.of("data.icl_tokens: task.x has shape %s, so task.y must be %s and task.x_query %s; got "
          + "%s and %s", Tensor.shapeString(x.shape()), Tensor.shapeString(yShape), Tensor.shapeString(qShape),
          Tensor.shapeString(y.shape()), Tensor.shapeString(xq.shape()));
    }
    int w = d + 1;
    double[] out = new double[b * (n + 1) * w];
    for (int t = 0; t < b; t++) {
      for (int i = 0; i < n; i++) {
        int o = (t * (n + 1) + i) * w;
        System.arraycopy(x.raw(), (t * n + i) * d, out, o, d);
        out[o + d] = y.at(t * n + i);
      }
      System.arraycopy(xq.raw(), t * d, out, (t * (n + 1) + n) * w, d);
    }
    return Tensor.wrap(batched ? new int[] {b, n + 1, w} : new int[] {n + 1, w}, out);
  }
}
