package dev.exp.metrics;

import dev.exp.kernel.KernelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cumulative true/false positive counts at each distinct score threshold, in descending order of
 * the threshold (the core of ROC and precision–recall curves).
 */
final class Curves {
  final double[] thresholds;
  final double[] tps;
  final double[] fps;

  private Curves(double[] thresholds, double[] tps, double[] fps) {
    this.thresholds = thresholds;
    this.tps = tps;
    this.fps = fps;
  }

  static Curves of(double[] yTrue, double[] score, String fn) {
    BinaryInputs.sameLength(yTrue, score, fn, "y_true", "y_score");
    boolean[] pos = BinaryInputs.binary(yTrue, fn);
    Integer[] ord = BinaryInputs.byScoreDescending(score);
    List<double[]> pts = new ArrayList<>();
    double tp = 0;
    double fp = 0;
    for (int r = 0; r < ord.length; r++) {
      int i = ord[r];
      if (pos[i]) {
        tp++;
      } else {
        fp++;
      }
      if (r == ord.length - 1 || score[ord[r + 1]] != score[i]) {
        pts.add(new double[] {score[i], tp, fp});
      }
    }
    int m = pts.size();
    double[] th = new double[m];
    double[] t = new double[m];
    double[] f = new double[m];
    for (int j = 0; j < m; j++) {
      th[j] = pts.get(j)[0];
      t[j] = pts.get(j)[1];
      f[j] = pts.get(j)[2];
    }
    return new Curves(th, t, f);
  }

  double positives() {
    return tps[tps.length - 1];
  }

  double negatives() {
    return fps[fps.length - 1];
  }

  void requireBothClasses(String fn) {
    if (positives() == 0 || negatives() == 0) {
      throw KernelException.of("%s: y_true needs both classes, got %d positives and %d negatives", fn,
          (long) positives(), (long) negatives());
    }
  }
}
