package dev.exp.optim;

import dev.exp.random.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer does to the gradient before its update rule: clipping by the global ℓ2 norm
 * (PyTorch's clip_grad_norm_: g ← g·min(1, max_norm/(‖g‖₂ + 1e-6))), clipping of each entry to
 * [−max_value, max_value] (clip_grad_value_), then Gaussian noise g + N(0, σ_t²I) with
 * σ_t² = eta/(1 + t)^gamma (Neelakantan et al. 2015), t = steps already taken. The noise of step t is a
 * pure function of (seed, t), so a functional step with the same (x, g, state) repeats exactly.
 *
 * @param maxNorm the norm bound, NaN for none
 * @param maxValue the entry bound, NaN for none
 * @param noiseEta eta of the noise variance, 0 for no noise
 * @param noiseGamma the decay exponent gamma
 * @param noiseBase the base of the per-step generators
 */
record GradientTransform(double maxNorm, double maxValue, double noiseEta, double noiseGamma, long noiseBase) {
  static final GradientTransform NONE = new GradientTransform(Double.NaN, Double.NaN, 0, 0.55, 0);

  boolean identity() {
    return Double.isNaN(maxNorm) && Double.isNaN(maxValue) && noiseEta == 0;
  }

  /** g transformed for the step that has t steps before it (g itself when nothing applies). */
  double[] apply(double[] g, int t) {
    if (identity()) {
      return g;
    }
    double[] r = g.clone();
    if (!Double.isNaN(maxNorm)) {
      clipNorm(r, maxNorm);
    }
    if (!Double.isNaN(maxValue)) {
      clipValue(r, maxValue);
    }
    if (noiseEta > 0) {
      double sd = Math.sqrt(noiseEta / Math.pow(1 + t, noiseGamma));
      Rng rng = Rng.derive(noiseBase, t);
      for (int i = 0; i < r.length; i++) {
        r[i] += sd * rng.nextGaussian();
      }
    }
    return r;
  }

  /** In place: g ← g·min(1, max/(‖g‖₂ + 1e-6)) (PyTorch's rule; a zero or short g is unchanged). */
  static void clipNorm(double[] g, double max) {
    double s = 0;
    for (double v : g) {
      s += v * v;
    }
    double coef = max / (Math.sqrt(s) + 1e-6);
    if (coef < 1) {
      for (int i = 0; i < g.length; i++) {
        g[i] *= coef;
      }
    }
  }

  /** In place: every entry clamped to [−max, max]. */
  static void clipValue(double[] g, double max) {
    for (int i = 0; i < g.length; i++) {
      g[i] = Math.max(-max, Math.min(max, g[i]));
    }
  }

  /** The fields an optimizer value shows for this transform. */
  Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!Double.isNaN(maxNorm)) {
      m.put("clip_norm", maxNorm);
    }
    if (!Double.isNaN(maxValue)) {
      m.put("clip_value", maxValue);
    }
    if (noiseEta > 0) {
      m.put("noise_eta", noiseEta);
      m.put("noise_gamma", noiseGamma);
    }
    return m;
  }
}
