package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Threshold-free diagnostics of binary scores: ROC and precision–recall curves and their areas. */
public final class Classification {
  private Classification() {}

  @Kernel(name = "metrics.roc_curve", doc = "ROC curve of scores for binary labels y_true (0/1): one point per "
      + "distinct score, thresholds descending, starting at (0, 0) with threshold inf. Returns {fpr, tpr, thresholds}; "
      + "a sample is predicted positive when its score ≥ the threshold. Every distinct threshold is kept "
      + "(scikit-learn's drop_intermediate=False). Example: metrics.roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])")
  public static Map<String, Object> rocCurve(@Arg("y_true") Tensor yTrue, @Arg("y_score") Tensor yScore) {
    String fn = "metrics.roc_curve";
    Curves c = Curves.of(BinaryInputs.vector(yTrue, fn, "y_true"), BinaryInputs.vector(yScore, fn, "y_score"), fn);
    c.requireBothClasses(fn);
    int m = c.thresholds.length;
    double[] fpr = new double[m + 1];
    double[] tpr = new double[m + 1];
    double[] th = new double[m + 1];
    th[0] = Double.POSITIVE_INFINITY;
    for (int j = 0; j < m; j++) {
      fpr[j + 1] = c.fps[j] / c.negatives();
      tpr[j + 1] = c.tps[j] / c.positives();
      th[j + 1] = c.thresholds[j];
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("fpr", Tensor.vector(fpr));
    r.put("tpr", Tensor.vector(tpr));
    r.put("thresholds", Tensor.vector(th));
    return r;
  }

  @Kernel(name = "metrics.roc_auc", doc = "Area under the ROC curve. Binary (y_score a vector, y_true 0/1): the "
      + "probability that a random positive scores above a random negative, ties counting one half (the "
      + "Mann–Whitney statistic; the trapezoidal area of metrics.roc_curve). Multiclass (y_score [n, K] class "
      + "probabilities, rows summing to 1; column c belongs to the c-th of labels, by default the sorted distinct "
      + "values of y_true), as scikit-learn's roc_auc_score(y, P, multi_class, average): multi_class \"ovr\" "
      + "(default; each class against the rest; average \"macro\" (default), \"weighted\" by class prevalence, "
      + "\"micro\" (all K binarised columns pooled) or \"none\" (the K per-class AUCs as a tensor)) or \"ovo\" "
      + "(Hand and Till: each pair of classes on its own samples, both directions averaged; average \"macro\" or "
      + "\"weighted\" by the pair's share of samples). Example: metrics.roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) "
      + "is 0.75; metrics.roc_auc(y, predict_proba(m, X), multi_class: \"ovo\")")
  public static Object rocAuc(@Arg("y_true") Tensor yTrue, @Arg("y_score") Tensor yScore,
      @Arg(value = "multi_class", dflt = "\"ovr\"") String multiClass,
      @Arg(value = "average", dflt = "\"macro\"") String average, @Arg(value = "labels", dflt = "none") Tensor labels) {
    String fn = "metrics.roc_auc";
    if (yScore.rank() == 2 && !(yScore.dim(1) == 1 && labels == null)) {
      return MulticlassAuc.of(BinaryInputs.vector(yTrue, fn, "y_true"), yScore, labels, multiClass, average, fn);
    }
    return rocAuc(yTrue, yScore);
  }

  /** The binary ROC-AUC. */
  public static double rocAuc(Tensor yTrue, Tensor yScore) {
    String fn = "metrics.roc_auc";
    Curves c = Curves.of(BinaryInputs.vector(yTrue, fn, "y_true"), BinaryInputs.vector(yScore, fn, "y_score"), fn);
    c.requireBothClasses(fn);
    return area(c);
  }

  /** The trapezoidal ROC area of the counts (both classes present). */
  static double area(Curves c) {
    double area = 0;
    double pt = 0;
    double pf = 0;
    for (int j = 0; j < c.thresholds.length; j++) {
      area += (c.fps[j] - pf) * (c.tps[j] + pt) / 2;
      pt = c.tps[j];
      pf = c.fps[j];
    }
    return area / (c.positives() * c.negatives());
  }

  @Kernel(name = "metrics.pr_curve", doc = "Precision–recall curve of scores for binary labels y_true (0/1), as "
      + "scikit-learn's precision_recall_curve (1.2): thresholds ascending over the distinct scores; precision and "
      + "recall have one more entry, the end point (recall 0, precision 1). "
      + "Returns {precision, recall, thresholds}. Example: metrics.pr_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).recall")
  public static Map<String, Object> prCurve(@Arg("y_true") Tensor yTrue, @Arg("y_score") Tensor yScore) {
    String fn = "metrics.pr_curve";
    Curves c = Curves.of(BinaryInputs.vector(yTrue, fn, "y_true"), BinaryInputs.vector(yScore, fn, "y_score"), fn);
    double[][] pr = precisionRecall(c, fn);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("precision", Tensor.vector(pr[0]));
    r.put("recall", Tensor.vector(pr[1]));
    r.put("thresholds", Tensor.vector(pr[2]));
    return r;
  }

  /** {precision, recall, thresholds} in scikit-learn's order (recall descending, end point appended). */
  private static double[][] precisionRecall(Curves c, String fn) {
    if (c.positives() == 0) {
      throw KernelException.of("%s: y_true has no positive sample (recall is undefined)", fn);
    }
    int m = c.thresholds.length;
    int last = m - 1;
    double[] p = new double[m + 1];
    double[] r = new double[m + 1];
    double[] th = new double[m];
    for (int j = 0; j < m; j++) {
      int s = last - j;
      p[j] = c.tps[s] / (c.tps[s] + c.fps[s]);
      r[j] = c.tps[s] / c.positives();
      th[j] = c.thresholds[s];
    }
    p[m] = 1;
    r[m] = 0;
    return new double[][] {p, r, th};
  }

  @Kernel(name = "metrics.average_precision", doc = "Average precision of scores for binary labels y_true (0/1): "
      + "Σ_n (R_n − R_{n−1}) P_n over the distinct thresholds (the step-wise area under the precision–recall "
      + "curve, no interpolation; scikit-learn's average_precision_score). Example: "
      + "metrics.average_precision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) is 0.8333")
  public static double averagePrecision(@Arg("y_true") Tensor yTrue, @Arg("y_score") Tensor yScore) {
    String fn = "metrics.average_precision";
    Curves c = Curves.of(BinaryInputs.vector(yTrue, fn, "y_true"), BinaryInputs.vector(yScore, fn, "y_score"), fn);
    double[][] pr = precisionRecall(c, fn);
    double ap = 0;
    for (int j = 0; j + 1 < pr[1].length; j++) {
      ap += (pr[1][j] - pr[1][j + 1]) * pr[0][j];
    }
    return ap;
  }

  @Kernel(name = "metrics.pr_auc", doc = "Trapezoidal area under the precision–recall curve of metrics.pr_curve "
      + "(scikit-learn's auc(recall, precision)); it interpolates linearly between points and so can be optimistic — "
      + "metrics.average_precision is the usual summary. Example: metrics.pr_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])")
  public static double prAuc(@Arg("y_true") Tensor yTrue, @Arg("y_score") Tensor yScore) {
    String fn = "metrics.pr_auc";
    Curves c = Curves.of(BinaryInputs.vector(yTrue, fn, "y_true"), BinaryInputs.vector(yScore, fn, "y_score"), fn);
    double[][] pr = precisionRecall(c, fn);
    double a = 0;
    for (int j = 0; j + 1 < pr[1].length; j++) {
      a += (pr[1][j] - pr[1][j + 1]) * (pr[0][j] + pr[0][j + 1]) / 2;
    }
    return a;
  }
}
