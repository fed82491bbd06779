package dev.exp.learn.classify;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Linear discriminant analysis: Gaussian classes with one shared (pooled) covariance. */
public final class Lda extends ProbabilisticClassifier {
  private final double[] coef; // [d, K]
  private final double[] intercept;

  private Lda(double[] classes, int d, double[] coef, double[] intercept, Map<String, Object> params) {
    super("lda", classes, d, params, Map.of());
    this.coef = coef;
    this.intercept = intercept;
  }

  @Kernel(name = "learn.lda", doc = "Linear discriminant analysis (as scikit-learn's LinearDiscriminantAnalysis with "
      + "the default svd solver): class means, priors n_k/n and the pooled within-class covariance "
      + "Σ = Σ_k Σ_{i in k} (x_i − μ_k)(x_i − μ_k)ᵀ / (n − K); log p(x, k) = xᵀΣ⁻¹μ_k − ½μ_kᵀΣ⁻¹μ_k + log prior_k "
      + "(+ const). Returns a model with classes, means [K, d], covariance [d, d], priors, coef [d, K] = Σ⁻¹μ_k and "
      + "intercept [K]. Example: let m = learn.lda(X, y); m |> predict_proba(X_test)")
  public static Lda fit(@Arg("X") Tensor x, @Arg("y") Tensor y) {
    String fn = "learn.lda";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 2);
    int k = labels.count();
    if (n <= k) {
      throw dev.exp.kernel.KernelException.of("%s: needs more samples (%d) than classes (%d)", fn, n, k);
    }
    double[] means = classMeans(xs, n, d, labels);
    double[] within = new double[n * d];
    for (int i = 0; i < n; i++) {
      int c = labels.index()[i];
      for (int j = 0; j < d; j++) {
        within[i * d + j] = xs[i * d + j] - means[c * d + j];
      }
    }
    double[] cov = Dense.gram(within, n, d);
    for (int i = 0; i < cov.length; i++) {
      cov[i] /= n - k;
    }
    double[] l = Dense.choleskyOrFail(cov, d, fn, "the pooled covariance");
    double[] meansT = new double[d * k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        meansT[j * k + c] = means[c * d + j];
      }
    }
    double[] coef = meansT.clone();
    Dense.cholSolve(l, d, coef, k);
    double[] prior = priors(labels);
    double[] b = new double[k];
    for (int c = 0; c < k; c++) {
      double q = 0;
      for (int j = 0; j < d; j++) {
        q += means[c * d + j] * coef[j * k + c];
      }
      b[c] = -0.5 * q + Math.log(prior[c]);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("classes", labels.tensor());
    p.put("means", Tensor.wrap(new int[] {k, d}, means));
    p.put("covariance", Tensor.wrap(new int[] {d, d}, cov));
    p.put("priors", Tensor.vector(prior.clone()));
    p.put("coef", Tensor.wrap(new int[] {d, k}, coef.clone()));
    p.put("intercept", Tensor.vector(b.clone()));
    return new Lda(labels.classes(), d, coef, b, p);
  }

  @Override
  protected double[] jointLogLikelihood(double[] x, int n) {
    int k = classes.length;
    double[] z = Dense.mul(x, n, d, coef, k);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        z[i * k + c] += intercept[c];
      }
    }
    return z;
  }
}
