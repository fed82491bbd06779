package dev.exp.learn.linear;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.Model;
import dev.exp.linalg.Decompositions;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bayesian linear regression with a Gaussian prior: posterior, evidence and (optionally) evidence maximisation. */
public final class BayesLinear {
  private BayesLinear() {}

  @Kernel(name = "learn.bayes_linear", doc = "Bayesian linear regression: prior w ~ N(0, alpha⁻¹I), noise precision beta "
      + "(y = Xw + b + ε, ε ~ N(0, beta⁻¹)). Posterior covariance S = (alpha·I + beta·XᵀX)⁻¹, mean m = beta·S·Xᵀy, "
      + "log evidence log p(y | alpha, beta) = d/2·log alpha + n/2·log beta − beta/2‖y − Xm‖² − alpha/2‖m‖² − "
      + "½ log det(S⁻¹) − n/2·log 2π (of the centred data when intercept is true, the intercept being the "
      + "least-squares one as in scikit-learn's BayesianRidge). With fit true, alpha and beta are re-estimated by "
      + "evidence maximisation (MacKay's fixed point with BayesianRidge's Gamma(1e-6, 1e-6) hyper-priors, starting "
      + "from alpha 1 and beta 1/var(y)) until the coefficients change by less than tol (sum |Δ|). "
      + "Defaults: alpha 1, beta 1, fit false, intercept true, tol 1e-6, max_iter 300. Returns a model with coef "
      + "(the posterior mean), intercept, covariance [d, d], alpha, beta, log_evidence, iterations, converged, x_mean "
      + "(the centring of X, zeros without intercept); predict gives the posterior mean prediction, "
      + "learn.predict_std the predictive standard deviation (scikit-learn's predict(X, return_std=True)); "
      + "learn.posterior_samples draws coefficients. "
      + "Example: let m = learn.bayes_linear(X, y, alpha: 2, beta: 25); m.log_evidence")
  public static LinearModel fit(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "alpha", dflt = "1") double alpha,
      @Arg(value = "beta", dflt = "1") double beta, @Arg(value = "fit", dflt = "false") boolean fit,
      @Arg(value = "intercept", dflt = "true") boolean intercept, @Arg(value = "tol", dflt = "1e-6") double tol,
      @Arg(value = "max_iter", dflt = "300") int maxIter, KernelContext ctx) {
    String fn = "learn.bayes_linear";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.vector(y, n, fn, "y", "X");
    LearnArgs.positive(alpha, fn, "alpha");
    LearnArgs.positive(beta, fn, "beta");
    Centered c = Centered.of(xs, ys, n, d, 1, intercept);
    double[] g = Dense.gram(c.x(), n, d);
    double[] xty = Dense.tmul(c.x(), n, d, c.y(), 1);
    double yy = Dense.dot(c.y(), 0, c.y(), 0, n);
    int iterations = 0;
    boolean converged = !fit;
    if (fit) {
      double eps = 1e-6;
      Map<String, Object> eig = Decompositions.eigh(Tensor.wrap(new int[] {d, d}, g.clone()));
      double[] lam = ((Tensor) eig.get("values")).raw();
      double var = yy / n;
      beta = 1 / (var + 1e-300);
      alpha = 1;
      double[] old = null;
      for (iterations = 1; iterations <= maxIter; iterations++) {
        ctx.poll();
        double[] m = mean(g, xty, d, alpha, beta);
        double gamma = 0;
        for (double l : lam) {
          double bl = beta * Math.max(l, 0);
          gamma += bl / (alpha + bl);
        }
        double res = residual(c, m);
        double mm = Dense.dot(m, 0, m, 0, d);
        alpha = (gamma + 2 * eps) / (mm + 2 * eps);
        beta = (n - gamma + 2 * eps) / (res + 2 * eps);
        if (old != null) {
          double change = 0;
          for (int j = 0; j < d; j++) {
            change += Math.abs(old[j] - m[j]);
          }
          if (change < tol) {
            converged = true;
            break;
          }
        }
        old = m;
      }
      iterations = Math.min(iterations, maxIter);
    }
    double[] a = g.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] *= beta;
    }
    Dense.addDiagonal(a, d, alpha);
    double[] l = Dense.choleskyOrFail(a, d, fn, "alpha·I + beta·XᵀX");
    double[] m = xty.clone();
    Dense.cholSolve(l, d, m, 1);
    for (int j = 0; j < d; j++) {
      m[j] *= beta;
    }
    double res = residual(c, m);
    double logEv = 0.5 * d * Math.log(alpha) + 0.5 * n * Math.log(beta) - 0.5 * beta * res
        - 0.5 * alpha * Dense.dot(m, 0, m, 0, d) - 0.5 * Dense.cholLogDet(l, d) - 0.5 * n * Math.log(2 * Math.PI);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("covariance", Tensor.wrap(new int[] {d, d}, Dense.cholInverse(l, d)));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", alpha);
    s.put("beta", beta);
    s.put("log_evidence", logEv);
    s.put("iterations", (double) iterations);
    s.put("converged", converged);
    s.put("x_mean", Tensor.vector(c.xMean().clone()));
    return new LinearModel("bayes_linear", m, c.intercept(m), d, 1, true, extra, s,
        "alpha " + LearnArgs.fmt(alpha) + ", beta " + LearnArgs.fmt(beta));
  }

  @Kernel(name = "learn.predict_std", doc = "Predictive standard deviation of a learn.bayes_linear model at the rows "
      + "of x: sqrt(1/beta + xᵀ S x) with S the posterior covariance of the coefficients — scikit-learn's "
      + "BayesianRidge.predict(X, return_std=True), which uses the raw row x. centered true uses x − x_mean instead "
      + "(the variance of the posterior mean prediction when the intercept is the least-squares one, ȳ − x̄ᵀw; the two "
      + "agree without intercept). noise false leaves out the 1/beta term (the std of the mean prediction only). The "
      + "predictive mean is predict(model, x). Defaults noise true, centered false. Example: let m = "
      + "learn.bayes_linear(X, y, fit: true); predict(m, Xq) + 2 * learn.predict_std(m, Xq)")
  public static Tensor predictStd(@Arg("model") Model model, @Arg("x") Tensor x,
      @Arg(value = "noise", dflt = "true") boolean noise, @Arg(value = "centered", dflt = "false") boolean centered) {
    String fn = "learn.predict_std";
    if (!model.kind().equals("bayes_linear") || !(model.field("covariance") instanceof Tensor cov)
        || !(model.field("x_mean") instanceof Tensor xm)) {
      throw KernelException.of("%s: needs a learn.bayes_linear model, got a %s model", fn, model.kind());
    }
    int d = xm.size();
    double[] xs = LearnArgs.features(x, d, fn);
    int n = x.dim(0);
    double[] s = cov.raw();
    double[] mu = xm.raw();
    double beta = ((Number) model.field("beta")).doubleValue();
    double[] out = new double[n];
    double[] xc = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        xc[j] = xs[i * d + j] - (centered ? mu[j] : 0);
      }
      double q = 0;
      for (int j = 0; j < d; j++) {
        double r = 0;
        for (int k = 0; k < d; k++) {
          r += s[j * d + k] * xc[k];
        }
        q += xc[j] * r;
      }
      out[i] = Math.sqrt(Math.max(q, 0) + (noise ? 1 / beta : 0));
    }
    return Tensor.vector(out);
  }

  private static double[] mean(double[] g, double[] xty, int d, double alpha, double beta) {
    double[] a = g.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] *= beta;
    }
    Dense.addDiagonal(a, d, alpha);
    double[] l = Dense.choleskyOrFail(a, d, "learn.bayes_linear", "alpha·I + beta·XᵀX");
    double[] m = xty.clone();
    Dense.cholSolve(l, d, m, 1);
    for (int j = 0; j < d; j++) {
      m[j] *= beta;
    }
    return m;
  }

  private static double residual(Centered c, double[] m) {
    double[] p = Dense.mul(c.x(), c.n(), c.d(), m, 1);
    double s = 0;
    for (int i = 0; i < c.n(); i++) {
      double r = c.y()[i] - p[i];
      s += r * r;
    }
    return s;
  }
}
