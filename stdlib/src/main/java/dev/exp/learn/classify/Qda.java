package dev.exp.learn.classify;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Quadratic discriminant analysis: one Gaussian per class with its own (regularised) covariance. */
public final class Qda extends ProbabilisticClassifier {
  private final double[] means;
  private final double[][] chol;
  private final double[] offset;

  private Qda(double[] classes, int d, double[] means, double[][] chol, double[] offset, Map<String, Object> params,
      double reg) {
    super("qda", classes, d, params, Map.of("reg_param", reg));
    this.means = means;
    this.chol = chol;
    this.offset = offset;
  }

  @Kernel(name = "learn.qda", doc = "Quadratic discriminant analysis (as scikit-learn's QuadraticDiscriminantAnalysis): "
      + "per class the mean, the prior n_k/n and the covariance Σ_k = (1 − reg_param)·S_k + reg_param·I with S_k the "
      + "unbiased class covariance (divisor n_k − 1); log p(x, k) = −½ log det Σ_k − ½(x − μ_k)ᵀΣ_k⁻¹(x − μ_k) + log "
      + "prior_k. Default reg_param 0 (then every class needs more than d samples). Returns a model with classes, "
      + "means [K, d], covariances [K, d, d], priors. Example: let m = learn.qda(X, y, reg_param: 0.1)")
  public static Qda fit(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "reg_param", dflt = "0") double reg) {
    String fn = "learn.qda";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    if (!(reg >= 0 && reg <= 1)) {
      throw KernelException.of("%s: reg_param must be in [0, 1], got %s", fn, LearnArgs.fmt(reg));
    }
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 2);
    int k = labels.count();
    int[] counts = labels.counts();
    double[] means = classMeans(xs, n, d, labels);
    double[] prior = priors(labels);
    double[] covs = new double[k * d * d];
    double[][] chol = new double[k][];
    double[] offset = new double[k];
    for (int c = 0; c < k; c++) {
      if (counts[c] < 2) {
        throw KernelException.of("%s: class %s has %d sample; each class needs at least 2", fn,
            LearnArgs.fmt(labels.classes()[c]), counts[c]);
      }
      double[] xc = new double[counts[c] * d];
      int r = 0;
      for (int i = 0; i < n; i++) {
        if (labels.index()[i] == c) {
          for (int j = 0; j < d; j++) {
            xc[r * d + j] = xs[i * d + j] - means[c * d + j];
          }
          r++;
        }
      }
      double[] s = Dense.gram(xc, counts[c], d);
      for (int i = 0; i < s.length; i++) {
        s[i] *= (1 - reg) / (counts[c] - 1);
      }
      Dense.addDiagonal(s, d, reg);
      System.arraycopy(s, 0, covs, c * d * d, d * d);
      chol[c] = Dense.cholesky(s, d);
      if (chol[c] == null) {
        throw KernelException.of("%s: the covariance of class %s (%d samples, %d features) is singular; give "
            + "reg_param > 0", fn, LearnArgs.fmt(labels.classes()[c]), counts[c], d);
      }
      offset[c] = Math.log(prior[c]) - 0.5 * Dense.cholLogDet(chol[c], d);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("classes", labels.tensor());
    p.put("means", Tensor.wrap(new int[] {k, d}, means.clone()));
    p.put("covariances", Tensor.wrap(new int[] {k, d, d}, covs));
    p.put("priors", Tensor.vector(prior));
    return new Qda(labels.classes(), d, means, chol, offset, p, reg);
  }

  @Override
  protected double[] jointLogLikelihood(double[] x, int n) {
    int k = classes.length;
    double[] out = new double[n * k];
    double[] v = new double[d];
    for (int c = 0; c < k; c++) {
      double[] l = chol[c];
      for (int i = 0; i < n; i++) {
        // solve L v = x − μ, Mahalanobis = ‖v‖²
        double q = 0;
        for (int j = 0; j < d; j++) {
          double s = x[i * d + j] - means[c * d + j];
          for (int m = 0; m < j; m++) {
            s -= l[j * d + m] * v[m];
          }
          v[j] = s / l[j * d + j];
          q += v[j] * v[j];
        }
        out[i * k + c] = offset[c] - 0.5 * q;
      }
    }
    return out;
  }
}
