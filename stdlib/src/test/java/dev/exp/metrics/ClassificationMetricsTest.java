package dev.exp.metrics;

import static dev.exp.learn.UnsupReference.expected;
import static dev.exp.learn.UnsupReference.input;
import static dev.exp.learn.UnsupReference.matches;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
  static Tensor v(double... x) {
    return Tensor.vector(x);
  }

  static Tensor t(Object o) {
    return (Tensor) o;
  }

  static double d(Object o) {
    return (Double) o;
  }

  @Test
  void rocAndPrMatchScikitLearnWithTies() {
    Tensor y = input("cls_y");
    Tensor s = input("cls_score");
    Map<String, Object> roc = Classification.rocCurve(y, s);
    matches("roc_fpr", t(roc.get("fpr")), 1e-15);
    matches("roc_tpr", t(roc.get("tpr")), 1e-15);
    double[] th = t(roc.get("thresholds")).raw();
    assertEquals(Double.POSITIVE_INFINITY, th[0]);
    matches("roc_thresholds_tail", v(Arrays.copyOfRange(th, 1, th.length)), 1e-15);
    matches("roc_auc", Classification.rocAuc(y, s), 1e-14);
    Map<String, Object> pr = Classification.prCurve(y, s);
    matches("pr_precision", t(pr.get("precision")), 1e-14);
    matches("pr_recall", t(pr.get("recall")), 1e-14);
    matches("pr_thresholds", t(pr.get("thresholds")), 1e-15);
    matches("average_precision", Classification.averagePrecision(y, s), 1e-14);
    matches("pr_auc", Classification.prAuc(y, s), 1e-14);
  }

  @Test
  void aucHandCases() {
    assertEquals(0.75, Classification.rocAuc(v(0, 0, 1, 1), v(0.1, 0.4, 0.35, 0.8)), 1e-15);
    // all scores tied: every positive-negative pair counts one half
    assertEquals(0.5, Classification.rocAuc(v(0, 1, 0, 1, 1), v(2, 2, 2, 2, 2)), 1e-15);
    // a tie between one positive and one negative, otherwise separated: (3 + 0.5)/4
    assertEquals(0.875, Classification.rocAuc(v(0, 0, 1, 1), v(0.1, 0.5, 0.5, 0.9)), 1e-15);
    assertEquals(1.0, Classification.rocAuc(v(0, 1), v(0, 1)), 0);
    assertEquals(0.8333333333333333, Classification.averagePrecision(v(0, 0, 1, 1), v(0.1, 0.4, 0.35, 0.8)), 1e-15);
    KernelException e = assertThrows(KernelException.class, () -> Classification.rocAuc(v(1, 1), v(0.2, 0.3)));
    assertTrue(e.getMessage().contains("both classes"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Classification.rocAuc(v(0, 2), v(0.2, 0.3)));
    assertTrue(e.getMessage().contains("binary labels") && e.getMessage().contains("index 1"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Classification.rocAuc(v(0, 1, 1), v(0.2, 0.3)));
    assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("2"), e.getMessage());
  }

  @Test
  void confusionAndF1MatchScikitLearn() {
    Tensor yt = input("cls_multi_true");
    Tensor yp = input("cls_multi_pred");
    matches("confusion", t(Confusion.confusionMatrix(yt, yp, null).get("matrix")), 0);
    for (String avg : new String[] {"micro", "macro", "weighted"}) {
      Map<String, Object> r = Confusion.precisionRecallF1(yt, yp, avg, 1, null);
      matches("prf_" + avg, v(d(r.get("precision")), d(r.get("recall")), d(r.get("f1"))), 1e-14);
    }
    Map<String, Object> r = Confusion.precisionRecallF1(yt, yp, "none", 1, null);
    double[] all = new double[12];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(t(r.get(new String[] {"precision", "recall", "f1", "support"}[i])).raw(), 0, all, 3 * i, 3);
    }
    matches("prf_none", Tensor.wrap(new int[] {4, 3}, all), 1e-14);
    Tensor yb = input("cls_y");
    Tensor pred = input("cls_score").map(x -> x > 0.5 ? 1 : 0);
    Map<String, Object> b = Confusion.precisionRecallF1(yb, pred, "binary", 1, null);
    matches("prf_binary", v(d(b.get("precision")), d(b.get("recall")), d(b.get("f1"))), 1e-14);
    // micro average over every label is the accuracy
    double acc = Metrics.accuracyOf(yt, yp);
    assertEquals(acc, d(Confusion.precisionRecallF1(yt, yp, "micro", 1, null).get("f1")), 1e-15);
  }

  @Test
  void confusionHandCaseAndLabels() {
    Map<String, Object> c = Confusion.confusionMatrix(v(0, 1, 1), v(0, 0, 1), null);
    assertArrayEquals(new double[] {1, 0, 1, 1}, t(c.get("matrix")).raw());
    c = Confusion.confusionMatrix(v(0, 1, 2), v(0, 2, 2), v(2, 0));
    assertArrayEquals(new double[] {1, 0, 0, 1}, t(c.get("matrix")).raw());
    Map<String, Object> r = Confusion.precisionRecallF1(v(0, 1, 1, 1), v(0, 1, 0, 1), "binary", 1, null);
    assertEquals(1, d(r.get("precision")), 0);
    assertEquals(2.0 / 3, d(r.get("recall")), 1e-15);
    assertEquals(0.8, d(r.get("f1")), 1e-15);
    // no predicted positives: precision 0 by convention
    r = Confusion.precisionRecallF1(v(0, 1), v(0, 0), "binary", 1, null);
    assertEquals(0, d(r.get("precision")), 0);
    KernelException e = assertThrows(KernelException.class,
        () -> Confusion.precisionRecallF1(v(0, 1, 2), v(0, 1, 2), "binary", 1, null));
    assertTrue(e.getMessage().contains("two classes"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Confusion.precisionRecallF1(v(0, 1), v(0, 1), "mean", 1, null));
    assertTrue(e.getMessage().contains("\"mean\""), e.getMessage());
  }

  /** Accuracy computed directly. */
  static final class Metrics {
    static double accuracyOf(Tensor a, Tensor b) {
      int ok = 0;
      for (int i = 0; i < a.size(); i++) {
        ok += a.at(i) == b.at(i) ? 1 : 0;
      }
      return (double) ok / a.size();
    }
  }

  @Test
  void calibrationMatchesScikitLearn() {
    Tensor y = input("cal_y");
    Tensor p = input("cal_p");
    matches("log_loss", Calibration.logLoss(y, p), 1e-13);
    matches("brier", Calibration.brier(y, p), 1e-14);
    for (String strat : new String[] {"uniform", "quantile"}) {
      Map<String, Object> r = Calibration.ece(y, p, 8, strat);
      double[] cnt = t(r.get("count")).raw();
      double[] acc = t(r.get("accuracy")).raw();
      double[] conf = t(r.get("confidence")).raw();
      double[] a = new double[cnt.length];
      double[] c = new double[cnt.length];
      int m = 0;
      double ece = 0;
      for (int b = 0; b < cnt.length; b++) {
        if (cnt[b] > 0) {
          a[m] = acc[b];
          c[m++] = conf[b];
          ece += cnt[b] / 200 * Math.abs(acc[b] - conf[b]);
        }
      }
      matches("cal_" + strat + "_accuracy", v(Arrays.copyOf(a, m)), 1e-14);
      matches("cal_" + strat + "_confidence", v(Arrays.copyOf(c, m)), 1e-14);
      assertEquals(ece, d(r.get("ece")), 1e-15);
      assertEquals(200, Arrays.stream(cnt).sum(), 0);
    }
    Tensor p3 = input("cal_multi_p");
    Tensor y3 = input("cal_multi_y");
    matches("log_loss_multi", Calibration.logLoss(y3, p3), 1e-13);
    matches("brier_multi", Calibration.brier(y3, p3), 1e-14);
    matches("ece_multi", d(Calibration.ece(y3, p3, 10, "uniform").get("ece")), 1e-14);
  }

  @Test
  void calibrationHandCases() {
    assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, Calibration.logLoss(v(1, 0), v(0.8, 0.3)), 1e-15);
    assertEquals(0.065, Calibration.brier(v(1, 0), v(0.8, 0.3)), 1e-15);
    // perfectly calibrated bins: half of the 0.5-forecasts come true, all of the 1.0-forecasts
    Map<String, Object> r = Calibration.ece(v(1, 0, 1, 1), v(0.5, 0.5, 1, 1), 4, "uniform");
    assertEquals(0, d(r.get("ece")), 1e-15);
    // value on an inner edge (0.5) belongs to the lower bin [0.25, 0.5]
    assertArrayEquals(new double[] {0, 2, 0, 2}, t(r.get("count")).raw());
    KernelException e = assertThrows(KernelException.class, () -> Calibration.logLoss(v(1, 0), v(1.5, 0.3)));
    assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Calibration.brier(v(3, 0), Tensor.matrix(new double[][] {{1, 0}, {0, 1}})));
    assertTrue(e.getMessage().contains("0..1"), e.getMessage());
  }

  @Test
  void rankingMatchesScikitLearnAndHandCases() {
    Tensor rel = input("rank_rel");
    Tensor sc = input("rank_score");
    matches("ndcg", Ranking.ndcg(rel, sc, null), 1e-14);
    matches("ndcg_at3", Ranking.ndcg(rel, sc, 3), 1e-14);
    Tensor r2 = Tensor.matrix(new double[][] {{0, 1, 0}, {1, 0, 0}});
    Tensor s2 = Tensor.matrix(new double[][] {{0.9, 0.5, 0.1}, {0.3, 0.2, 0.1}});
    assertEquals(0.75, Ranking.mrr(r2, s2), 1e-15);
    assertEquals(0.5, Ranking.recallAtK(v(1, 0, 1), v(0.9, 0.8, 0.1), 2), 1e-15);
    assertEquals(0.5, Ranking.precisionAtK(v(1, 0, 1), v(0.9, 0.8, 0.1), 2), 1e-15);
    // DCG by hand: order (1, 2, 0): gains 2, 0, 3 -> 2 + 0 + 3/2; ideal 3 + 2/log2(3)
    double dcg = 2 + 3 / 2.0;
    double idcg = 3 + 2 / (Math.log(3) / Math.log(2));
    assertEquals(dcg / idcg, Ranking.ndcg(v(3, 2, 0), v(0.1, 0.9, 0.5), null), 1e-15);
    KernelException e = assertThrows(KernelException.class, () -> Ranking.mrr(v(1, 0), v(1, 2, 3)));
    assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
  }

  static double[] vals(Object... o) {
    return Arrays.stream(o).mapToDouble(x -> (Double) x).toArray();
  }

  static Tensor e(String name) {
    return expected(name);
  }
}
