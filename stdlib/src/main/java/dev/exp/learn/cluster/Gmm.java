package dev.exp.learn.cluster;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gaussian mixtures fitted by EM (namespace {@code learn}). */
public final class Gmm {
  private Gmm() {}

  @Kernel(name = "learn.gmm", doc = "Gaussian mixture of k components fitted to the rows of X (n×d) by EM, as "
      + "scikit-learn's GaussianMixture. covariance: \"full\" (default; k×d×d) or \"diag\" (k×d). Each M step adds "
      + "reg_covar (default 1e-6) to the variances. init: \"kmeans\" (default: responsibilities from the labels of one "
      + "k-means++ run), \"random\" (random responsibilities) or a record {weights, means, covariances} of initial "
      + "parameters. EM stops when the mean log-likelihood changes by less than tol (default 1e-3) or after max_iter "
      + "(default 100) iterations; the best of n_init (default 1) runs is kept. Returns a gmm model: weights, means, "
      + "covariances, labels (of X), lower_bound (the mean log-likelihood at the last E step), "
      + "log_likelihood_history (never decreasing), iterations, converged, reason, aic, bic. predict gives components, "
      + "predict_proba / transform responsibilities, score(m, x, y) the mean log-likelihood (y ignored). Example: "
      + "let g = learn.gmm(X, 2, seed: 1); g.means")
  public static GmmModel gmm(@Arg("X") Tensor x, @Arg("k") int k,
      @Arg(value = "covariance", dflt = "\"full\"") String covariance, @Arg(value = "init", dflt = "\"kmeans\"") Object init,
      @Arg(value = "max_iter", dflt = "100") int maxIter, @Arg(value = "tol", dflt = "1e-3") double tol,
      @Arg(value = "reg_covar", dflt = "1e-6") double reg, @Arg(value = "n_init", dflt = "1") int nInit,
      @Arg(value = "seed", dflt = "none") Rng rng, KernelContext ctx) {
    String fn = "learn.gmm";
    double[] v = Inputs.matrix(x, fn, "X", 2);
    int n = x.dim(0);
    int d = x.dim(1);
    Inputs.positive(fn, "k", k);
    Inputs.positive(fn, "max_iter", maxIter);
    Inputs.positive(fn, "n_init", nInit);
    if (k > n) {
      throw KernelException.of("%s: k = %d components but X has only %d rows", fn, k, n);
    }
    if (!covariance.equals("full") && !covariance.equals("diag")) {
      throw new KernelException(fn + ": covariance must be \"full\" or \"diag\", got \"" + covariance + "\"");
    }
    if (!(reg >= 0) || !(tol >= 0)) {
      throw KernelException.of("%s: reg_covar and tol must be >= 0, got %s and %s", fn, reg, tol);
    }
    boolean full = covariance.equals("full");
    Rng g = rng != null ? rng : new Rng(0);
    Mixture given = init instanceof Map<?, ?> m ? given(m, k, d, full, fn) : null;
    if (given == null && !"kmeans".equals(init) && !"random".equals(init)) {
      throw new KernelException(fn + ": init must be \"kmeans\", \"random\" or a record {weights, means, covariances}, "
          + "got " + dev.exp.kernel.Values.describe(init));
    }
    GmmModel best = null;
    double bestLl = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < (given != null ? 1 : nInit); r++) {
      Rng rr = g.split();
      Mixture mix = given != null ? given : Mixture.fromResponsibilities(v, n, d, initialResp(x, v, n, k, (String) init,
          rr, ctx), k, full, reg);
      GmmModel model = em(v, n, d, mix, maxIter, tol, reg, ctx);
      double ll = (Double) model.settings().get("lower_bound");
      if (best == null || ll > bestLl) {
        best = model;
        bestLl = ll;
      }
    }
    return best;
  }

  private static double[] initialResp(Tensor x, double[] v, int n, int k, String how, Rng rng, KernelContext ctx) {
    double[] resp = new double[n * k];
    if (how.equals("random")) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < k; j++) {
          resp[i * k + j] = rng.nextDouble();
          s += resp[i * k + j];
        }
        for (int j = 0; j < k; j++) {
          resp[i * k + j] /= s;
        }
      }
      return resp;
    }
    KMeansModel km = KMeans.kmeans(x, k, "k-means++", 1, 300, 1e-4, rng, ctx);
    double[] lab = ((Tensor) km.field("labels")).raw();
    for (int i = 0; i < n; i++) {
      resp[i * k + (int) lab[i]] = 1;
    }
    return resp;
  }

  private static Mixture given(Map<?, ?> m, int k, int d, boolean full, String fn) {
    Tensor w = tensor(m, "weights", new int[] {k}, fn);
    Tensor mu = tensor(m, "means", new int[] {k, d}, fn);
    Tensor c = tensor(m, "covariances", full ? new int[] {k, d, d} : new int[] {k, d}, fn);
    double s = 0;
    for (double e : w.raw()) {
      if (!(e > 0)) {
        throw new KernelException(fn + ": init weights must be positive, got " + Numbers.tensor(w));
      }
      s += e;
    }
    if (Math.abs(s - 1) > 1e-9) {
      throw new KernelException(fn + ": init weights must sum to 1, got " + Numbers.tensor(w));
    }
    return new Mixture(k, d, full, w.raw().clone(), mu.raw().clone(), c.raw().clone());
  }

  private static Tensor tensor(Map<?, ?> m, String name, int[] shape, String fn) {
    Object o = m.get(name);
    if (!(o instanceof Tensor t) || !Arrays.equals(t.shape(), shape)) {
      throw new KernelException(fn + ": init." + name + " must be a tensor of shape " + Tensor.shapeString(shape)
          + ", got " + dev.exp.kernel.Values.describe(o));
    }
    return t;
  }

  private static GmmModel em(double[] x, int n, int d, Mixture mix, int maxIter, double tol, double reg,
      KernelContext ctx) {
    double[] hist = new double[maxIter];
    double lower = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    int it = 0;
    while (it < maxIter) {
      ctx.poll();
      double prev = lower;
      double[] lr = mix.weightedLogProb(x, n);
      lower = Mixture.normalize(lr, n, mix.k);
      for (int i = 0; i < lr.length; i++) {
        lr[i] = Math.exp(lr[i]);
      }
      mix = Mixture.fromResponsibilities(x, n, d, lr, mix.k, mix.full, reg);
      hist[it++] = lower;
      if (Math.abs(lower - prev) < tol) {
        converged = true;
        break;
      }
    }
    double[] lr = mix.weightedLogProb(x, n);
    Mixture.normalize(lr, n, mix.k);
    double[] lab = new double[n];
    for (int i = 0; i < n; i++) {
      int b = 0;
      for (int j = 1; j < mix.k; j++) {
        b = lr[i * mix.k + j] > lr[i * mix.k + b] ? j : b;
      }
      lab[i] = b;
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("labels", Tensor.wrap(new int[] {n}, lab));
    s.put("lower_bound", lower);
    s.put("log_likelihood_history", Tensor.vector(Arrays.copyOf(hist, it)));
    s.put("iterations", (double) it);
    s.put("converged", converged);
    s.put("reason", converged ? "tolerance reached" : "max_iter reached");
    s.put("covariance", mix.full ? "full" : "diag");
    GmmModel model = new GmmModel(mix, s);
    double ll = model.score(Tensor.wrap(new int[] {n, d}, x), null) * n;
    s.put("aic", -2 * ll + 2 * mix.parameters());
    s.put("bic", -2 * ll + mix.parameters() * Math.log(n));
    return model;
  }
}
