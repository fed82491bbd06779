package dev.exp.learn.linear;

import static dev.exp.GapsReference.close;
import static dev.exp.GapsReference.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** learn.best_subset against a brute force over scikit-learn LinearRegression fits. */
class BestSubsetTest {
  private static final KernelContext CTX = KernelContext.NONE;

  @Test
  void matchesTheBruteForceOverLinearRegression() {
    for (int s = 1; s <= 3; s++) {
      LinearModel m = BestSubset.bestSubset(in("bs_X"), in("bs_y"), s, true, CTX);
      close("bs_" + s + "_support", m.settings().get("support"), 0);
      close("bs_" + s + "_rss", m.settings().get("rss"), 1e-10);
      close("bs_" + s + "_coef", m.field("coef"), 1e-10);
      close("bs_" + s + "_intercept", m.field("intercept"), 1e-10);
      double[] path = ((Tensor) m.settings().get("path_rss")).raw();
      for (int k = 1; k <= s; k++) {
        assertTrue(path[k] <= path[k - 1], "path is non-increasing");
      }
    }
    // s = d is OLS: its RSS is the least-squares one
    LinearModel all = BestSubset.bestSubset(in("bs_X"), in("bs_y"), 8, true, CTX);
    LinearModel ols = LeastSquares.ols(in("bs_X"), in("bs_y"), true);
    same((Tensor) ols.field("coef"), all.field("coef"));
  }

  private static void same(Tensor e, Object a) {
    double[] ev = e.raw();
    double[] av = ((Tensor) a).raw();
    for (int i = 0; i < ev.length; i++) {
      assertEquals(ev[i], av[i], 1e-10);
    }
  }

  @Test
  void errorsNameTheLimits() {
    KernelException e = assertThrows(KernelException.class, () -> BestSubset.bestSubset(in("bs_X"), in("bs_y"), 9,
        true, CTX));
    assertTrue(e.getMessage().contains("s must be in 0..8"), e.getMessage());
    Tensor wide = Tensor.zeros(5, 200);
    e = assertThrows(KernelException.class, () -> BestSubset.bestSubset(wide, Tensor.zeros(5), 5, true, CTX));
    assertTrue(e.getMessage().contains("supports"), e.getMessage());
  }
}
