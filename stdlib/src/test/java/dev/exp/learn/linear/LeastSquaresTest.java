package dev.exp.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.Ref;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
  private static final Tensor X = Ref.in("reg_X");
  private static final Tensor Y = Ref.in("reg_y");

  @Test
  void olsMatchesScikitLearnAndSatisfiesTheNormalEquations() {
    LinearModel m = LeastSquares.ols(X, Y, true);
    Ref.close("ols_coef", m.field("coef"), 1e-10);
    Ref.close("ols_intercept", m.field("intercept"), 1e-10);
    Ref.close("ols_noint_coef", LeastSquares.ols(X, Y, false).field("coef"), 1e-10);
    // normal equations: [X 1]ᵀ (y − ŷ) = 0
    double[] r = Y.toArray();
    double[] p = m.predict(X).raw();
    for (int i = 0; i < r.length; i++) {
      r[i] -= p[i];
    }
    double[] g = Dense.tmul(X.raw(), 40, 5, r, 1);
    for (double v : g) {
      assertEquals(0, v, 1e-10);
    }
    assertEquals(0, java.util.Arrays.stream(r).sum(), 1e-10);
  }

  @Test
  void ridgeMultiOutputAndDualMatchScikitLearn() {
    LinearModel m = LeastSquares.ridge(Ref.in("reg_Y2").rank() == 2 ? X : X, Ref.in("reg_Y2"), 2.5, "auto", true);
    Ref.close("ridge_multi_coef", m.field("coef"), 1e-10);
    Ref.close("ridge_multi_intercept", m.field("intercept"), 1e-10);
    LinearModel w = LeastSquares.ridge(Ref.in("wide_X"), Ref.in("wide_y"), 0.7, "auto", true);
    assertEquals("dual", w.settings().get("solver"));
    Ref.close("ridge_wide_coef", w.field("coef"), 1e-10);
    Ref.close("ridge_wide_intercept", w.field("intercept"), 1e-10);
    LinearModel primal = LeastSquares.ridge(Ref.in("wide_X"), Ref.in("wide_y"), 0.7, "primal", true);
    Ref.close("ridge_wide_coef", primal.field("coef"), 1e-10);
    assertEquals("<ridge model: 20 features → 1 output, alpha 0.7>", w.summary());
  }

  @Test
  void looShortcutEqualsExplicitLeaveOneOutRefits() {
    Map<String, Object> r = LeastSquares.ridgeLoo(X, Y, Tensor.vector(0.01, 0.3, 3.0, 30.0), true);
    Ref.close("ridge_loo_mse", r.get("loo_mse"), 1e-10);
    double[] loo = Ref.out("ridge_loo_mse").raw();
    int best = 0;
    for (int i = 1; i < loo.length; i++) {
      if (loo[i] < loo[best]) {
        best = i;
      }
    }
    assertEquals(new double[] {0.01, 0.3, 3.0, 30.0}[best], (Double) r.get("best_alpha"));
    assertTrue(r.get("model") instanceof LinearModel);
  }

  @Test
  void kernelRidgeMatchesScikitLearn() {
    Tensor q = Ref.in("reg_Xq");
    Ref.close("krr_rbf_pred", KernelRidge.fit(X, Y, 0.5, "rbf", 0.2, 3, 1).predict(q), 1e-9);
    Ref.close("krr_poly_pred", KernelRidge.fit(X, Y, 0.5, "poly", 0.3, 2, 1.5).predict(q), 1e-9);
    Ref.close("krr_linear_pred", KernelRidge.fit(X, Y, 0.5, "linear", null, 3, 1).predict(q), 1e-9);
    Ref.close("krr_rbf_default_pred", KernelRidge.fit(X, Y, 0.5, "rbf", null, 3, 1).predict(q), 1e-9);
  }

  @Test
  void errorsNameShapesAndParameters() {
    KernelException e = assertThrows(KernelException.class, () -> LeastSquares.ridge(X, Tensor.zeros(39), 1, "auto", true));
    assertTrue(e.getMessage().contains("y must be a vector of 40 values"), e.getMessage());
    e = assertThrows(KernelException.class, () -> LeastSquares.ridge(X, Y, 1, "qr", true));
    assertTrue(e.getMessage().contains("solver must be one of"), e.getMessage());
    LinearModel m = LeastSquares.ridge(X, Y, 1, "auto", true);
    e = assertThrows(KernelException.class, () -> m.predict(Tensor.zeros(3, 4)));
    assertTrue(e.getMessage().contains("fitted on 5 features"), e.getMessage());
  }
}
