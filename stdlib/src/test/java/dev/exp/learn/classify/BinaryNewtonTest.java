package dev.exp.learn.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fused one-pass Newton fit of two-class logistic regression, on sizes that take its subsampled-Hessian phase. */
class BinaryNewtonTest {
  private static final KernelContext CTX = KernelContext.NONE;

  private static Tensor[] data(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double z = 0.3;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = r.nextGaussian() + (j == 0 ? 2 : 0);
        z += (j % 2 == 0 ? 1.0 : -0.5) * x[i * d + j];
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    return new Tensor[] {Tensor.wrap(new int[] {n, d}, x), Tensor.vector(y)};
  }

  @Test
  void theFitSatisfiesTheScoreEquations() {
    int n = 3000;
    int d = 4; // n ≥ 8·40·(d + 1): the first steps use the every-8th-row Hessian
    Tensor[] xy = data(n, d, 11);
    double c = 0.7;
    LogisticModel m = Logistic.logistic(xy[0], xy[1], c, null, "newton", 1e-12, 100, CTX);
    assertEquals(true, m.settings().get("converged"));
    double[] w = ((Tensor) m.field("coef")).raw();
    double b = (Double) m.field("intercept");
    // ∇ of C Σ loss + ½‖w‖²: C Σ (p_i − y_i) x_i + w = 0 and Σ (p_i − y_i) = 0, by plain loops
    double[] x = xy[0].raw();
    double[] y = xy[1].raw();
    double[] g = new double[d + 1];
    for (int i = 0; i < n; i++) {
      double z = b;
      for (int j = 0; j < d; j++) {
        z += x[i * d + j] * w[j];
      }
      double r = 1 / (1 + Math.exp(-z)) - y[i];
      for (int j = 0; j < d; j++) {
        g[j] += c * r * x[i * d + j];
      }
      g[d] += c * r;
    }
    for (int j = 0; j < d; j++) {
      g[j] += w[j];
    }
    for (int j = 0; j <= d; j++) {
      assertEquals(0, g[j] / (c * n), 1e-11, "score equation " + j);
    }
    // the same optimum as L-BFGS on the reference objective
    LogisticModel l = Logistic.logistic(xy[0], xy[1], c, null, "lbfgs", 1e-11, 1000, CTX);
    double[] wl = ((Tensor) l.field("coef")).raw();
    for (int j = 0; j < d; j++) {
      assertEquals(wl[j], w[j], 1e-8);
    }
  }

  @Test
  void theAnswerDoesNotDependOnTheThreadCount() {
    Tensor[] xy = data(2000, 3, 5);
    double[] one = Parallel.withThreads(1,
        () -> ((Tensor) Logistic.logistic(xy[0], xy[1], 1, null, "newton", 1e-9, 100, CTX).field("coef")).raw());
    double[] two = Parallel.withThreads(2,
        () -> ((Tensor) Logistic.logistic(xy[0], xy[1], 1, null, "newton", 1e-9, 100, CTX).field("coef")).raw());
    assertEquals(java.util.Arrays.toString(one), java.util.Arrays.toString(two));
  }

  @Test
  void nonFiniteValuesAreNamedAfterTheFirstPass() {
    Tensor[] xy = data(50, 3, 2);
    double[] x = xy[0].raw().clone();
    x[7] = Double.POSITIVE_INFINITY;
    KernelException e = assertThrows(KernelException.class, () -> Logistic.logistic(
        Tensor.wrap(new int[] {50, 3}, x), xy[1], 1, null, "newton", 1e-8, 100, CTX));
    assertTrue(e.getMessage().contains("learn.logistic: X contains") && e.getMessage().contains("index 7"),
        e.getMessage());
    x[7] = 1e300;
    e = assertThrows(KernelException.class, () -> Logistic.logistic(Tensor.wrap(new int[] {50, 3}, x), xy[1], 1, null,
        "newton", 1e-8, 100, CTX));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
  }
}
