package dev.exp.learn.classify;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Multinomial naive Bayes (scikit-learn's MultinomialNB) over non-negative counts with additive smoothing. */
public final class MultinomialNb extends ProbabilisticClassifier {
  private final double[] logProbT; // [d, K]
  private final double[] logPrior;

  private MultinomialNb(double[] classes, int d, double[] logProb, double[] logPrior, double alpha) {
    super("multinomial_nb", classes, d, params(classes, d, logProb, logPrior), Map.of("alpha", alpha));
    int k = classes.length;
    this.logProbT = new double[d * k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        logProbT[j * k + c] = logProb[c * d + j];
      }
    }
    this.logPrior = logPrior;
  }

  private static Map<String, Object> params(double[] classes, int d, double[] logProb, double[] logPrior) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("classes", Tensor.vector(classes.clone()));
    p.put("feature_log_prob", Tensor.wrap(new int[] {classes.length, d}, logProb.clone()));
    p.put("class_log_prior", Tensor.vector(logPrior.clone()));
    return p;
  }

  @Kernel(name = "learn.multinomial_nb", doc = "Multinomial naive Bayes (scikit-learn's MultinomialNB) for count "
      + "features X ≥ 0: feature_log_prob[k, j] = log((N_kj + alpha) / (N_k + alpha·d)) with N_kj the total count of "
      + "feature j in class k, class_log_prior = log(n_k/n); log p(x, k) = class_log_prior[k] + Σ_j x_j "
      + "feature_log_prob[k, j]. Default alpha 1 (Laplace). Returns a model with classes, feature_log_prob, "
      + "class_log_prior. Example: let m = learn.multinomial_nb(counts, labels, alpha: 0.5)")
  public static MultinomialNb fit(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "alpha", dflt = "1") double alpha) {
    String fn = "learn.multinomial_nb";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    LearnArgs.positive(alpha, fn, "alpha");
    for (int i = 0; i < xs.length; i++) {
      if (xs[i] < 0) {
        throw KernelException.of("%s: X must hold counts >= 0, but X[%d, %d] = %s", fn, i / d, i % d,
            LearnArgs.fmt(xs[i]));
      }
    }
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 1);
    int k = labels.count();
    double[] counts = new double[k * d];
    for (int i = 0; i < n; i++) {
      int c = labels.index()[i];
      for (int j = 0; j < d; j++) {
        counts[c * d + j] += xs[i * d + j];
      }
    }
    double[] lp = new double[k * d];
    for (int c = 0; c < k; c++) {
      double tot = 0;
      for (int j = 0; j < d; j++) {
        tot += counts[c * d + j] + alpha;
      }
      for (int j = 0; j < d; j++) {
        lp[c * d + j] = Math.log(counts[c * d + j] + alpha) - Math.log(tot);
      }
    }
    double[] prior = priors(labels);
    for (int c = 0; c < k; c++) {
      prior[c] = Math.log(prior[c]);
    }
    return new MultinomialNb(labels.classes(), d, lp, prior, alpha);
  }

  @Override
  protected double[] jointLogLikelihood(double[] x, int n) {
    int k = classes.length;
    double[] out = Dense.mul(x, n, d, logProbT, k);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        out[i * k + c] += logPrior[c];
      }
    }
    return out;
  }
}
