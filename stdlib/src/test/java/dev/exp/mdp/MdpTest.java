package dev.exp.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value / policy iteration: closed forms, agreement, the Bellman equation, the gridworld distances. */
class MdpTest {
  @Test
  void twoStateMdpHasItsClosedForm() {
    // state 0: stay (reward 1) or move to 1 (reward 0); state 1 is absorbing with reward 2 per step
    Tensor p = Tensor.wrap(new int[] {2, 2, 2}, new double[] {1, 0, 0, 1, 0, 1, 0, 1});
    Tensor r = Tensor.matrix(new double[][] {{1, 0}, {2, 2}});
    for (double gamma : new double[] {0.3, 0.9}) {
      double v1 = 2 / (1 - gamma);
      double v0 = Math.max(1 / (1 - gamma), gamma * v1);
      Map<String, Object> vi = MdpKernels.valueIteration(p, r, gamma, 1e-10, 100000);
      Map<String, Object> pi = MdpKernels.policyIteration(p, r, gamma, 100);
      for (Map<String, Object> m : java.util.List.of(vi, pi)) {
        double[] v = ((Tensor) m.get("values")).raw();
        assertEquals(v0, v[0], 1e-9);
        assertEquals(v1, v[1], 1e-9);
        assertEquals(gamma * v1 > 1 / (1 - gamma) ? 1.0 : 0.0, ((Tensor) m.get("policy")).at(0));
        assertEquals(true, m.get("converged"));
      }
    }
    // one action, a 2-state chain: V = (I − γP)⁻¹ R by the 2×2 inverse formula
    double a = 0.3;
    double b = 0.6;
    double g = 0.8;
    Tensor pc = Tensor.wrap(new int[] {2, 1, 2}, new double[] {1 - a, a, b, 1 - b});
    Tensor rc = Tensor.matrix(new double[][] {{1}, {-2}});
    double m00 = 1 - g * (1 - a);
    double m01 = -g * a;
    double m10 = -g * b;
    double m11 = 1 - g * (1 - b);
    double det = m00 * m11 - m01 * m10;
    double e0 = (m11 * 1 - m01 * -2) / det;
    double e1 = (-m10 * 1 + m00 * -2) / det;
    double[] v = ((Tensor) MdpKernels.policyEvaluation(pc, rc, Tensor.vector(0, 0), g).get("values")).raw();
    assertEquals(e0, v[0], 1e-12);
    assertEquals(e1, v[1], 1e-12);
  }

