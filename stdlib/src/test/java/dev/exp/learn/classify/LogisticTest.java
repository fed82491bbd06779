package dev.exp.learn.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Ref;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LogisticTest {
  private static final KernelContext CTX = KernelContext.NONE;

  @Test
  void binaryMatchesScikitLearnWithBothSolvers() {
    Tensor x = Ref.in("clf_X");
    Tensor y = Ref.in("clf_yb");
    for (String solver : new String[] {"newton", "lbfgs"}) {
      LogisticModel m = Logistic.logistic(x, y, 0.5, null, solver, 1e-10, 1000, CTX);
      assertEquals(true, m.settings().get("converged"), solver);
      Ref.close("logit_bin_coef", m.field("coef"), 1e-6);
      Ref.close("logit_bin_intercept", m.field("intercept"), 1e-6);
      Ref.close("logit_bin_proba", m.predictProba(x.reshape(60, 4)).raw().length == 120
          ? Tensor.wrap(new int[] {5, 2}, java.util.Arrays.copyOf(m.predictProba(x).raw(), 10)) : null, 1e-6);
    }
  }

  @Test
  void multinomialMatchesScikitLearn() {
    Tensor x = Ref.in("clf_Xm");
    Tensor y = Ref.in("clf_ym");
    for (String solver : new String[] {"newton", "lbfgs"}) {
      LogisticModel m = Logistic.logistic(x, y, 2.0, null, solver, 1e-10, 1000, CTX);
      assertEquals(true, m.settings().get("converged"), solver);
      Ref.close("logit_multi_coef", m.field("coef"), 1e-6);
      Ref.close("logit_multi_intercept", m.field("intercept"), 1e-6);
      Tensor p = Tensor.wrap(new int[] {5, 3}, java.util.Arrays.copyOf(m.predictProba(x).raw(), 15));
      Ref.close("logit_multi_proba", p, 1e-6);
      Ref.close(Tensor.vector(1, 3, 5), m.field("classes"), 0, "classes");
    }
  }

  @Test
  void theMleSatisfiesItsScoreEquations() {
    // with a tiny penalty the fit is (close to) the MLE: Σ (p_i − t_i) x̃_i = −w/C ≈ 0
    Tensor x = Ref.in("clf_X");
    Tensor y = Ref.in("clf_yb");
    double c = 1e6;
    LogisticModel m = Logistic.logistic(x, y, c, null, "newton", 1e-12, 100, CTX);
    double[] p = m.predictProba(x).raw();
    double[] xs = x.raw();
    double[] t = y.raw();
    double[] w = ((Tensor) m.field("coef")).raw();
    double[] score = new double[5];
    for (int i = 0; i < 60; i++) {
      double r = p[2 * i + 1] - t[i];
      for (int j = 0; j < 4; j++) {
        score[j] += r * xs[i * 4 + j];
      }
      score[4] += r;
    }
    for (int j = 0; j < 4; j++) {
      assertEquals(-w[j] / c, score[j], 1e-9);
    }
    assertEquals(0, score[4], 1e-9);
  }

  @Test
  void alphaIsThePenaltyOnTheMeanLoss() {
    Tensor x = Ref.in("clf_X");
    Tensor y = Ref.in("clf_yb");
    LogisticModel a = Logistic.logistic(x, y, 1, 0.05, "newton", 1e-10, 100, CTX);
    LogisticModel c = Logistic.logistic(x, y, 1 / (60 * 0.05), null, "newton", 1e-10, 100, CTX);
    Ref.close((Tensor) c.field("coef"), a.field("coef"), 1e-12, "alpha vs C");
    assertTrue(a.summary().startsWith("<logistic model: 4 features → 2 classes"), a.summary());
  }

  @Test
  void linearProbeTakesRawFeatures() {
    Tensor x = Ref.in("clf_Xm");
    Tensor y = Ref.in("clf_ym");
    LogisticModel probe = Logistic.linearProbe(x, y, 1e-3, "newton", CTX);
    // the probe is logistic regression on standardised features: same predictions as fitting those directly
    double[] xs = x.raw();
    double[] mean = ((Tensor) probe.field("mean")).raw();
    double[] sd = ((Tensor) probe.field("scale")).raw();
    double[] z = new double[xs.length];
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 4; j++) {
        z[i * 4 + j] = (xs[i * 4 + j] - mean[j]) / sd[j];
      }
    }
    LogisticModel direct = Logistic.logistic(Tensor.wrap(new int[] {60, 4}, z), y, 1 / (60 * 1e-3), null, "newton",
        1e-10, 100, CTX);
    Ref.close(direct.predictProba(Tensor.wrap(new int[] {60, 4}, z)), probe.predictProba(x), 1e-8, "probe");
  }
}
