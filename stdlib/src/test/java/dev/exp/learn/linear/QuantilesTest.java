package dev.exp.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Ref;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class QuantilesTest {
  private static final KernelContext CTX = KernelContext.NONE;

  @Test
  void quantileRegressionMatchesTheExactLp() {
    Tensor x = Ref.in("qr_X");
    Tensor y = Ref.in("qr_y");
    for (String tau : new String[] {"0.1", "0.5", "0.9"}) {
      LinearModel m = Quantiles.quantileRegression(x, y, Double.parseDouble(tau), true, CTX);
      assertEquals(true, m.settings().get("vertex"), tau);
      Ref.close("qr_" + tau + "_coef", m.field("coef"), 1e-7);
      Ref.close("qr_" + tau + "_intercept", m.field("intercept"), 1e-7);
    }
  }

  @Test
  void interceptOnlyIsTheSampleQuantile() {
    // one constant column without intercept: the minimiser of Σ ρ_τ(y − b) is the ⌈τn⌉-th order statistic
    double[] ys = {5, -1, 3, 8, 2, 7, 0, 4, 6, 1};
    Tensor x = Tensor.wrap(new int[] {10, 1}, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    double[] sorted = ys.clone();
    java.util.Arrays.sort(sorted);
    for (double tau : new double[] {0.15, 0.35, 0.72, 0.91}) {
      double b = ((Tensor) Quantiles.quantileRegression(x, Tensor.vector(ys), tau, false, CTX).field("coef")).raw()[0];
      assertEquals(sorted[(int) Math.ceil(tau * 10) - 1], b, 1e-9, "tau " + tau);
    }
  }

  @Test
  void pinballRearrangementAndIsotonic() {
    assertEquals(0.9 * 2, (Double) Quantiles.pinballLoss(Tensor.vector(3), Tensor.vector(1), Tensor.vector(0.9), "mean"),
        1e-15);
    assertEquals(0.1 * 2, (Double) Quantiles.pinballLoss(Tensor.vector(1), Tensor.vector(3), Tensor.vector(0.9), "mean"),
        1e-15);
    Ref.close(Tensor.vector(1, 2.5, 2.5, 4), Quantiles.isotonic(Tensor.vector(1, 3, 2, 4), null), 1e-15, "pava");
    Ref.close(Tensor.vector(1, 7.0 / 3, 7.0 / 3, 4), Quantiles.isotonic(Tensor.vector(1, 3, 2, 4),
        Tensor.vector(1, 1, 2, 1)), 1e-15, "weighted pava");
    // sorting crossed quantiles never raises the pinball loss (a theorem), checked on random crossings
    Rng rng = new Rng(3);
    double[] taus = {0.1, 0.3, 0.5, 0.7, 0.9};
    for (int t = 0; t < 200; t++) {
      double[] q = new double[5];
      for (int j = 0; j < 5; j++) {
        q[j] = rng.nextGaussian();
      }
      Tensor raw = Tensor.wrap(new int[] {1, 5}, q);
      Tensor y = Tensor.vector(rng.nextGaussian());
      double before = (Double) Quantiles.pinballLoss(y, raw, Tensor.vector(taus), "mean");
      double after = (Double) Quantiles.pinballLoss(y, Quantiles.rearrange(raw, "sort"), Tensor.vector(taus), "mean");
      assertTrue(after <= before + 1e-15, before + " -> " + after);
    }
    Tensor agg = Quantiles.quantileAggregate(Tensor.wrap(new int[] {2, 1, 3}, new double[] {1, 2, 3, 3, 4, 5}),
        Tensor.vector(0.75, 0.25), "mean", true);
    Ref.close(Tensor.vector(1.5, 2.5, 3.5), agg, 1e-15, "weighted mean of quantiles");
  }
}
