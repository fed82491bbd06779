package dev.exp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnDataTest {
  @Test
  void gaussianMixtureBayesErrorMatchesMonteCarlo() {
    // unequal weights and a correlated shared covariance: the Bayes rule is the LDA rule with the true parameters
    Tensor means = Tensor.matrix(new double[][] {{0, 0}, {1.2, 0.6}});
    Tensor cov = Tensor.matrix(new double[][] {{1, 0.5}, {0.5, 2}});
    int n = 200000;
    Map<String, Object> g = LabelledMixtures.gaussianMixture(n, means, cov, Tensor.vector(0.7, 0.3), new Rng(8));
    double bayes = (Double) g.get("bayes_error");
    double[] x = ((Tensor) g.get("x")).raw();
    double[] y = ((Tensor) g.get("y")).raw();
    // Σ⁻¹ = [[2, −0.5], [−0.5, 1]] / 1.75; discriminant wᵀx + c with w = Σ⁻¹(μ₁ − μ₀)
    double w0 = (2 * 1.2 - 0.5 * 0.6) / 1.75;
    double w1 = (-0.5 * 1.2 + 0.6) / 1.75;
    double c = -0.5 * (w0 * 1.2 + w1 * 0.6) + Math.log(0.3 / 0.7);
    int errors = 0;
    int ones = 0;
    for (int i = 0; i < n; i++) {
      double pred = w0 * x[2 * i] + w1 * x[2 * i + 1] + c > 0 ? 1 : 0;
      errors += pred != y[i] ? 1 : 0;
      ones += y[i] == 1 ? 1 : 0;
    }
    double rate = (double) errors / n;
    double se = Math.sqrt(bayes * (1 - bayes) / n);
    assertEquals(bayes, rate, 4 * se);
    assertEquals(0.3, (double) ones / n, 4 * Math.sqrt(0.21 / n));
    // equal weights, identity covariance, means ±μ with ‖μ‖ = 1.5: Φ(−1.5) = 0.0668072 (scipy.stats.norm.cdf)
    Map<String, Object> e = LabelledMixtures.gaussianMixture(1, Tensor.matrix(new double[][] {{1.5, 0, 0}, {-1.5, 0, 0}}),
        null, null, new Rng(1));
    assertEquals(0.06680720126885807, (Double) e.get("bayes_error"), 1e-14);
  }

  @Test
  void halfspaceFlipsLabelsAtTheNoiseRate() {
    int n = 100000;
    Map<String, Object> h = LabelledMixtures.halfspace(n, 5, 0.2, 0.1, new Rng(2));
    double[] x = ((Tensor) h.get("x")).raw();
    double[] y = ((Tensor) h.get("y")).raw();
    double[] w = ((Tensor) h.get("w")).raw();
    int wrong = 0;
    double minMargin = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double p = 0;
      for (int j = 0; j < 5; j++) {
        p += w[j] * x[i * 5 + j];
      }
      minMargin = Math.min(minMargin, Math.abs(p));
      wrong += (p > 0 ? 1 : 0) != y[i] ? 1 : 0;
    }
    assertEquals(0.1, (double) wrong / n, 4 * Math.sqrt(0.09 / n));
    assertTrue(minMargin >= 0.2);
  }

  @Test
  void sparseAndMultitaskModelsHaveTheirStructure() {
    Map<String, Object> s = SparseLinear.sparseLinear(20000, 12, 3, 0, 0.6, 2, new Rng(5));
    double[] w = ((Tensor) s.get("w")).raw();
    double[] sup = ((Tensor) s.get("support")).raw();
    assertEquals(3, sup.length);
    int nnz = 0;
    for (double v : w) {
      nnz += v != 0 ? 1 : 0;
      assertTrue(v == 0 || Math.abs(v) == 2);
    }
    assertEquals(3, nnz);
    double[] x = ((Tensor) s.get("x")).raw();
    double[] y = ((Tensor) s.get("y")).raw();
    double corr = 0;
    for (int i = 0; i < 20000; i++) {
      double p = 0;
      for (int j = 0; j < 12; j++) {
        p += x[i * 12 + j] * w[j];
      }
      assertEquals(p, y[i], 1e-12);
      corr += x[i * 12 + 4] * x[i * 12 + 6] / 20000; // Σ_46 = 0.6² = 0.36
    }
    assertEquals(0.36, corr, 0.03);
    Map<String, Object> m = SparseLinear.multitaskLinear(10, 6, 4, 2, 0, 0, new Rng(6));
    double[] b = ((Tensor) m.get("b")).raw();
    for (int p = 0; p < 2; p++) {
      for (int q = 0; q < 2; q++) {
        double dot = 0;
        for (int j = 0; j < 6; j++) {
          dot += b[j * 2 + p] * b[j * 2 + q];
        }
        assertEquals(p == q ? 1 : 0, dot, 1e-12);
      }
    }
    assertEquals(4, ((Tensor) m.get("x")).dim(0));
  }
}
