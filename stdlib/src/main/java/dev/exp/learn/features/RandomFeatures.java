package dev.exp.learn.features;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.FittedModel;
import dev.exp.learn.LearnArgs;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A frozen random hidden layer: random Fourier features √(2/D)·cos(xW + b) of the RBF kernel, or ReLU
 * features √(1/D)·max(0, xW) of the first-order arc-cosine kernel.
 */
public final class RandomFeatures extends FittedModel {
  private final double[] w;
  private final double[] b;
  private final int d;
  private final int features;
  private final boolean relu;

  RandomFeatures(double[] w, double[] b, int d, int features, String kind, double gamma) {
    super("random_features", Task.TRANSFORM, params(w, b, d, features, kind), settings(kind, gamma));
    this.w = w;
    this.b = b;
    this.d = d;
    this.features = features;
    this.relu = kind.equals("relu");
  }

  private static Map<String, Object> params(double[] w, double[] b, int d, int features, String kind) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("weights", Tensor.wrap(new int[] {d, features}, w));
    if (!kind.equals("relu")) {
      p.put("offsets", Tensor.wrap(new int[] {features}, b));
    }
    return p;
  }

  private static Map<String, Object> settings(String kind, double gamma) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("feature_kind", kind);
    s.put("gamma", gamma);
    return s;
  }

  @Kernel(name = "learn.random_features", doc = "A random-feature map (a frozen random hidden layer) for inputs with "
      + "the d columns of X. kind \"rff\" (default): random Fourier features φ(x) = √(2/D)·cos(xW + b) with W [d, D] "
      + "~ N(0, 2·gamma) and b ~ U[0, 2π), so φ(x)·φ(x') ≈ exp(−gamma‖x − x'‖²) (as scikit-learn's RBFSampler); "
      + "\"relu\": φ(x) = √(1/D)·max(0, xW) with W ~ N(0, gamma), so φ(x)·φ(x') ≈ gamma‖x‖‖x'‖(sin θ + (π − θ)cos θ)/(2π) "
      + "(the arc-cosine kernel; append a constant column to X for a bias). Defaults: gamma 1. Returns a transform "
      + "model: transform(m, x) gives [n, D]. Example: let f = learn.random_features(X, 500, seed: 1); transform(f, X)")
  public static RandomFeatures fit(@Arg("X") Tensor x, @Arg("n_features") int nFeatures,
      @Arg(value = "kind", dflt = "\"rff\"") String kind, @Arg(value = "gamma", dflt = "1") double gamma,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "learn.random_features";
    if (x.rank() != 2) {
      throw KernelException.of("%s: X must be a matrix [samples, features], got shape %s", fn,
          Tensor.shapeString(x.shape()));
    }
    return make(fn, x.dim(1), nFeatures, kind, gamma, rng);
  }

  static RandomFeatures make(String fn, int d, int nFeatures, String kind, double gamma, Rng rng) {
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    LearnArgs.atLeastOne(nFeatures, fn, "n_features");
    LearnArgs.choice(kind, fn, "kind", "rff", "relu");
    LearnArgs.positive(gamma, fn, "gamma");
    double sd = kind.equals("rff") ? Math.sqrt(2 * gamma) : Math.sqrt(gamma);
    double[] w = new double[d * nFeatures];
    for (int i = 0; i < w.length; i++) {
      w[i] = sd * rng.nextGaussian();
    }
    double[] b = new double[nFeatures];
    if (kind.equals("rff")) {
      for (int j = 0; j < nFeatures; j++) {
        b[j] = 2 * Math.PI * rng.nextDouble();
      }
    }
    return new RandomFeatures(w, b, d, nFeatures, kind, gamma);
  }

  /** Number of features D. */
  public int size() {
    return features;
  }

  @Override
  public Tensor transform(Tensor x) {
    double[] xs = LearnArgs.features(x, d, kind());
    int n = x.dim(0);
    double[] z = Dense.mul(xs, n, d, w, features);
    if (relu) {
      double s = Math.sqrt(1.0 / features);
      for (int i = 0; i < z.length; i++) {
        z[i] = z[i] > 0 ? s * z[i] : 0;
      }
    } else {
      double s = Math.sqrt(2.0 / features);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < features; j++) {
          z[i * features + j] = s * Math.cos(z[i * features + j] + b[j]);
        }
      }
    }
    return Tensor.wrap(new int[] {n, features}, z);
  }

  @Override
  public Tensor predict(Tensor x) {
    return transform(x);
  }

  @Override
  public double score(Tensor x, Tensor y) {
    throw KernelException.of("a random_features model has no score; fit learn.random_feature_ridge for a regressor");
  }

  @Override
  protected String describe() {
    return count(d, "feature") + " → " + features + " " + settings().get("feature_kind") + " features, gamma "
        + num((Double) settings().get("gamma"));
  }
}
