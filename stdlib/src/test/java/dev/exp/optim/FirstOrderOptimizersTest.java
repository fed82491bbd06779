package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three steps of every first-order optimizer on f(x) = ½Σc_i x_i² − b·x against a NumPy
 * re-implementation of the PyTorch-documented update rules (make_optim_reference.py), through the
 * functional optim.update so the state record round-trips.
 */
class FirstOrderOptimizersTest {
  static final double[] C = OptimReference.input("opt_c");
  static final double[] B = OptimReference.input("opt_b");

  static Tensor grad(Tensor x) {
    double[] g = new double[3];
    for (int i = 0; i < 3; i++) {
      g[i] = C[i] * x.at(i) - B[i];
    }
    return Tensor.vector(g);
  }

  static void check(String name, Optimizer opt) {
    JsonNode exp = OptimReference.expected("opt_" + name);
    Tensor x = Tensor.vector(OptimReference.input("opt_x0"));
    Map<?, ?> state = null;
    for (int k = 0; k < 3; k++) {
      Map<String, Object> r = OptimizerKernels.update(opt, x, grad(x), state);
      x = (Tensor) r.get("x");
      state = (Map<?, ?>) r.get("state");
      assertEquals(k + 1.0, state.get("step"));
      assertArrayEquals(OptimReference.array(exp.get(k), name), x.toArray(), 1e-12, name + " step " + (k + 1));
    }
  }

  @Test
  void sgdVariantsMatchPyTorchRules() {
    check("sgd", OptimizerKernels.sgd(0.1, 0, 0, false, 0));
    check("sgd_momentum", OptimizerKernels.sgd(0.1, 0.9, 0.1, false, 0.01));
    check("sgd_nesterov", OptimizerKernels.nesterov(0.1, 0.9, 0));
    check("sign_sgd", OptimizerKernels.signSgd(0.1, 0));
  }

  @Test
  void adaptiveOptimizersMatchPyTorchRules() {
    check("adagrad", OptimizerKernels.adagrad(0.1, 0.01, 0.1, 0.1, 1e-10));
    check("rmsprop", OptimizerKernels.rmsprop(0.01, 0.99, 1e-8, 0, 0, false));
    check("rmsprop_centered_momentum", OptimizerKernels.rmsprop(0.01, 0.9, 1e-8, 0.1, 0.5, true));
    check("adam", OptimizerKernels.adam(0.1, 0.9, 0.999, 1e-8, 0, false));
    check("adam_amsgrad_wd", OptimizerKernels.adam(0.1, 0.8, 0.9, 1e-8, 0.1, true));
    check("adamw", OptimizerKernels.adamw(0.1, 0.9, 0.999, 1e-8, 0.5, false));
    check("lion", OptimizerKernels.lion(0.1, 0.9, 0.99, 0.5));
  }

  @Test
  void firstAdamStepIsLrTimesSignOfGradient() {
    // closed form: m̂ = g, v̂ = g², so x1 = x0 − lr·g/(|g| + eps)
    Optimizer adam = OptimizerKernels.adam(0.01, 0.9, 0.999, 0, 0, false);
    Map<String, Object> r = OptimizerKernels.update(adam, Tensor.vector(1, 2), Tensor.vector(3, -0.5), null);
    assertArrayEquals(new double[] {0.99, 2.01}, ((Tensor) r.get("x")).toArray(), 1e-15);
    Map<?, ?> s = (Map<?, ?>) r.get("state");
    assertArrayEquals(new double[] {0.3, -0.05}, ((Tensor) s.get("exp_avg")).toArray(), 1e-15);
    assertArrayEquals(new double[] {0.009, 0.00025}, ((Tensor) s.get("exp_avg_sq")).toArray(), 1e-15);
  }

  @Test
  void updateIsPureTheSameInputsGiveTheSameStep() {
    Optimizer opt = OptimizerKernels.momentum(0.1, 0.9, 0);
    Tensor x = Tensor.vector(1, 2);
    Map<String, Object> r1 = OptimizerKernels.update(opt, x, Tensor.vector(1, 1), null);
    Map<?, ?> s1 = (Map<?, ?>) r1.get("state");
    Map<String, Object> a = OptimizerKernels.update(opt, (Tensor) r1.get("x"), Tensor.vector(1, 1), s1);
    Map<String, Object> b = OptimizerKernels.update(opt, (Tensor) r1.get("x"), Tensor.vector(1, 1), s1);
    assertArrayEquals(((Tensor) a.get("x")).toArray(), ((Tensor) b.get("x")).toArray(), 0);
    assertArrayEquals(new double[] {1, 2}, x.toArray(), 0);
    assertArrayEquals(new double[] {1, 1}, ((Tensor) s1.get("momentum_buffer")).toArray(), 0);
    // b2 = 0.9·1 + 1 = 1.9: x2 = 0.9 − 0.19
    assertArrayEquals(new double[] {0.71, 1.71}, ((Tensor) a.get("x")).toArray(), 1e-15);
  }

