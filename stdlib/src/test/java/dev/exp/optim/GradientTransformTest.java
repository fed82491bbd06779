package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradient clipping (PyTorch's clip_grad_norm_/clip_grad_value_ rules) and annealed gradient noise (S09). */
class GradientTransformTest {
  private static Optimizer sgd(double lr) {
    return OptimizerKernels.sgd(lr, 0, 0, false, 0);
  }

  private static double[] step(Optimizer o, double[] x, double[] g, Map<?, ?> state) {
    return ((Tensor) OptimizerKernels.update(o, Tensor.vector(x), Tensor.vector(g), state).get("x")).raw();
  }

  @Test
  void clippingFunctionsFollowTorchRules() {
    // torch.nn.utils.clip_grad_norm_: coef = max/(‖g‖ + 1e-6), applied when < 1
    assertArrayEquals(new double[] {3 / (5 + 1e-6), 4 / (5 + 1e-6)},
        GradientKernels.clipNorm(Tensor.vector(3, 4), 1).raw(), 1e-16);
    assertArrayEquals(new double[] {0.3, 0.4}, GradientKernels.clipNorm(Tensor.vector(0.3, 0.4), 1).raw(), 0);
    assertArrayEquals(new double[] {1, -0.5, -1}, GradientKernels.clipValue(Tensor.vector(3, -0.5, -4), 1).raw(), 0);
    Tensor m = GradientKernels.clipNorm(Tensor.wrap(new int[] {2, 2}, new double[] {1, 1, 1, 1}), 1);
    assertArrayEquals(new int[] {2, 2}, m.shape());
    assertEquals(0.5 / (1 + 5e-7), m.raw()[0], 1e-16);
  }

  @Test
  void clippedOptimizerStepsAreTheRuleOnTheClippedGradient() {
    Optimizer o = GradientKernels.withClipping(sgd(0.5), 2.0, null);
    assertEquals(2.0, o.field("clip_norm"));
    double[] x = step(o, new double[] {1, 1}, new double[] {30, 40}, null);
    double c = 2 / (50 + 1e-6);
    assertArrayEquals(new double[] {1 - 0.5 * 30 * c, 1 - 0.5 * 40 * c}, x, 1e-15);
    // value clipping then the Adam rule: the first Adam step moves each entry by lr·sign(g)(1 − O(eps))
    Optimizer a = GradientKernels.withClipping(OptimizerKernels.adam(0.1, 0.9, 0.999, 0, 0, false), null, 0.01);
    double[] y = step(a, new double[] {0, 0}, new double[] {5, -1e-3}, null);
    assertArrayEquals(new double[] {-0.1, 0.1}, y, 1e-12);
    // both: norm first ([3,4] → [0.6,0.8]·(1 − 2e-7)), then value 0.7 → [0.6, 0.7]
    Optimizer b = GradientKernels.withClipping(GradientKernels.withClipping(sgd(1), 1.0, null), null, 0.7);
    assertEquals(1.0, b.field("clip_norm"));
    assertArrayEquals(new double[] {-0.6 / (1 + 2e-7), -0.7}, step(b, new double[] {0, 0}, new double[] {3, 4}, null),
        1e-15);
    assertTrue(b.summary().contains("clip_norm 1,") && b.summary().contains("clip_value 0.7"), b.summary());
  }

  @Test
  void clippedGradientDescentWalksAtConstantSpeed() {
    // f = ½‖x‖², g = x, from ‖x0‖ = 50: with ‖g‖ clipped to 1 and lr 1 each step shortens x by 1/(1 + 1e-6/‖x‖)
    // along the same ray, so after 20 steps ‖x‖ = 30 (to 2e-5) and x stays parallel to (3, 4)
    Optimizer o = GradientKernels.withClipping(sgd(1), 1.0, null);
    double[] x = {30, 40};
    Map<?, ?> s = null;
    for (int k = 0; k < 20; k++) {
      Map<String, Object> r = OptimizerKernels.update(o, Tensor.vector(x), Tensor.vector(x), s);
      x = ((Tensor) r.get("x")).raw();
      s = (Map<?, ?>) r.get("state");
    }
    assertEquals(30, Math.hypot(x[0], x[1]), 2e-5);
    assertEquals(0.75, x[0] / x[1], 1e-12);
  }

  @Test
  void noiseHasTheAnnealedVarianceAndIsAPureFunctionOfSeedAndStep() {
    int n = 40000;
    double eta = 0.3;
    double gamma = 0.55;
    Optimizer o = GradientKernels.withNoise(sgd(1), eta, gamma, new Rng(7));
    assertEquals(0.3, o.field("noise_eta"));
    double[] zero = new double[n];
    Map<?, ?> state = null;
    for (int t = 0; t < 4; t++) {
      // x = 0 and g = 0 with lr 1: the new x is minus the noise of step t
      Map<String, Object> r = OptimizerKernels.update(o, Tensor.vector(zero), Tensor.vector(zero), state);
      double[] e = ((Tensor) r.get("x")).raw();
      state = (Map<?, ?>) r.get("state");
      double mean = 0;
      double var = 0;
      for (double v : e) {
        mean += v / n;
      }
      for (double v : e) {
        var += (v - mean) * (v - mean) / (n - 1);
      }
      double expected = eta / Math.pow(1 + t, gamma);
      // the sample variance of n normals has relative sd sqrt(2/n) = 0.7%; allow 5 sd
      assertEquals(expected, var, 0.036 * expected, "step " + t);
      assertEquals(0, mean, 5 * Math.sqrt(expected / n), "step " + t);
    }
    // purity: the same (x, g, state) gives the same noise; another seed gives other noise
    double[] a = step(o, new double[] {0, 0}, new double[] {0, 0}, null);
    double[] b = step(o, new double[] {0, 0}, new double[] {0, 0}, null);
    assertArrayEquals(a, b, 0);
    double[] c = step(GradientKernels.withNoise(sgd(1), eta, gamma, new Rng(8)), new double[] {0, 0},
        new double[] {0, 0}, null);
    assertNotEquals(a[0], c[0]);
  }

  @Test
  void badOptionsAreNamed() {
    KernelException e = assertThrows(KernelException.class, () -> GradientKernels.withClipping(sgd(1), null, null));
    assertTrue(e.getMessage().contains("max_norm, max_value"), e.getMessage());
    e = assertThrows(KernelException.class, () -> GradientKernels.withClipping(sgd(1), -1.0, null));
    assertTrue(e.getMessage().contains("max_norm must be a finite number > 0, got -1"), e.getMessage());
    e = assertThrows(KernelException.class, () -> GradientKernels.withNoise(sgd(1), -0.1, 0.55, null));
    assertTrue(e.getMessage().contains("eta"), e.getMessage());
  }
}
