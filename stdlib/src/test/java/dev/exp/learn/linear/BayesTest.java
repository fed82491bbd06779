package dev.exp.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Dense;
import dev.exp.learn.Ref;
import dev.exp.learn.classify.Laplace;
import dev.exp.learn.classify.LogisticModel;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BayesTest {
  private static final KernelContext CTX = KernelContext.NONE;
  private static final Tensor X = Ref.in("reg_X");
  private static final Tensor Y = Ref.in("reg_y");

  @Test
  void posteriorMeanIsRidgeAndEvidenceIsTheMarginalDensity() {
    LinearModel b = BayesLinear.fit(X, Y, 2.0, 5.0, false, false, 1e-6, 300, CTX);
    // posterior mean = ridge with penalty alpha/beta
    LinearModel r = LeastSquares.ridge(X, Y, 2.0 / 5.0, "primal", false);
    Ref.close((Tensor) r.field("coef"), b.field("coef"), 1e-12, "mean = ridge");
    // log evidence = log N(y; 0, XXᵀ/alpha + I/beta) (scipy)
    Ref.close("bayes_log_evidence", b.field("log_evidence"), 1e-10);
  }

  @Test
  void evidenceMaximisationMatchesBayesianRidge() {
    LinearModel b = BayesLinear.fit(X, Y, 1, 1, true, true, 1e-12, 1000, CTX);
    assertEquals(true, b.settings().get("converged"));
    Ref.close("bayes_ridge_coef", b.field("coef"), 1e-8);
    Ref.close("bayes_ridge_intercept", b.field("intercept"), 1e-8);
    double[] al = Ref.out("bayes_ridge_alpha_lambda").raw(); // sklearn: alpha_ = noise precision, lambda_ = prior
    assertEquals(al[0], (Double) b.field("beta"), 1e-6 * al[0]);
    assertEquals(al[1], (Double) b.field("alpha"), 1e-6 * al[1]);
  }

  @Test
  void posteriorSamplesHaveThePosteriorMoments() {
    LinearModel b = BayesLinear.fit(X, Y, 2.0, 5.0, false, true, 1e-6, 300, CTX);
    int n = 20000;
    double[] s = Laplace.posteriorSamples(b, n, new Rng(1)).raw();
    double[] m = ((Tensor) b.field("coef")).raw();
    double[] cov = ((Tensor) b.field("covariance")).raw();
    for (int j = 0; j < 5; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += s[i * 5 + j] / n;
      }
      double sd = Math.sqrt(cov[j * 5 + j]);
      assertEquals(m[j], mean, 4 * sd / Math.sqrt(n), "mean " + j);
      double var = 0;
      for (int i = 0; i < n; i++) {
        var += (s[i * 5 + j] - m[j]) * (s[i * 5 + j] - m[j]) / n;
      }
      assertEquals(cov[j * 5 + j], var, 4 * cov[j * 5 + j] * Math.sqrt(2.0 / n), "variance " + j);
    }
  }

  @Test
  void laplaceCovarianceIsTheInverseHessianOfTheNegativeLogPosterior() {
    Tensor x = Ref.in("clf_X");
    Tensor y = Ref.in("clf_yb");
    double alpha = 0.7;
    LogisticModel m = Laplace.logisticLaplace(x, y, alpha, CTX);
    double[] p = m.predictProba(x).raw();
    double[] xs = x.raw();
    double[] h = new double[25];
    for (int i = 0; i < 60; i++) {
      double w = p[2 * i + 1] * (1 - p[2 * i + 1]);
      double[] a = {xs[i * 4], xs[i * 4 + 1], xs[i * 4 + 2], xs[i * 4 + 3], 1};
      for (int j = 0; j < 5; j++) {
        for (int k = 0; k < 5; k++) {
          h[j * 5 + k] += w * a[j] * a[k];
        }
      }
    }
    for (int j = 0; j < 4; j++) {
      h[j * 5 + j] += alpha;
    }
    double[] prod = Dense.mul(h, 5, 5, ((Tensor) m.field("covariance")).raw(), 5);
    for (int j = 0; j < 5; j++) {
      for (int k = 0; k < 5; k++) {
        assertEquals(j == k ? 1 : 0, prod[j * 5 + k], 1e-9);
      }
    }
    assertTrue(Laplace.posteriorSamples(m, 3, new Rng(2)).dim(1) == 5);
  }
}
