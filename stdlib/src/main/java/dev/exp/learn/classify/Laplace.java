package dev.exp.learn.classify;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.Model;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Laplace approximation of Bayesian logistic regression and posterior sampling of linear models. */
public final class Laplace {
  private Laplace() {}

  @Kernel(name = "learn.logistic_laplace", doc = "Laplace approximation of Bayesian binary logistic regression with the "
      + "prior w ~ N(0, alpha⁻¹I) (flat prior on the intercept): the MAP θ = (w, b) (learn.logistic with C = 1/alpha, "
      + "Newton) and the posterior covariance H⁻¹ with H = alpha·I_w + Σ_i p_i(1 − p_i) x̃_i x̃_iᵀ (x̃ = [x, 1]) the "
      + "Hessian of the negative log posterior at the MAP. Default alpha 1. Returns a logistic model with the extra "
      + "field covariance [(d + 1), (d + 1)] (last row/column: the intercept); learn.posterior_samples draws θ. "
      + "Example: let m = learn.logistic_laplace(X, y, alpha: 0.5); m.covariance")
  public static LogisticModel logisticLaplace(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "alpha", dflt = "1") double alpha, KernelContext ctx) {
    String fn = "learn.logistic_laplace";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    LearnArgs.positive(alpha, fn, "alpha");
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 2);
    if (labels.count() != 2) {
      throw KernelException.of("%s: needs two classes, got %d", fn, labels.count());
    }
    Logistic.Fit f = Logistic.fit(xs, n, d, labels, 1 / alpha, "newton", 1e-10, 100, ctx);
    double[] h = f.obj().hessian(f.theta()); // of C·Σloss + ½‖w‖²; the negative log posterior is alpha times it
    int p = d + 1;
    for (int i = 0; i < h.length; i++) {
      h[i] *= alpha;
    }
    double[] l = Dense.choleskyOrFail(h, p, fn, "the Hessian");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("covariance", Tensor.wrap(new int[] {p, p}, Dense.cholInverse(l, p)));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", alpha);
    return Logistic.model("logistic_laplace", f, labels, d, 1 / alpha, "newton", extra, s);
  }

  @Kernel(name = "learn.posterior_samples", doc = "Draws n samples from the Gaussian posterior of a learn.bayes_linear "
      + "model (coefficients [n, d], mean coef and covariance) or the Laplace posterior of a learn.logistic_laplace "
      + "model ([n, d + 1]: coefficients then the intercept). Example: learn.posterior_samples(m, 100, seed: 1)")
  public static Tensor posteriorSamples(@Arg("model") Model model, @Arg("n") int n,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "learn.posterior_samples";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 0) {
      throw KernelException.of("%s: n must be >= 0, got %d", fn, n);
    }
    Object cov = model.field("covariance");
    if (!(cov instanceof Tensor c) || !(model.kind().equals("bayes_linear") || model.kind().equals("logistic_laplace"))) {
      throw KernelException.of("%s: needs a learn.bayes_linear or learn.logistic_laplace model, got a %s model", fn,
          model.kind());
    }
    int p = c.dim(0);
    double[] mean = new double[p];
    double[] coef = ((Tensor) model.field("coef")).raw();
    System.arraycopy(coef, 0, mean, 0, coef.length);
    if (p == coef.length + 1) {
      mean[p - 1] = ((Number) model.field("intercept")).doubleValue();
    }
    double[] l = Dense.choleskyOrFail(c.raw(), p, fn, "the posterior covariance");
    double[] out = new double[n * p];
    double[] z = new double[p];
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < p; j++) {
        z[j] = rng.nextGaussian();
      }
      for (int j = 0; j < p; j++) {
        double v = mean[j];
        for (int k = 0; k <= j; k++) {
          v += l[j * p + k] * z[k];
        }
        out[s * p + j] = v;
      }
    }
    return Tensor.wrap(new int[] {n, p}, out);
  }
}
