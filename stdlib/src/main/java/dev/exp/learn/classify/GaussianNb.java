package dev.exp.learn.classify;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gaussian naive Bayes (scikit-learn's GaussianNB): independent normal features per class. */
public final class GaussianNb extends ProbabilisticClassifier {
  private final double[] theta;
  private final double[] var;
  private final double[] logPrior;

  private GaussianNb(double[] classes, int d, double[] theta, double[] var, double[] prior, double smoothing,
      boolean shared) {
    super("gaussian_nb", classes, d, params(classes, d, theta, var, prior),
        Map.of("var_smoothing", smoothing, "shared_var", shared));
    this.theta = theta;
    this.var = var;
    this.logPrior = new double[prior.length];
    for (int c = 0; c < prior.length; c++) {
      logPrior[c] = Math.log(prior[c]);
    }
  }

  private static Map<String, Object> params(double[] classes, int d, double[] theta, double[] var, double[] prior) {
    int k = classes.length;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("classes", Tensor.vector(classes.clone()));
    p.put("theta", Tensor.wrap(new int[] {k, d}, theta.clone()));
    p.put("var", Tensor.wrap(new int[] {k, d}, var.clone()));
    p.put("class_prior", Tensor.vector(prior.clone()));
    return p;
  }

  @Kernel(name = "learn.gaussian_nb", doc = "Gaussian naive Bayes (scikit-learn's GaussianNB): per class k the prior "
      + "n_k/n, the feature means theta [K, d] and variances var [K, d] (biased, plus var_smoothing · the largest "
      + "feature variance, default 1e-9); with shared_var true the variances are pooled over the classes (Σ_k Σ_{i in k} "
      + "(x_ij − theta_kj)² / n, the same for every class: a linear classifier, the model of two Gaussians with a shared "
      + "diagonal covariance); predict_proba ∝ prior_k · Π_j N(x_j; theta_kj, var_kj). "
      + "Returns a model with classes, theta, var, class_prior. Example: let m = learn.gaussian_nb(X, y); score(m, X_test, y_test)")
  public static GaussianNb fit(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "var_smoothing", dflt = "1e-9") double varSmoothing,
      @Arg(value = "shared_var", dflt = "false") boolean sharedVar) {
    String fn = "learn.gaussian_nb";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    LearnArgs.nonNegative(varSmoothing, fn, "var_smoothing");
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 1);
    double[] mean = classMeans(xs, n, d, labels);
    int k = labels.count();
    int[] counts = labels.counts();
    double[] var = new double[k * d];
    for (int i = 0; i < n; i++) {
      int c = labels.index()[i];
      for (int j = 0; j < d; j++) {
        double v = xs[i * d + j] - mean[c * d + j];
        var[c * d + j] += v * v;
      }
    }
    double[] all = dev.exp.learn.Dense.colMeans(xs, n, d);
    double maxVar = 0;
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        double v = xs[i * d + j] - all[j];
        s += v * v;
      }
      maxVar = Math.max(maxVar, s / n);
    }
    double eps = varSmoothing * maxVar;
    if (sharedVar) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int c = 0; c < k; c++) {
          s += var[c * d + j];
        }
        for (int c = 0; c < k; c++) {
          var[c * d + j] = s * counts[c] / n; // divided by counts[c] below: s / n
        }
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        var[c * d + j] = var[c * d + j] / counts[c] + eps;
        if (!(var[c * d + j] > 0)) {
          throw dev.exp.kernel.KernelException.of("%s: feature %d has zero variance in class %s (and var_smoothing "
              + "adds nothing): give var_smoothing > 0 or drop the constant feature", fn, j,
              LearnArgs.fmt(labels.classes()[c]));
        }
      }
    }
    return new GaussianNb(labels.classes(), d, mean, var, priors(labels), varSmoothing, sharedVar);
  }

  @Override
  protected double[] jointLogLikelihood(double[] x, int n) {
    int k = classes.length;
    double[] out = new double[n * k];
    double[] norm = new double[k];
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += Math.log(2 * Math.PI * var[c * d + j]);
      }
      norm[c] = logPrior[c] - 0.5 * s;
    }
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double v = x[i * d + j] - theta[c * d + j];
          s += v * v / var[c * d + j];
        }
        out[i * k + c] = norm[c] - 0.5 * s;
      }
    }
    return out;
  }
}
