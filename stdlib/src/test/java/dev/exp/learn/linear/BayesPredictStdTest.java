package dev.exp.learn.linear;

import static dev.exp.GapsReference.close;
import static dev.exp.GapsReference.in;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** learn.predict_std against scikit-learn's BayesianRidge.predict(return_std=True) and the closed form. */
class BayesPredictStdTest {
  private static final KernelContext CTX = KernelContext.NONE;

  @Test
  void evidenceFitMatchesBayesianRidgeReturnStd() {
    LinearModel m = BayesLinear.fit(in("bayes_X"), in("bayes_y"), 1, 1, true, true, 1e-12, 1000, CTX);
    close("bayes_fit_noise_precision", m.field("beta"), 1e-7);
    close("bayes_fit_mean", m.predict(in("bayes_Xq")), 1e-8);
    close("bayes_fit_std", BayesLinear.predictStd(m, in("bayes_Xq"), true, false), 1e-7);
  }

  @Test
  void fixedPrecisionsMatchTheClosedForm() {
    LinearModel m = BayesLinear.fit(in("bayes_X"), in("bayes_y"), 2, 5, false, true, 1e-6, 300, CTX);
    close("bayes_fixed_mean", m.predict(in("bayes_Xq")), 1e-12);
    close("bayes_fixed_std", BayesLinear.predictStd(m, in("bayes_Xq"), true, false), 1e-12);
    close("bayes_fixed_std_centered", BayesLinear.predictStd(m, in("bayes_Xq"), true, true), 1e-12);
    close("bayes_fixed_std_mean_only", BayesLinear.predictStd(m, in("bayes_Xq"), false, false), 1e-12);
  }

  @Test
  void stdGrowsAwayFromTheDataAndNamesWrongModels() {
    LinearModel m = BayesLinear.fit(in("bayes_X"), in("bayes_y"), 2, 5, false, true, 1e-6, 300, CTX);
    double near = BayesLinear.predictStd(m, Tensor.wrap(new int[] {1, 4}, new double[4]), true, true).raw()[0];
    double far = BayesLinear.predictStd(m, Tensor.wrap(new int[] {1, 4}, new double[] {10, 10, 10, 10}), true, true)
        .raw()[0];
    assertTrue(far > near && near >= Math.sqrt(1 / 5.0), near + " " + far);
    LinearModel ols = LeastSquares.ols(in("bayes_X"), in("bayes_y"), true);
    KernelException e = assertThrows(KernelException.class, () -> BayesLinear.predictStd(ols, in("bayes_Xq"), true, false));
    assertTrue(e.getMessage().contains("bayes_linear"), e.getMessage());
  }
}
