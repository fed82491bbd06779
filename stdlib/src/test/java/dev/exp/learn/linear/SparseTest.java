package dev.exp.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Ref;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparseTest {
  private static final KernelContext CTX = KernelContext.NONE;
  private static final Tensor X = Ref.in("reg_X");
  private static final Tensor Y = Ref.in("reg_y");

  @Test
  void lassoAndElasticNetMatchScikitLearn() {
    LinearModel m = Sparse.lasso(X, Y, 0.05, 1e-12, 100000, true, CTX);
    assertEquals(true, m.settings().get("converged"));
    Ref.close("lasso_coef", m.field("coef"), 1e-8);
    Ref.close("lasso_intercept", m.field("intercept"), 1e-8);
    LinearModel e = Sparse.elasticNet(X, Y, 0.1, 0.3, 1e-12, 100000, true, CTX);
    Ref.close("enet_coef", e.field("coef"), 1e-8);
    Ref.close("enet_intercept", e.field("intercept"), 1e-8);
  }

  @Test
  void pathInColumnModeMatchesScikitLearnAndStartsAtAlphaMax() {
    Tensor xs = Ref.in("sparse_X");
    Tensor ys = Ref.in("sparse_y");
    Map<String, Object> p = Sparse.lassoPath(xs, ys, Tensor.vector(0.05, 0.5, 0.1, 0.2), 100, 1e-3, 1, 1e-12, 100000,
        true, CTX);
    Ref.close(Tensor.vector(0.5, 0.2, 0.1, 0.05), p.get("alphas"), 0, "sorted alphas");
    Ref.close("lasso_path_coefs", p.get("coefs"), 1e-7);
    // the first knot: alpha_max = max|Xcᵀyc|/n gives w = 0, and just below it one coefficient enters
    double amax = (Double) p.get("alpha_max");
    Map<String, Object> knot = Sparse.lassoPath(xs, ys, Tensor.vector(amax, amax * 0.999), 100, 1e-3, 1, 1e-12, 100000,
        true, CTX);
    double[] c = ((Tensor) knot.get("coefs")).raw();
    int nnzAt = 0;
    int nnzBelow = 0;
    for (int j = 0; j < 30; j++) {
      nnzAt += c[j] != 0 ? 1 : 0;
      nnzBelow += c[30 + j] != 0 ? 1 : 0;
    }
    assertEquals(0, nnzAt);
    assertEquals(1, nnzBelow);
    Map<String, Object> grid = Sparse.lassoPath(xs, ys, null, 5, 1e-2, 1, 1e-10, 10000, true, CTX);
    Ref.close(Tensor.vector(amax, amax * Math.pow(1e-2, 0.25), amax * 0.1, amax * Math.pow(1e-2, 0.75), amax * 1e-2),
        grid.get("alphas"), 1e-12, "geometric grid");
  }

  @Test
  void orthogonalDesignGivesSoftThresholding() {
    // columns of X orthogonal with XᵀX = n·I and centred: w_j = S(x_jᵀy/n, alpha)
    int n = 8;
    double[] xs = new double[n * 3]; // Walsh columns (−1)^bit_j(i): orthogonal, mean 0, norm² 8
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        xs[i * 3 + j] = ((i >> j) & 1) == 0 ? 1 : -1;
      }
    }
    Tensor x = Tensor.wrap(new int[] {n, 3}, xs);
    double[] ys = {3, -1, 2, 0.5, -2, 1, 0, 4};
    Tensor y = Tensor.vector(ys);
    double alpha = 0.3;
    double[] w = ((Tensor) Sparse.lasso(x, y, alpha, 1e-14, 1000, true, CTX).field("coef")).raw();
    double[] gw = ((Tensor) GroupLasso.fit(x, y, Tensor.vector(0, 1, 2), alpha, 1e-12, 100000, true, CTX)
        .field("coef")).raw();
    for (int j = 0; j < 3; j++) {
      double z = 0;
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += ys[i] / n;
      }
      for (int i = 0; i < n; i++) {
        z += xs[i * 3 + j] * (ys[i] - mean) / n;
      }
      double soft = Math.signum(z) * Math.max(Math.abs(z) - alpha, 0);
      assertEquals(soft, w[j], 1e-12);
      assertEquals(soft, gw[j], 1e-9);
    }
    // one group of the first two columns: block soft-threshold (1 − alpha·√2/‖z_g‖)₊ z_g
    double[] bw = ((Tensor) GroupLasso.fit(x, y, Tensor.vector(5, 5, 9), alpha, 1e-12, 100000, true, CTX)
        .field("coef")).raw();
    double z0 = 0;
    double z1 = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += ys[i] / n;
    }
    for (int i = 0; i < n; i++) {
      z0 += xs[i * 3] * (ys[i] - mean) / n;
      z1 += xs[i * 3 + 1] * (ys[i] - mean) / n;
    }
    double shrink = Math.max(0, 1 - alpha * Math.sqrt(2) / Math.hypot(z0, z1));
    assertEquals(shrink * z0, bw[0], 1e-9);
    assertEquals(shrink * z1, bw[1], 1e-9);
  }

  @Test
  void groupLassoWithSingletonGroupsIsTheLasso() {
    LinearModel g = GroupLasso.fit(X, Y, Tensor.vector(0, 1, 2, 3, 4), 0.05, 1e-12, 100000, true, CTX);
    assertEquals(true, g.settings().get("converged"));
    Ref.close("lasso_coef", g.field("coef"), 1e-8);
    assertTrue(g.summary().contains("groups active"), g.summary());
  }

  @Test
  void twoDimensionalTargetsAreIndependentFitsPerColumn() {
    Tensor x = Ref.in("mo_X");
    Tensor y = Ref.in("mo_Y");
    LinearModel m = Sparse.lasso(x, y, 0.05, 1e-12, 100000, true, CTX);
    assertEquals(true, m.settings().get("converged"));
    Ref.close("mo_lasso_coef", m.field("coef"), 1e-8);
    Ref.close("mo_lasso_intercept", m.field("intercept"), 1e-8);
    assertEquals(2, ((Tensor) m.settings().get("dual_gap")).size());
    LinearModel e = Sparse.elasticNet(x, y, 0.1, 0.4, 1e-12, 100000, true, CTX);
    Ref.close("mo_enet_coef", e.field("coef"), 1e-8);
    Ref.close("mo_enet_intercept", e.field("intercept"), 1e-8);
    // column 1 alone gives column 1 of the joint fit
    double[] ys = y.raw();
    double[] y1 = new double[ys.length / 2];
    for (int i = 0; i < y1.length; i++) {
      y1[i] = ys[2 * i + 1];
    }
    double[] w1 = ((Tensor) Sparse.lasso(x, Tensor.vector(y1), 0.05, 1e-12, 100000, true, CTX).field("coef")).raw();
    double[] w = ((Tensor) m.field("coef")).raw();
    for (int j = 0; j < w1.length; j++) {
      assertEquals(w1[j], w[2 * j + 1], 1e-12);
    }
  }

  @Test
  void wideDesignWithLargeMeansTakesTheWorkingSetFormAndMatchesScikitLearn() {
    // 25 × 60 (n < 2d: the column form) with column means up to 5900: the one-pass moments keep the accuracy
    LinearModel m = Sparse.lasso(Ref.in("lasso_wide_X"), Ref.in("lasso_wide_y"), 0.02, 1e-12, 100000, true, CTX);
    assertEquals(true, m.settings().get("converged"));
    Ref.close("lasso_wide_coef", m.field("coef"), 1e-7);
    Ref.close("lasso_wide_intercept", m.field("intercept"), 1e-7);
    // the default tolerance still certifies sklearn's gap rule: dual_gap·n < tol·‖y − ȳ‖²
    LinearModel d = Sparse.lasso(Ref.in("lasso_wide_X"), Ref.in("lasso_wide_y"), 0.02, 1e-4, 1000, true, CTX);
    double[] y = Ref.in("lasso_wide_y").raw();
    double mean = java.util.Arrays.stream(y).average().orElseThrow();
    double yy = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum();
    assertTrue((Double) d.settings().get("dual_gap") * y.length < 1e-4 * yy);
  }
}
