package dev.exp.learn.features;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.learn.FittedModel;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.linear.LeastSquares;
import dev.exp.learn.linear.LinearModel;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Random-feature regression (an extreme learning machine): a frozen random layer with a ridge readout. */
public final class RandomFeatureRidge extends FittedModel {
  private final RandomFeatures features;
  private final LinearModel readout;

  private RandomFeatureRidge(RandomFeatures features, LinearModel readout, double alpha) {
    super("random_feature_ridge", Task.REGRESSION, params(features, readout), settings(features, alpha));
    this.features = features;
    this.readout = readout;
  }

  private static Map<String, Object> params(RandomFeatures f, LinearModel r) {
    Map<String, Object> p = new LinkedHashMap<>(f.params());
    p.put("coef", r.field("coef"));
    p.put("intercept", r.field("intercept"));
    return p;
  }

  private static Map<String, Object> settings(RandomFeatures f, double alpha) {
    Map<String, Object> s = new LinkedHashMap<>(f.settings());
    s.put("alpha", alpha);
    s.put("features", f);
    return s;
  }

  @Kernel(name = "learn.random_feature_ridge", doc = "Random-feature ridge regression: the features of "
      + "learn.random_features (kind \"rff\" or \"relu\", gamma, seed) followed by learn.ridge (alpha, intercept) on "
      + "them; with n_features → ∞ and no intercept the rff model tends to kernel ridge with the RBF kernel. Defaults: "
      + "alpha 1, kind \"rff\", gamma 1, intercept true. Returns a regressor with weights, offsets, coef [D], "
      + "intercept and the feature map as field features. "
      + "Example: let m = learn.random_feature_ridge(X, y, 300, alpha: 1e-3, gamma: 0.5, seed: 2); score(m, X_test, y_test)")
  public static RandomFeatureRidge fit(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg("n_features") int nFeatures,
      @Arg(value = "alpha", dflt = "1") double alpha, @Arg(value = "kind", dflt = "\"rff\"") String kind,
      @Arg(value = "gamma", dflt = "1") double gamma, @Arg(value = "intercept", dflt = "true") boolean intercept,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "learn.random_feature_ridge";
    LearnArgs.design(x, fn, "X");
    RandomFeatures f = RandomFeatures.make(fn, x.dim(1), nFeatures, kind, gamma, rng);
    LinearModel r = LeastSquares.ridge(f.transform(x), y, alpha, "auto", intercept);
    return new RandomFeatureRidge(f, r, alpha);
  }

  @Override
  public Tensor predict(Tensor x) {
    return readout.predict(features.transform(x));
  }

  @Override
  public Tensor transform(Tensor x) {
    return features.transform(x);
  }

  @Override
  protected String describe() {
    return features.size() + " " + settings().get("feature_kind") + " features, alpha "
        + num((Double) settings().get("alpha"));
  }
}
