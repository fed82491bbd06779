package dev.exp.learn.cluster;

import static dev.exp.learn.UnsupReference.input;
import static dev.exp.learn.UnsupReference.matches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GmmTest {
  static GmmModel fit(Tensor x, int k, String cov, Object init) {
    return Gmm.gmm(x, k, cov, init, 100, 1e-3, 1e-6, 1, new Rng(1), KernelContext.NONE);
  }

  static Map<String, Object> init(Tensor covs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("weights", input("gmm_init_weights"));
    m.put("means", input("gmm_init_means"));
    m.put("covariances", covs);
    return m;
  }

  static void nonDecreasing(Tensor h) {
    double[] v = h.raw();
    for (int i = 1; i < v.length; i++) {
      assertTrue(v[i] >= v[i - 1] - 1e-12, "log-likelihood decreased at iteration " + i);
    }
  }

  @Test
  void fullCovarianceMatchesScikitLearnFromTheSameInit() {
    Tensor x = input("gmm_X");
    GmmModel g = fit(x, 3, "full", init(input("gmm_init_covs")));
    matches("gmm_weights", (Tensor) g.field("weights"), 1e-8);
    matches("gmm_means", (Tensor) g.field("means"), 1e-8);
    matches("gmm_covariances", (Tensor) g.field("covariances"), 1e-8);
    matches("gmm_lower_bound", (Double) g.field("lower_bound"), 1e-10);
    matches("gmm_n_iter", (Double) g.field("iterations"), 0);
    Tensor five = Tensor.wrap(new int[] {5, 2}, Arrays.copyOf(x.raw(), 10));
    matches("gmm_proba", g.predictProba(five), 1e-8);
    matches("gmm_score", g.score(x, null), 1e-10);
    matches("gmm_bic", (Double) g.field("bic"), 1e-9);
    matches("gmm_aic", (Double) g.field("aic"), 1e-9);
    nonDecreasing((Tensor) g.field("log_likelihood_history"));
    assertEquals(true, g.field("converged"));
  }

  @Test
  void diagonalCovarianceMatchesScikitLearn() {
    GmmModel g = fit(input("gmm_X"), 3, "diag", init(input("gmm_init_diag")));
    matches("gmmd_weights", (Tensor) g.field("weights"), 1e-8);
    matches("gmmd_means", (Tensor) g.field("means"), 1e-8);
    matches("gmmd_covariances", (Tensor) g.field("covariances"), 1e-8);
    matches("gmmd_lower_bound", (Double) g.field("lower_bound"), 1e-10);
    matches("gmmd_n_iter", (Double) g.field("iterations"), 0);
    nonDecreasing((Tensor) g.field("log_likelihood_history"));
  }

  @Test
  void kmeansAndRandomInitsNeverDecreaseTheLikelihood() {
    Tensor x = input("gmm_X");
    for (String how : new String[] {"kmeans", "random"}) {
      GmmModel g = Gmm.gmm(x, 3, "full", how, 200, 1e-8, 1e-6, 2, new Rng(3), KernelContext.NONE);
      nonDecreasing((Tensor) g.field("log_likelihood_history"));
      double[] w = ((Tensor) g.field("weights")).raw();
      assertEquals(1, Arrays.stream(w).sum(), 1e-12);
      double[] p = g.predictProba(x).raw();
      for (int i = 0; i < 300; i++) {
        assertEquals(1, p[3 * i] + p[3 * i + 1] + p[3 * i + 2], 1e-12);
      }
      // the sklearn optimum from a good init is at least as good as what we reach
      assertTrue((Double) g.field("lower_bound") > dev.exp.learn.UnsupReference.number("gmm_lower_bound") - 0.05, how);
    }
  }

  @Test
  void errors() {
    Tensor x = input("gmm_X");
    KernelException e = assertThrows(KernelException.class, () -> fit(x, 3, "spherical", "kmeans"));
    assertTrue(e.getMessage().contains("\"full\" or \"diag\""), e.getMessage());
    Map<String, Object> bad = init(Tensor.zeros(3, 2));
    e = assertThrows(KernelException.class, () -> fit(x, 3, "full", bad));
    assertTrue(e.getMessage().contains("[3, 2, 2]"), e.getMessage());
  }
}
