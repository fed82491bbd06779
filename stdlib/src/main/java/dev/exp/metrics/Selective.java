package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Selective classification: the accuracy–coverage (risk–coverage) curve and its area (kernels.md M07). */
public final class Selective {
  private Selective() {}

  @Kernel(name = "metrics.accuracy_coverage", doc = "Accuracy–coverage curve of a selective classifier that answers "
      + "only when its confidence ≥ a threshold: correct holds 1/0 (the prediction was right), confidence the "
      + "scores. One point per distinct confidence, thresholds descending: coverage = fraction answered, accuracy = "
      + "fraction right among them. area is the step area Σ Δcoverage·accuracy (with distinct confidences, the mean "
      + "over j = 1..n of the accuracy of the j most confident); aurc = 1 − area is the area under the risk–coverage "
      + "curve (Geifman and El-Yaniv). Returns {coverage, accuracy, thresholds, area, aurc}. Example: "
      + "metrics.accuracy_coverage([1, 0, 1, 1], [0.9, 0.8, 0.7, 0.6]).area")
  public static Map<String, Object> accuracyCoverage(@Arg("correct") Tensor correct,
      @Arg("confidence") Tensor confidence) {
    String fn = "metrics.accuracy_coverage";
    double[] c = BinaryInputs.vector(correct, fn, "correct");
    double[] s = BinaryInputs.vector(confidence, fn, "confidence");
    BinaryInputs.sameLength(c, s, fn, "correct", "confidence");
    boolean[] ok = BinaryInputs.binary(c, fn);
    Integer[] ord = BinaryInputs.byScoreDescending(s);
    int n = c.length;
    List<double[]> pts = new ArrayList<>();
    double right = 0;
    for (int r = 0; r < n; r++) {
      right += ok[ord[r]] ? 1 : 0;
      if (r == n - 1 || s[ord[r + 1]] != s[ord[r]]) {
        pts.add(new double[] {(r + 1.0) / n, right / (r + 1), s[ord[r]]});
      }
    }
    int m = pts.size();
    double[] cov = new double[m];
    double[] acc = new double[m];
    double[] th = new double[m];
    double area = 0;
    double prev = 0;
    for (int j = 0; j < m; j++) {
      cov[j] = pts.get(j)[0];
      acc[j] = pts.get(j)[1];
      th[j] = pts.get(j)[2];
      area += (cov[j] - prev) * acc[j];
      prev = cov[j];
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("coverage", Tensor.vector(cov));
    r.put("accuracy", Tensor.vector(acc));
    r.put("thresholds", Tensor.vector(th));
    r.put("area", area);
    r.put("aurc", 1 - area);
    return r;
  }
}
