package dev.exp.learn.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineTest {
  /** Batch ridge (lambda I + XᵀX)⁻¹ Xᵀy on the first m rows, by Gaussian elimination with partial pivoting. */
  static double[] batchRidge(double[][] x, double[] y, int m, double lambda) {
    int d = x[0].length;
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < d; i++) {
      a[i][i] = lambda;
      for (int r = 0; r < m; r++) {
        for (int j = 0; j < d; j++) {
          a[i][j] += x[r][i] * x[r][j];
        }
        a[i][d] += x[r][i] * y[r];
      }
    }
    for (int c = 0; c < d; c++) {
      int p = c;
      for (int r = c + 1; r < d; r++) {
        p = Math.abs(a[r][c]) > Math.abs(a[p][c]) ? r : p;
      }
      double[] tmp = a[c];
      a[c] = a[p];
      a[p] = tmp;
      for (int r = c + 1; r < d; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j <= d; j++) {
          a[r][j] -= f * a[c][j];
        }
      }
    }
    double[] w = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double s = a[i][d];
      for (int j = i + 1; j < d; j++) {
        s -= a[i][j] * w[j];
      }
      w[i] = s / a[i][i];
    }
    return w;
  }

  static double[][] data(int n, int d, long seed, double[] y, double[] wTrue, double noise) {
    Rng g = new Rng(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        x[i][j] = g.nextGaussian();
        s += wTrue[j] * x[i][j];
      }
      y[i] = s + noise * g.nextGaussian();
    }
    return x;
  }

  @Test
  void onlineRidgeEqualsBatchRidgeOnEveryPrefix() {
    int n = 60;
    double[] y = new double[n];
    double[][] x = data(n, 4, 1, y, new double[] {1, -2, 0.5, 0}, 0.3);
    Map<String, Object> r = Online.onlineRidge(Tensor.matrix(x), Tensor.vector(y), 2.0, false, KernelContext.NONE);
    double[] w = ((Tensor) r.get("coef")).raw();
    double[] b = batchRidge(x, y, n, 2.0);
    for (int j = 0; j < 4; j++) {
      assertEquals(b[j], w[j], 1e-12);
    }
    double[] pred = ((Tensor) r.get("predictions")).raw();
    for (int t : new int[] {0, 1, 5, 30, 59}) {
      double[] wp = batchRidge(x, y, t, 2.0);
      double p = 0;
      for (int j = 0; j < 4; j++) {
        p += wp[j] * x[t][j];
      }
      assertEquals(p, pred[t], 1e-12, "prediction at row " + t + " uses ridge on the prefix");
    }
    // Vovk–Azoury–Warmuth: x_t joins the matrix before predicting
    Map<String, Object> v = Online.onlineRidge(Tensor.matrix(x), Tensor.vector(y), 2.0, true, KernelContext.NONE);
    int t = 10;
    double[][] xt = new double[t + 1][];
    double[] yt = new double[t + 1];
    for (int i = 0; i <= t; i++) {
      xt[i] = x[i];
      yt[i] = i < t ? y[i] : 0;
    }
    double[] wv = batchRidge(xt, yt, t + 1, 2.0);
    double p = 0;
    for (int j = 0; j < 4; j++) {
      p += wv[j] * x[t][j];
    }
    assertEquals(p, ((Tensor) v.get("predictions")).at(t), 1e-12);
  }

  @Test
  void ogdRegretIsUnderTheZinkevichBound() {
    int n = 4000;
    int d = 3;
    double[] u = {0.6, -0.5, 0.3};
    Rng g = new Rng(2);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double nrm = 0;
      for (int j = 0; j < d; j++) {
        x[i][j] = g.nextGaussian();
        nrm += x[i][j] * x[i][j];
      }
      double s = 0;
      for (int j = 0; j < d; j++) {
        x[i][j] /= Math.sqrt(nrm); // ‖x‖ = 1, so hinge gradients have norm ≤ G = 1
        s += u[j] * x[i][j];
      }
      y[i] = (s > 0) == (g.nextDouble() < 0.9) ? 1 : -1; // 10% label noise
    }
    double radius = 1;
    Map<String, Object> r = Online.onlineGd(Tensor.matrix(x), Tensor.vector(y), "hinge", 2 * radius, radius,
        KernelContext.NONE);
    double comparator = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += u[j] * x[i][j];
      }
      comparator += Math.max(0, 1 - y[i] * s);
    }
    double regret = ((Tensor) r.get("cumulative_loss")).at(n - 1) - comparator;
    assertTrue(regret <= 3 * radius * 1 * Math.sqrt(n), "regret " + regret + " ≤ 3RG√T = " + 3 * Math.sqrt(n));
    double norm = 0;
    for (double e : ((Tensor) r.get("coef")).raw()) {
      norm += e * e;
    }
    assertTrue(Math.sqrt(norm) <= radius + 1e-12, "iterates stay in the ball");
    // squared loss on a noiseless linear stream: the average loss falls towards 0
    double[] ys = new double[n];
    double[][] xs = data(n, 3, 3, ys, new double[] {0.5, 0.2, -0.4}, 0);
    Map<String, Object> sq = Online.onlineGd(Tensor.matrix(xs), Tensor.vector(ys), "squared", 0.5, null,
        KernelContext.NONE);
    double[] losses = ((Tensor) sq.get("losses")).raw();
    double late = 0;
    for (int i = n - 100; i < n; i++) {
      late += losses[i] / 100;
    }
    assertTrue(late < 1e-3, "late squared loss " + late);
    KernelException e = assertThrows(KernelException.class, () -> Online.onlineGd(Tensor.matrix(xs), Tensor.vector(ys),
        "hinge", 1, null, KernelContext.NONE));
    assertTrue(e.getMessage().contains("±1"), e.getMessage());
  }
}
