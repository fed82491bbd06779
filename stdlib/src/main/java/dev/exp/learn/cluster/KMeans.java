package dev.exp.learn.cluster;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** k-means clustering (namespace {@code learn}): Lloyd iterations from k-means++, random or given centres. */
public final class KMeans {
  private KMeans() {}

  @Kernel(name = "learn.kmeans", doc = "k-means clustering of the rows of X (n×d) into k clusters by Lloyd's "
      + "algorithm: assign each row to its nearest centre (exact squared distances Σ (x_j − c_j)², vectorised), move each "
      + "centre to its cluster's mean, stop when the labels no longer change, when the total squared centre shift is "
      + "at most tol × the mean feature variance (scikit-learn's scaling), or after max_iter iterations. An empty "
      + "cluster takes the point farthest from its centre. init: \"k-means++\" (default; greedy k-means++ with "
      + "2 + ln k candidates per centre, as scikit-learn), \"random\" (k distinct rows) or a k×d tensor of initial "
      + "centres (then n_init is 1). The run with the smallest inertia out of n_init (default 10) is kept. Returns a "
      + "kmeans model: centers (k×d), labels (of the rows of X), inertia (sum of squared distances to the nearest "
      + "centre), inertia_history (one value per iteration, never increasing), iterations, converged, reason. "
      + "predict(m, x) gives cluster indices, transform(m, x) distances to the centres, score(m, x, y) minus the "
      + "inertia of x (y ignored). Example: let m = learn.kmeans(X, 3, seed: 1); m.labels")
  public static KMeansModel kmeans(@Arg("X") Tensor x, @Arg("k") int k,
      @Arg(value = "init", dflt = "\"k-means++\"") Object init, @Arg(value = "n_init", dflt = "10") int nInit,
      @Arg(value = "max_iter", dflt = "300") int maxIter, @Arg(value = "tol", dflt = "1e-4") double tol,
      @Arg(value = "seed", dflt = "none") Rng rng, KernelContext ctx) {
    String fn = "learn.kmeans";
    double[] v = Inputs.matrix(x, fn, "X", 1);
    int n = x.dim(0);
    int d = x.dim(1);
    Inputs.positive(fn, "k", k);
    Inputs.positive(fn, "n_init", nInit);
    Inputs.positive(fn, "max_iter", maxIter);
    if (k > n) {
      throw KernelException.of("%s: k = %d clusters but X has only %d rows", fn, k, n);
    }
    if (!(tol >= 0)) {
      throw KernelException.of("%s: tol must be >= 0, got %s", fn, tol);
    }
    Rng g = rng != null ? rng : new Rng(0);
    double[] given = givenCenters(init, k, d, fn);
    String how = given != null ? "given" : (String) init;
    Lloyd lloyd = new Lloyd(v, n, d, k, maxIter);
    double tolScaled = tol > 0 ? tol * meanVariance(v, n, d) : 0;
    int runs = given != null ? 1 : nInit;
    Lloyd.Run best = null;
    for (int r = 0; r < runs; r++) {
      Rng rr = g.split();
      double[] c0 = given != null ? given
          : how.equals("random") ? Seeding.random(v, n, d, k, rr) : Seeding.plusPlus(v, n, d, k, rr, ctx);
      Lloyd.Run run = lloyd.run(c0, maxIter, tolScaled, ctx);
      if (best == null || run.inertia() < best.inertia()) {
        best = run;
      }
    }
    double[] labels = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = best.labels()[i];
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("labels", Tensor.wrap(new int[] {n}, labels));
    s.put("inertia", best.inertia());
    s.put("inertia_history", Tensor.vector(best.history()));
    s.put("iterations", (double) best.iterations());
    s.put("converged", best.converged());
    s.put("reason", best.reason());
    s.put("init", how);
    s.put("n_init", (double) runs);
    return new KMeansModel(Tensor.wrap(new int[] {k, d}, best.centers()), s);
  }

  private static double[] givenCenters(Object init, int k, int d, String fn) {
    if (init instanceof String s) {
      if (!s.equals("k-means++") && !s.equals("random")) {
        throw new KernelException(fn + ": init must be \"k-means++\", \"random\" or a k×d tensor of centres, got \""
            + s + "\"");
      }
      return null;
    }
    Tensor c = init instanceof Tensor t ? t : init instanceof java.util.List<?> l ? listTensor(l) : null;
    if (c == null) {
      throw new KernelException(fn + ": init must be \"k-means++\", \"random\" or a k×d tensor of centres, got "
          + dev.exp.kernel.Values.describe(init));
    }
    if (c.rank() != 2 || c.dim(0) != k || c.dim(1) != d) {
      throw new KernelException(fn + ": init centres must have shape [" + k + ", " + d + "] (k × features), got "
          + Tensor.shapeString(c.shape()));
    }
    return c.raw().clone();
  }

  private static Tensor listTensor(java.util.List<?> l) {
    double[][] rows = new double[l.size()][];
    for (int i = 0; i < rows.length; i++) {
      Object r = l.get(i);
      if (r instanceof Tensor t) {
        rows[i] = t.toArray();
      } else {
        return null;
      }
    }
    return Tensor.matrix(rows);
  }

  /** Mean over columns of the column variances (ddof 0), two passes over the rows. */
  static double meanVariance(double[] v, int n, int d) {
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += v[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[] ss = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double e = v[i * d + j] - mean[j];
        ss[j] += e * e;
      }
    }
    double total = 0;
    for (int j = 0; j < d; j++) {
      total += ss[j] / n;
    }
    return total / d;
  }
}
