package dev.exp.metrics;

import static dev.exp.GapsReference.close;
import static dev.exp.GapsReference.in;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retrieval metrics (MAP, DCG, R-precision, hits@k, F1@k), scoring rules, Brier decomposition, selective accuracy. */
class RetrievalScoringTest {
  static Tensor m(int r, int c, double... v) {
    return Tensor.wrap(new int[] {r, c}, v);
  }

  @Test
  void retrievalMetricsMatchScikitLearnAndExplicitLoops() {
    Tensor rel = in("ret_rel");
    Tensor sc = in("ret_scores");
    close("ret_map", Retrieval.map(rel, sc, null), 1e-14);
    close("ret_r_precision", Retrieval.rPrecision(rel, sc), 1e-14);
    close("ret_hit_3", Retrieval.hitRate(rel, sc, 3), 1e-14);
    close("ret_f1_3", Retrieval.f1AtK(rel, sc, 3), 1e-14);
    close("dcg_all", Retrieval.dcg(in("dcg_rel"), in("dcg_scores"), null), 1e-13);
    close("dcg_at_4", Retrieval.dcg(in("dcg_rel"), in("dcg_scores"), 4), 1e-13);
  }

  @Test
  void retrievalClosedForms() {
    Tensor r = m(1, 3, 1, 0, 1);
    Tensor s = m(1, 3, 0.9, 0.8, 0.1);
    assertEquals((1 + 2.0 / 3) / 2, Retrieval.map(r, s, null), 1e-15);
    assertEquals(1.0, Retrieval.map(r, s, 1), 1e-15); // MAP@1: one hit in one slot
    assertEquals(0.5, Retrieval.rPrecision(r, s), 1e-15);
    assertEquals(0.5, Retrieval.f1AtK(r, s, 2), 1e-15);
    assertEquals(2 + 3 / 2.0, Retrieval.dcg(m(1, 3, 3, 2, 0), m(1, 3, 0.1, 0.9, 0.5), null), 1e-15);
    // ndcg = dcg / ideal dcg on one query
    Tensor g = m(1, 3, 3, 2, 0);
    Tensor t = m(1, 3, 0.1, 0.9, 0.5);
    assertEquals(Ranking.ndcg(g, t, null), Retrieval.dcg(g, t, null) / Retrieval.dcg(g, g, null), 1e-15);
    assertEquals(0.5, Retrieval.hitRate(m(2, 3, 0, 1, 0, 1, 0, 0), m(2, 3, 0.9, 0.5, 0.1, 0.3, 0.2, 0.1), 1), 0);
  }

  @Test
  void scoringRulesClosedFormsAndPropriety() {
    Tensor y = Tensor.vector(1, 0);
    Tensor p = Tensor.vector(0.8, 0.4);
    assertEquals((Math.log(0.8) + Math.log(0.6)) / 2, Scoring.scoringRule(y, p, "log"), 1e-15);
    // quadratic: 2p_y − Σp²: (1.6 − 0.68 + 1.2 − 0.52)/2
    assertEquals((1.6 - 0.68 + 1.2 - 0.52) / 2, Scoring.scoringRule(y, p, "quadratic"), 1e-15);
    assertEquals(1 - 2 * Calibration.brier(y, p), Scoring.scoringRule(y, p, "quadratic"), 1e-15);
    assertEquals((0.8 / Math.hypot(0.8, 0.2) + 0.6 / Math.hypot(0.6, 0.4)) / 2, Scoring.scoringRule(y, p,
        "spherical"), 1e-15);
    // propriety: with outcomes drawn from q, the expected score of q beats that of any other forecast r
    Rng rng = new Rng(1);
    double[] q = {0.2, 0.5, 0.3};
    for (String rule : new String[] {"log", "quadratic", "spherical"}) {
      for (int t = 0; t < 20; t++) {
        double[] r = {rng.nextDouble() + 0.01, rng.nextDouble() + 0.01, rng.nextDouble() + 0.01};
        double sr = r[0] + r[1] + r[2];
        for (int j = 0; j < 3; j++) {
          r[j] /= sr;
        }
        assertTrue(expected(q, q, rule) >= expected(q, r, rule) - 1e-15, rule);
      }
    }
    KernelException e = assertThrows(KernelException.class, () -> Scoring.scoringRule(y, p, "cubic"));
    assertTrue(e.getMessage().contains("\"log\", \"quadratic\" or \"spherical\""), e.getMessage());
  }

  /** Σ_c q_c·S(forecast r, outcome c), through the kernel on the three one-sample outcomes. */
  private static double expected(double[] q, double[] r, String rule) {
    double s = 0;
    for (int c = 0; c < 3; c++) {
      s += q[c] * Scoring.scoringRule(Tensor.vector(c), m(1, 3, r), rule);
    }
    return s;
  }

  @Test
  void brierDecompositionIsExactOverDistinctForecasts() {
    Tensor y = Tensor.vector(1, 0, 1, 1, 0, 0, 1, 0);
    Tensor p = Tensor.vector(0.8, 0.8, 0.8, 0.2, 0.2, 0.2, 0.5, 0.5);
    Map<String, Object> d = Scoring.brierDecomposition(y, p, null);
    // groups 0.8: ō = 2/3, 0.2: ō = 1/3, 0.5: ō = 1/2; ō = 1/2
    double rel = (3 * Math.pow(0.8 - 2 / 3.0, 2) + 3 * Math.pow(0.2 - 1 / 3.0, 2)) / 8;
    double res = (3 * Math.pow(1 / 6.0, 2) * 2) / 8;
    assertEquals(rel, (Double) d.get("reliability"), 1e-15);
    assertEquals(res, (Double) d.get("resolution"), 1e-15);
    assertEquals(0.25, (Double) d.get("uncertainty"), 1e-15);
    assertEquals(Calibration.brier(y, p), (Double) d.get("brier"), 1e-15);
    assertEquals(0, (Double) d.get("within"), 1e-15);
    assertEquals(3.0, d.get("groups"));
    Map<String, Object> b = Scoring.brierDecomposition(y, p, 2);
    assertEquals(2.0, b.get("groups"));
  }

  @Test
  void accuracyCoverageCurve() {
    Map<String, Object> r = Selective.accuracyCoverage(Tensor.vector(1, 0, 1, 1), Tensor.vector(0.9, 0.8, 0.7, 0.6));
    assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1}, ((Tensor) r.get("coverage")).raw(), 1e-15);
    assertArrayEquals(new double[] {1, 0.5, 2 / 3.0, 0.75}, ((Tensor) r.get("accuracy")).raw(), 1e-15);
    assertEquals((1 + 0.5 + 2 / 3.0 + 0.75) / 4, (Double) r.get("area"), 1e-15);
    assertEquals(1 - (Double) r.get("area"), (Double) r.get("aurc"), 1e-15);
    // ties form one point: both answered together
    Map<String, Object> t = Selective.accuracyCoverage(Tensor.vector(1, 0, 1), Tensor.vector(0.5, 0.5, 0.1));
    assertArrayEquals(new double[] {2 / 3.0, 1}, ((Tensor) t.get("coverage")).raw(), 1e-15);
    assertEquals(2 / 3.0 * 0.5 + 1 / 3.0 * 2 / 3.0, (Double) t.get("area"), 1e-15);
  }
}
