package dev.exp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InContextRegressionTest {
  static Tensor t(Map<String, Object> r, String f) {
    return (Tensor) r.get(f);
  }

  @Test
  void noiselessLabelsAreExactlyLinear() {
    Map<String, Object> task = InContextRegression.iclRegression(12, 4, null, 0, 1, null, new Rng(1));
    double[][] x = t(task, "x").toMatrix();
    double[] y = t(task, "y").toArray();
    double[] w = t(task, "w").toArray();
    assertArrayEquals(new int[] {12, 4}, t(task, "x").shape());
    for (int i = 0; i < 12; i++) {
      double s = 0;
      for (int j = 0; j < 4; j++) {
        s += x[i][j] * w[j];
      }
      assertEquals(s, y[i], 1e-12);
    }
    double[] xq = t(task, "x_query").toArray();
    double sq = 0;
    for (int j = 0; j < 4; j++) {
      sq += xq[j] * w[j];
    }
    assertEquals(sq, (Double) task.get("y_query"), 1e-12);
  }

  @Test
  void momentsOfWeightsInputsAndNoise() {
    int tasks = 4000;
    int d = 5;
    int n = 10;
    double tau = 2;
    double sigma = 0.3;
    Map<String, Object> r = InContextRegression.iclRegression(n, d, tasks, sigma, tau, null, new Rng(2));
    double[] w = t(r, "w").toArray();
    double[] x = t(r, "x").toArray();
    double[] y = t(r, "y").toArray();
    int nw = w.length;
    assertEquals(tau * tau, meanSquare(w), 5 * tau * tau * Math.sqrt(2.0 / nw));
    assertEquals(0, mean(w), 5 * tau / Math.sqrt(nw));
    assertEquals(1, meanSquare(x), 5 * Math.sqrt(2.0 / x.length));
    double[] resid = new double[tasks * n];
    for (int b = 0; b < tasks; b++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += x[(b * n + i) * d + j] * w[b * d + j];
        }
        resid[b * n + i] = y[b * n + i] - s;
      }
    }
    assertEquals(sigma * sigma, meanSquare(resid), 5 * sigma * sigma * Math.sqrt(2.0 / resid.length));
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double meanSquare(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s / v.length;
  }

  @Test
  void inputCovarianceIsApplied() {
    double[][] cov = {{4, 1.2}, {1.2, 1}};
    Map<String, Object> r = InContextRegression.iclRegression(50_000, 2, null, 0, 1, Tensor.matrix(cov), new Rng(3));
    double[][] x = t(r, "x").toMatrix();
    double s00 = 0;
    double s01 = 0;
    double s11 = 0;
    for (double[] row : x) {
      s00 += row[0] * row[0];
      s01 += row[0] * row[1];
      s11 += row[1] * row[1];
    }
    int n = x.length;
    assertEquals(4, s00 / n, 0.1);
    assertEquals(1.2, s01 / n, 0.05);
    assertEquals(1, s11 / n, 0.03);
    assertThrows(KernelException.class,
        () -> InContextRegression.iclRegression(5, 3, null, 0, 1, Tensor.matrix(cov), new Rng(3)));
  }

  @Test
  void batchedShapesAndPrefixConsistency() {
    Map<String, Object> one = InContextRegression.iclRegression(6, 3, null, 0.1, 1, null, new Rng(4));
    Map<String, Object> many = InContextRegression.iclRegression(6, 3, 5, 0.1, 1, null, new Rng(4));
    assertArrayEquals(new int[] {5, 6, 3}, t(many, "x").shape());
    assertArrayEquals(new int[] {5, 6}, t(many, "y").shape());
    assertArrayEquals(new int[] {5, 3}, t(many, "w").shape());
    assertArrayEquals(new int[] {5, 3}, t(many, "x_query").shape());
    assertArrayEquals(new int[] {5}, t(many, "y_query").shape());
    // task 0 of the batch is the unbatched task of the same seed
    assertArrayEquals(t(one, "x").toArray(), java.util.Arrays.copyOf(t(many, "x").toArray(), 18));
    assertEquals((Double) one.get("y_query"), t(many, "y_query").at(0));
    // the noise level does not change w and x
    Map<String, Object> clean = InContextRegression.iclRegression(6, 3, null, 0, 1, null, new Rng(4));
    assertEquals(t(one, "w"), t(clean, "w"));
    assertEquals(t(one, "x"), t(clean, "x"));
    assertNotEquals(t(one, "y"), t(clean, "y"));
    assertNotEquals(t(one, "w"), t(InContextRegression.iclRegression(6, 3, null, 0.1, 1, null, new Rng(5)), "w"));
  }

  @Test
  void tokenMatrixLayout() {
    Map<String, Object> task = InContextRegression.iclRegression(4, 2, null, 0, 1, null, new Rng(6));
    double[][] z = InContextRegression.iclTokens(task).toMatrix();
    double[][] x = t(task, "x").toMatrix();
    double[] y = t(task, "y").toArray();
    double[] xq = t(task, "x_query").toArray();
    assertEquals(5, z.length);
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(new double[] {x[i][0], x[i][1], y[i]}, z[i]);
    }
    assertArrayEquals(new double[] {xq[0], xq[1], 0}, z[4]);
    Map<String, Object> batch = InContextRegression.iclRegression(4, 2, 3, 0, 1, null, new Rng(6));
    Tensor zb = InContextRegression.iclTokens(batch);
    assertArrayEquals(new int[] {3, 5, 3}, zb.shape());
    assertArrayEquals(InContextRegression.iclTokens(task).toArray(), java.util.Arrays.copyOf(zb.toArray(), 15));
    assertThrows(KernelException.class, () -> InContextRegression.iclTokens(Map.of("x", Tensor.zeros(2, 2))));
  }
}
