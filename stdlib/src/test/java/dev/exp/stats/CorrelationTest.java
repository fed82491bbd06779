package dev.exp.stats;

import static dev.exp.learn.UnsupReference.expected;
import static dev.exp.learn.UnsupReference.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationTest {
  static double d(Object o) {
    return (Double) o;
  }

  static void same(String name, Map<String, Object> r, String stat, double tol) {
    double[] e = expected(name).raw();
    assertEquals(e[0], d(r.get(stat)), tol, name + " statistic");
    assertEquals(e[1], d(r.get("p")), tol * Math.max(1e-3, e[1]) * 1e3, name + " p");
    if (e.length > 2) {
      assertEquals(e[2], d(r.get("lo")), tol, name + " lo");
      assertEquals(e[3], d(r.get("hi")), tol, name + " hi");
    }
  }

  @Test
  void matchesScipy() {
    Tensor x = input("corr_x");
    Tensor y = input("corr_y");
    same("pearson", Correlation.pearson(x, y, 0.9), "r", 1e-12);
    same("spearman", Correlation.spearman(x, y, 0.95), "rho", 1e-12);
    same("kendall_exact", Correlation.kendall(x, y, 0.95, "auto"), "tau", 1e-12);
    same("kendall_asymptotic", Correlation.kendall(x, y, 0.95, "asymptotic"), "tau", 1e-12);
    Tensor tx = input("corr_tx");
    Tensor ty = input("corr_ty");
    same("kendall_ties", Correlation.kendall(tx, ty, 0.95, "auto"), "tau", 1e-12);
    same("spearman_ties", Correlation.spearman(tx, ty, 0.95), "rho", 1e-12);
  }

  @Test
  void handCasesAndIntervals() {
    Tensor a = Tensor.vector(1, 2, 3, 4);
    Tensor b = Tensor.vector(1, 3, 2, 5);
    assertEquals(0.8315218406202999, d(Correlation.pearson(a, b, 0.95).get("r")), 1e-15);
    assertEquals(0.8, d(Correlation.spearman(a, b, 0.95).get("rho")), 1e-15);
    assertEquals(4.0 / 6, d(Correlation.kendall(a, b, 0.95, "auto").get("tau")), 1e-15);
    // exact Kendall null for n = 4: 1 discordant pair among 24 permutations: P(T <= 1) = (1 + 3)/24
    assertEquals(2 * 4.0 / 24, d(Correlation.kendall(a, b, 0.95, "exact").get("p")), 1e-15);
    // Fisher interval by hand for r = 0.5, n = 19: se = 1/4
    Tensor x = Tensor.vector(new double[19]);
    Map<String, Object> r = Correlation.pearson(Tensor.vector(0, 1, 2, 3, 4), Tensor.vector(0, 1, 2, 3, 5), 0.95);
    double rr = d(r.get("r"));
    double z = 0.5 * Math.log((1 + rr) / (1 - rr));
    assertEquals(Math.tanh(z - 1.959963984540054 / Math.sqrt(2)), d(r.get("lo")), 1e-12);
    assertEquals(Math.tanh(z + 1.959963984540054 / Math.sqrt(2)), d(r.get("hi")), 1e-12);
    assertEquals(19, x.size());
    KernelException e = assertThrows(KernelException.class,
        () -> Correlation.pearson(Tensor.vector(1, 1, 1), Tensor.vector(1, 2, 3), 0.95));
    assertTrue(e.getMessage().contains("constant"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Correlation.kendall(Tensor.vector(1, 1, 2, 3), b, 0.95, "exact"));
    assertTrue(e.getMessage().contains("ties"), e.getMessage());
  }
}
