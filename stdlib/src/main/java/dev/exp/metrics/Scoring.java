package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Proper scoring rules and the Murphy decomposition of the Brier score (kernels.md M06). */
public final class Scoring {
  private Scoring() {}

  @Kernel(name = "metrics.scoring_rule", doc = "Mean proper score of predicted probabilities, positively oriented "
      + "(higher is better; each is maximised in expectation by the true distribution): rule \"log\" (default) "
      + "log p_y (natural log; minus metrics.log_loss without clipping, −inf when p_y = 0), \"quadratic\" 2·p_y − "
      + "Σ_k p_k² (1 − the multi-class Brier score), \"spherical\" p_y/‖p‖₂. y_prob is a vector of P(y = 1) for "
      + "binary labels 0/1 or an n×k matrix for labels 0..k−1. Example: metrics.scoring_rule([1, 0], [0.8, 0.4], "
      + "rule: \"quadratic\")")
  public static double scoringRule(@Arg("y_true") Tensor yTrue, @Arg("y_prob") Tensor yProb,
      @Arg(value = "rule", dflt = "\"log\"") String rule) {
    String fn = "metrics.scoring_rule";
    if (!rule.equals("log") && !rule.equals("quadratic") && !rule.equals("spherical")) {
      throw KernelException.of("%s: rule must be \"log\", \"quadratic\" or \"spherical\", got \"%s\"", fn, rule);
    }
    Calibration.Probs pr = Calibration.probs(yTrue, yProb, fn);
    double total = 0;
    for (int i = 0; i < pr.n(); i++) {
      double py = pr.p()[i * pr.k() + pr.y()[i]];
      double ss = 0;
      for (int j = 0; j < pr.k(); j++) {
        double v = pr.p()[i * pr.k() + j];
        ss += v * v;
      }
      total += switch (rule) {
        case "log" -> Math.log(py);
        case "quadratic" -> 2 * py - ss;
        default -> ss == 0 ? 0 : py / Math.sqrt(ss);
      };
    }
    return total / pr.n();
  }

  @Kernel(name = "metrics.brier_decomposition", doc = "Murphy's decomposition of the binary Brier score, brier = "
      + "reliability − resolution + uncertainty, over groups of forecasts: with bins none (default) the groups are "
      + "the distinct forecast values and the identity is exact; with bins = B, B equal-width bins on [0, 1] (the "
      + "last one closed), where the identity holds up to the within-bin terms (reported as the difference). "
      + "reliability = (1/n)Σ_g n_g(p̄_g − ō_g)², resolution = (1/n)Σ_g n_g(ō_g − ō)², uncertainty = ō(1 − ō). "
      + "Returns {brier, reliability, resolution, uncertainty, within (brier − (rel − res + unc)), groups}. "
      + "Example: metrics.brier_decomposition(y, p).reliability")
  public static Map<String, Object> brierDecomposition(@Arg("y_true") Tensor yTrue, @Arg("y_prob") Tensor yProb,
      @Arg(value = "bins", dflt = "none") Integer bins) {
    String fn = "metrics.brier_decomposition";
    if (yProb.rank() > 1) {
      throw KernelException.of("%s: y_prob must be a vector of P(y = 1) (binary), got shape %s", fn,
          Tensor.shapeString(yProb.shape()));
    }
    if (bins != null && bins < 1) {
      throw KernelException.of("%s: bins must be >= 1, got %d", fn, bins);
    }
    Calibration.Probs pr = Calibration.probs(yTrue, yProb, fn);
    int n = pr.n();
    // group key → {count, sum p, sum y}
    TreeMap<Double, double[]> groups = new TreeMap<>();
    double brier = 0;
    double ybar = 0;
    for (int i = 0; i < n; i++) {
      double p = pr.p()[2 * i + 1];
      double y = pr.y()[i];
      brier += (p - y) * (p - y) / n;
      ybar += y / n;
      double key = bins == null ? p : Math.min(bins - 1, Math.floor(p * bins));
      double[] g = groups.computeIfAbsent(key, q -> new double[3]);
      g[0]++;
      g[1] += p;
      g[2] += y;
    }
    double rel = 0;
    double res = 0;
    for (double[] g : groups.values()) {
      double pb = g[1] / g[0];
      double ob = g[2] / g[0];
      rel += g[0] * (pb - ob) * (pb - ob) / n;
      res += g[0] * (ob - ybar) * (ob - ybar) / n;
    }
    double unc = ybar * (1 - ybar);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("brier", brier);
    r.put("reliability", rel);
    r.put("resolution", res);
    r.put("uncertainty", unc);
    r.put("within", brier - (rel - res + unc));
    r.put("groups", (double) groups.size());
    return r;
  }
}
