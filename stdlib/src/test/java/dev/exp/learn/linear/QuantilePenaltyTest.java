package dev.exp.learn.linear;

import static dev.exp.GapsReference.close;
import static dev.exp.GapsReference.in;
import static dev.exp.GapsReference.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** learn.quantile_regression with alpha against scikit-learn's QuantileRegressor (HiGHS, exact LP). */
class QuantilePenaltyTest {
  private static final KernelContext CTX = KernelContext.NONE;

  @Test
  void l1PenaltyMatchesQuantileRegressor() {
    Tensor x = in("qrl1_X");
    Tensor y = in("qrl1_y");
    for (String tau : new String[] {"0.2", "0.5", "0.8"}) {
      for (String alpha : new String[] {"0.01", "0.1", "0.5"}) {
        LinearModel m = Quantiles.quantileRegression(x, y, Double.parseDouble(tau), Double.parseDouble(alpha), true,
            CTX);
        String k = "qrl1_" + tau + "_" + alpha;
        // the objective is unique even where the LP has several optimal vertices
        close(k + "_objective", m.settings().get("objective"), 1e-9);
        close(k + "_coef", m.field("coef"), 1e-6);
        close(k + "_intercept", m.field("intercept"), 1e-6);
      }
    }
    LinearModel m = Quantiles.quantileRegression(x, y, 0.3, 0.05, false, CTX);
    close("qrl1_noint_coef", m.field("coef"), 1e-6);
  }

  @Test
  void aLargePenaltyGivesTheInterceptOnlyQuantile() {
    // with alpha above the subgradient bound max_j |Σ_i x_ij ψ_i|/n every coefficient is 0 and b is the τ-quantile
    Tensor x = in("qrl1_X");
    Tensor y = in("qrl1_y");
    LinearModel m = Quantiles.quantileRegression(x, y, 0.5, 100, true, CTX);
    for (double c : ((Tensor) m.field("coef")).raw()) {
      assertEquals(0, c, 1e-12);
    }
    double[] s = y.raw().clone();
    java.util.Arrays.sort(s);
    double b = (Double) m.field("intercept");
    assertTrue(b >= s[24] - 1e-9 && b <= s[25] + 1e-9, "median " + b);
    assertTrue(out("qrl1_0.5_0.5_objective").raw()[0] <= (Double) m.settings().get("objective") + 1e-12);
  }

  @Test
  void negativeAlphaIsNamed() {
    KernelException e = assertThrows(KernelException.class,
        () -> Quantiles.quantileRegression(in("qrl1_X"), in("qrl1_y"), 0.5, -1, true, CTX));
    assertTrue(e.getMessage().contains("alpha"), e.getMessage());
  }
}