  @Test
  void lionWithDecoupledWeightDecayLandsInTheInfinityBall() {
    // f(x) = -Σ 3 x_i pulls x outward forever; Lion with weight decay λ stays in ‖x‖∞ ≤ 1/λ
    double lambda = 2;
    Fn f = a -> {
      Tensor x = (Tensor) a[0];
      double[] g = new double[x.size()];
      java.util.Arrays.fill(g, -3);
      double v = 0;
      for (double xi : x.raw()) {
        v -= 3 * xi;
      }
      return Map.of("value", v, "grad", Tensor.vector(g));
    };
    Optimizer lion = OptimizerKernels.lion(0.01, 0.9, 0.99, lambda);
    Map<String, Object> r = MinimizeKernels.minimize(f, Tensor.vector(5, -5, 0), lion, null, 0, 3000, null, null,
        null);
    double[] x = ((Tensor) r.get("x")).toArray();
    for (double xi : x) {
      assertTrue(Math.abs(xi) <= 1 / lambda + 1e-9, "|x_i| = " + Math.abs(xi));
      assertEquals(1 / lambda, xi, 0.02);
    }
    assertEquals(false, r.get("converged"));
    assertEquals("max_iter reached", r.get("message"));
  }

  @Test
  void gradientDescentOnAQuadraticContractsAtTheTheoreticalRate() {
    // f = ½ xᵀ diag(1, κ) x, lr = 2/(1 + κ): each coordinate contracts by exactly (κ−1)/(κ+1) in abs value
    double kappa = 10;
    Fn f = a -> {
      Tensor x = (Tensor) a[0];
      double x0 = x.at(0);
      double x1 = x.at(1);
      return Map.of("value", 0.5 * (x0 * x0 + kappa * x1 * x1), "grad", Tensor.vector(x0, kappa * x1));
    };
    int k = 25;
    Map<String, Object> r = MinimizeKernels.minimize(f, Tensor.vector(1, 1), "gd", 2 / (1 + kappa), 0, k, null, null,
        null);
    double rate = (kappa - 1) / (kappa + 1);
    double[] x = ((Tensor) r.get("x")).toArray();
    assertEquals(Math.pow(rate, k), Math.abs(x[0]), 1e-15);
    assertEquals(Math.pow(rate, k), Math.abs(x[1]), 1e-15);
    assertEquals(k + 1.0, r.get("evaluations"));
  }

  @Test
  void adamMinimizesAQuadraticFromScriptDefaults() {
    Fn f = a -> {
      Tensor x = (Tensor) a[0];
      return Map.of("value", 0.5 * (x.at(0) - 3) * (x.at(0) - 3), "grad", Tensor.vector(x.at(0) - 3));
    };
    Map<String, Object> r = MinimizeKernels.minimize(f, Tensor.vector(0), "adam", 0.05, 1e-6, 5000, null, null, null);
    assertEquals(true, r.get("converged"));
    assertEquals(3, ((Tensor) r.get("x")).at(0), 1e-5);
  }

  @Test
  void badArgumentsNameTheParameter() {
    KernelException e = assertThrows(KernelException.class, () -> OptimizerKernels.adam(1e-3, 1.0, 0.999, 1e-8, 0,
        false));
    assertTrue(e.getMessage().contains("beta1"), e.getMessage());
    e = assertThrows(KernelException.class, () -> OptimizerKernels.sgd("fast", 0, 0, false, 0));
    assertTrue(e.getMessage().contains("lr must be a number or a schedule"), e.getMessage());
    e = assertThrows(KernelException.class, () -> OptimizerKernels.update(OptimizerKernels.sgd(0.1, 0, 0, false, 0),
        Tensor.vector(1, 2), Tensor.vector(1, 2, 3), null));
    assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> MinimizeKernels.minimize(a -> 0.0, Tensor.vector(1), "gd", null,
        1e-5, 10, null, null, null));
    assertTrue(e.getMessage().contains("needs lr"), e.getMessage());
  }
}