  @Test
  void valueAndPolicyIterationAgreeAndSatisfyBellman() {
    Map<String, Object> m = MdpModels.random(40, 5, 0.5, new Rng(3));
    Tensor p = (Tensor) m.get("P");
    Tensor r = (Tensor) m.get("R");
    double gamma = 0.95;
    Map<String, Object> vi = MdpKernels.valueIteration(p, r, gamma, 1e-9, 100000);
    Map<String, Object> pi = MdpKernels.policyIteration(p, r, gamma, 1000);
    assertTrue((Boolean) vi.get("converged") && (Boolean) pi.get("converged"));
    assertArrayEquals(((Tensor) pi.get("policy")).raw(), ((Tensor) vi.get("policy")).raw());
    double[] vp = ((Tensor) pi.get("values")).raw();
    double[] vv = ((Tensor) vi.get("values")).raw();
    for (int i = 0; i < vp.length; i++) {
      assertEquals(vp[i], vv[i], 1e-8);
    }
    // Bellman optimality by hand: V(s) = max_a R(s, a) + γ Σ P(s, a, s') V(s')
    double[] pv = p.raw();
    double[] rv = r.raw();
    for (int s = 0; s < 40; s++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < 5; a++) {
        double e = rv[s * 5 + a];
        for (int t = 0; t < 40; t++) {
          e += gamma * pv[(s * 5 + a) * 40 + t] * vp[t];
        }
        best = Math.max(best, e);
      }
      assertEquals(best, vp[s], 1e-10);
    }
    // value iteration's residuals shrink geometrically at rate <= γ
    double[] res = ((Tensor) vi.get("residuals")).raw();
    for (int k = 1; k < res.length; k++) {
      assertTrue(res[k] <= gamma * res[k - 1] + 1e-12, "residual " + k);
    }
    // a short run says it did not converge
    Map<String, Object> short_ = MdpKernels.valueIteration(p, r, gamma, 1e-9, 5);
    assertFalse((Boolean) short_.get("converged"));
    assertEquals("max_iter reached", short_.get("reason"));
  }

  @Test
  void stochasticPolicyEvaluationEqualsTheNeumannSeries() {
    Map<String, Object> m = MdpModels.random(6, 3, 1, new Rng(8));
    Tensor p = (Tensor) m.get("P");
    Tensor r = (Tensor) m.get("R");
    Rng rng = new Rng(2);
    double[] w = new double[18];
    for (int s = 0; s < 6; s++) {
      double sum = 0;
      for (int a = 0; a < 3; a++) {
        w[s * 3 + a] = rng.nextDouble();
        sum += w[s * 3 + a];
      }
      for (int a = 0; a < 3; a++) {
        w[s * 3 + a] /= sum;
      }
    }
    double gamma = 0.7;
    double[] v = ((Tensor) MdpKernels.policyEvaluation(p, r, Tensor.wrap(new int[] {6, 3}, w), gamma).get("values"))
        .raw();
    double[] x = new double[6];
    double[] pv = p.raw();
    double[] rv = r.raw();
    for (int it = 0; it < 200; it++) {
      double[] y = new double[6];
      for (int s = 0; s < 6; s++) {
        for (int a = 0; a < 3; a++) {
          double e = rv[s * 3 + a];
          for (int t = 0; t < 6; t++) {
            e += gamma * pv[(s * 3 + a) * 6 + t] * x[t];
          }
          y[s] += w[s * 3 + a] * e;
        }
      }
      x = y;
    }
    assertArrayEquals(x, v, 1e-12);
  }

  @Test
  void deterministicGridworldValuesAreDiscountedDistances() {
    Map<String, Object> g = MdpModels.gridworld(4, 5, 0, null, 1, 0);
    double gamma = 0.9;
    Map<String, Object> pi = MdpKernels.policyIteration((Tensor) g.get("P"), (Tensor) g.get("R"), gamma, 100);
    double[] v = ((Tensor) pi.get("values")).raw();
    for (int s = 0; s < 19; s++) {
      int k = (3 - s / 5) + (4 - s % 5);
      assertEquals(Math.pow(gamma, k - 1), v[s], 1e-12, "state " + s);
    }
    assertEquals(0.0, v[19]);
    // with slip the rows still sum to one and values drop
    Map<String, Object> gs = MdpModels.gridworld(4, 5, 0.2, null, 1, 0);
    double[] vs = ((Tensor) MdpKernels.valueIteration((Tensor) gs.get("P"), (Tensor) gs.get("R"), gamma, 1e-10,
        100000).get("values")).raw();
    assertTrue(vs[0] < v[0]);
  }

  @Test
  void badInputsNameTheProblem() {
    KernelException e = assertThrows(KernelException.class, () -> MdpKernels.valueIteration(
        Tensor.wrap(new int[] {2, 1, 2}, new double[] {0.5, 0.6, 1, 0}), Tensor.matrix(new double[][] {{1}, {1}}), 0.9,
        1e-8, 10));
    assertTrue(e.getMessage().contains("P[0, 0, :] sums to"), e.getMessage());
    e = assertThrows(KernelException.class, () -> MdpKernels.valueIteration(
        Tensor.wrap(new int[] {2, 1, 2}, new double[] {1, 0, 0, 1}), Tensor.vector(1, 1, 1), 0.9, 1e-8, 10));
    assertTrue(e.getMessage().contains("R must be [S, A] = [2, 1]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> MdpKernels.policyIteration(
        Tensor.wrap(new int[] {2, 1, 2}, new double[] {1, 0, 0, 1}), Tensor.matrix(new double[][] {{1}, {1}}), 1, 10));
    assertTrue(e.getMessage().contains("gamma must be in [0, 1)"), e.getMessage());
  }
}
