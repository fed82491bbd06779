package dev.exp.stats;

import static dev.exp.learn.UnsupReference.expected;
import static dev.exp.learn.UnsupReference.input;
import static dev.exp.learn.UnsupReference.matches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceTest {
  static double d(Object o) {
    return (Double) o;
  }

  @Test
  void wilcoxonMatchesScipy() {
    Map<String, Object> r = Inference.wilcoxon(input("w_a"), input("w_b"), "auto");
    double[] e = expected("wilcoxon_exact").raw();
    assertEquals("exact", r.get("method"));
    assertEquals(e[0], d(r.get("statistic")), 1e-12);
    assertEquals(e[1], d(r.get("p")), 1e-12);
    r = Inference.wilcoxon(input("w_long_a_round"), input("w_long_b"), "auto");
    e = expected("wilcoxon_approx").raw();
    assertEquals("approx", r.get("method"));
    assertEquals(e[0], d(r.get("statistic")), 1e-9);
    assertEquals(e[1], d(r.get("p")), 1e-12);
  }

  @Test
  void wilcoxonExactSmallCase() {
    // n = 3 differences 1, 2, -3: W+ = 3 of the 8 equally likely sign patterns with sums 0,1,2,3,3,4,5,6
    Map<String, Object> r = Inference.wilcoxon(Tensor.vector(1, 2, -3), null, "exact");
    assertEquals(3, d(r.get("statistic")), 0);
    assertEquals(1.0, d(r.get("p")), 0); // W+ = 3 is the centre
    r = Inference.wilcoxon(Tensor.vector(1, 2, 3), null, "exact");
    assertEquals(2.0 / 8, d(r.get("p")), 1e-15);
    KernelException ex = assertThrows(KernelException.class,
        () -> Inference.wilcoxon(Tensor.vector(1, 1), Tensor.vector(1, 1), "auto"));
    assertTrue(ex.getMessage().contains("zero"), ex.getMessage());
  }

  @Test
  void wilcoxonWithTiesOrZerosIsExactOverSignFlipsAsScipy() {
    // scipy.stats.wilcoxon (SciPy 1.17.1, method "auto": a permutation test over all 2^n sign flips when
    // there are ties or zeros and n <= 13)
    Map<String, Object> r = Inference.wilcoxon(Tensor.vector(1, -2, 2, 3, -3, 3, 0, 4), null, "auto");
    assertEquals("exact", r.get("method"));
    assertEquals(7.5, d(r.get("statistic")), 0);
    assertEquals(0.328125, d(r.get("p")), 1e-15);
    assertEquals(0.146484375, d(Inference.wilcoxon(Tensor.vector(1, -2, 2, 3, -3, 3, 4, 5, -1, 2), null, "auto").get("p")),
        1e-15);
    assertEquals(0.146484375, d(Inference.wilcoxon(Tensor.vector(0.5, -1, 1, 2, -2, 2, 3, 0, 0, 4, -4, 5, 6), null,
        "auto").get("p")), 1e-15);
    // more than 13 differences with ties: the normal approximation, as SciPy
    r = Inference.wilcoxon(Tensor.vector(1, -2, 2, 3, -3, 3, 4, 5, -1, 2, 7, 8, 9, -9, 10), null, "auto");
    assertEquals("approx", r.get("method"));
    assertEquals(0.052993322239852335, d(r.get("p")), 1e-14);
    // brute force over the 2^7 sign patterns of the midranks of |1 -2 2 3 -3 3 4| (zero dropped)
    double[] ranks = {1, 2.5, 2.5, 5, 5, 5, 7};
    double observed = 1 + 2.5 + 5 + 5 + 7;   // the positive differences 1, 2, 3, 3, 4
    int le = 0;
    int ge = 0;
    for (int mask = 0; mask < 128; mask++) {
      double w = 0;
      for (int i = 0; i < 7; i++) {
        w += (mask >> i & 1) == 1 ? ranks[i] : 0;
      }
      le += w <= observed ? 1 : 0;
      ge += w >= observed ? 1 : 0;
    }
    assertEquals(Math.min(1, 2.0 * Math.min(le, ge) / 128), d(Inference.wilcoxon(Tensor.vector(1, -2, 2, 3, -3, 3, 4),
        null, "exact").get("p")), 1e-15);
  }

  @Test
  void pairedTtestMatchesScipy() {
    Map<String, Object> r = Inference.pairedTtest(input("w_a"), input("w_b"), 0.9);
    double[] e = expected("paired_ttest").raw();
    assertEquals(e[0], d(r.get("t")), 1e-12);
    assertEquals(e[1], d(r.get("p")), 1e-12);
    assertEquals(e[2], d(r.get("lo")), 1e-12);
    assertEquals(e[3], d(r.get("hi")), 1e-12);
  }

  @Test
  void multipleComparisonsMatchTheStatsmodelsFormulas() {
    Tensor p = input("mc_p");
    matches("mc_bonferroni", (Tensor) Inference.multipleComparisons(p, "bonferroni", 0.05).get("p_adjusted"), 1e-15);
    matches("mc_holm", (Tensor) Inference.multipleComparisons(p, "holm", 0.05).get("p_adjusted"), 1e-15);
    Map<String, Object> bh = Inference.multipleComparisons(p, "bh", 0.05);
    matches("mc_bh", (Tensor) bh.get("p_adjusted"), 1e-15);
    // BH by hand for three p-values: sorted 0.01, 0.03, 0.04 -> 0.03, 0.04, 0.04
    Tensor small = (Tensor) Inference.multipleComparisons(Tensor.vector(0.01, 0.04, 0.03), "bh", 0.05).get("p_adjusted");
    assertEquals(0.03, small.at(0), 1e-15);
    assertEquals(0.04, small.at(1), 1e-15);
    assertEquals(0.04, small.at(2), 1e-15);
    assertTrue(d(bh.get("n_rejected")) >= d(Inference.multipleComparisons(p, "holm", 0.05).get("n_rejected")),
        "BH rejects at least as many as Holm");
  }

  @Test
  void bootstrapDiffCi() {
    // b = a − 0.5 exactly: every paired resample has mean difference 0.5
    Tensor a = Tensor.vector(1, 4, 2, 8, 5, 7);
    Tensor b = a.map(x -> x - 0.5);
    Map<String, Object> r = Inference.bootstrapDiffCi(a, b, "mean", 0.95, 500, true, new Rng(1));
    assertEquals(0.5, d(r.get("lo")), 1e-12);
    assertEquals(0.5, d(r.get("hi")), 1e-12);
    assertEquals(0.0, d(r.get("p_boot")), 0);
    // large samples: the paired bootstrap interval is close to the paired t interval
    Tensor x = input("w_a");
    Tensor y = input("w_b");
    Map<String, Object> bt = Inference.bootstrapDiffCi(x, y, "mean", 0.9, 4000, true, new Rng(2));
    Map<String, Object> tt = Inference.pairedTtest(x, y, 0.9);
    double width = d(tt.get("hi")) - d(tt.get("lo"));
    assertEquals(d(tt.get("mean_diff")), d(bt.get("estimate")), 1e-12);
    assertEquals(d(tt.get("lo")), d(bt.get("lo")), 0.15 * width);
    assertEquals(d(tt.get("hi")), d(bt.get("hi")), 0.15 * width);
    Map<String, Object> un = Inference.bootstrapDiffCi(x, y, "mean", 0.9, 4000, false, new Rng(2));
    assertTrue(d(un.get("hi")) - d(un.get("lo")) > 0, "unpaired interval");
    KernelException e = assertThrows(KernelException.class,
        () -> Inference.bootstrapDiffCi(Tensor.vector(1, 2), Tensor.vector(1), "mean", 0.95, 100, true, null));
    assertTrue(e.getMessage().contains("same length"), e.getMessage());
  }
}
