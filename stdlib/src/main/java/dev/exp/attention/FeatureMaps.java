package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feature maps φ for linear attention (A08) and the random weights of the random-feature maps
 * (T11): {@code attention.feature_map} and {@code attention.random_features}.
 */
public final class FeatureMaps {
  private FeatureMaps() {}

  static final String MAP_DOC = "feature_map is a kind name (\"elu1\", \"relu\", \"identity\", \"taylor2\") or a weights "
      + "record from attention.random_features ({kind: \"favor+\"|\"favor+orth\", W}, {kind: \"rff\"|\"rff_orth\", W, b}) or "
      + "built by hand ({kind: \"hedgehog\"|\"hedgehog_softmax\", W, b}); see attention.feature_map.";

  @Kernel(name = "attention.feature_map", doc = "Applies a linear-attention feature map φ to each row (last axis) of x. "
      + "x has shape [..., d]; the result has shape [..., f]. Kinds given by name: "
      + "\"elu1\" φ(x) = elu(x) + 1 (x + 1 for x > 0, exp(x) otherwise; f = d); "
      + "\"relu\" max(x, 0) (f = d); \"identity\" x (f = d; use it to pass already-mapped features to attention.linear); "
      + "\"taylor2\" the second-order Taylor map [1, x, vec(x xᵀ)/√2] (f = 1 + d + d², unscaled), so that "
      + "φ(x)·φ(y) = 1 + x·y + (x·y)²/2 exactly, the Taylor polynomial of exp(x·y). "
      + "Maps with weights are records: FAVOR+ {kind: \"favor+\" or \"favor+orth\", W [m, d]}: "
      + "φ(x) = exp(W x − |x|²/2)/√m (f = m), positive random features with E[φ(x)·φ(y)] = exp(x·y) when the rows of W are "
      + "standard Gaussian; random Fourier features {kind: \"rff\" or \"rff_orth\", W [m, d], b [m]}: "
      + "φ(x) = √(2/m) cos(W x + b) (f = m), with E[φ(x)·φ(y)] = exp(−|x − y|²/2) (scale x by 1/σ for bandwidth σ); "
      + "Hedgehog {kind: \"hedgehog\", W [m, d], b [m] optional}: φ(x) = [exp(W x + b), exp(−W x − b)] (f = 2m); "
      + "{kind: \"hedgehog_softmax\", W, b}: [softmax(W x + b), softmax(−W x − b)] (each half normalised over its m "
      + "entries, as in LoLCATs; overflow-free). "
      + "Like all exp(q·k) kernels, FAVOR+ and taylor2 are unscaled: to imitate softmax(q·k/√d) scale q and k by d^(−1/4) "
      + "first. Random weights come from attention.random_features, so that queries and keys use the same W. "
      + "Example: attention.feature_map(q, \"elu1\"); let rf = attention.random_features(16, 256, seed: 1); "
      + "attention.feature_map(q * 16^(-0.25), rf)")
  public static Tensor featureMap(@Arg("x") Tensor x, @Arg(value = "feature_map", dflt = "\"elu1\"") Object map) {
    String kernel = "attention.feature_map";
    if (x.rank() < 1) {
      throw KernelException.of("%s: x must have at least one dimension [..., d], got a scalar", kernel);
    }
    TensorArgs.requireFinite(x, kernel, "x");
    int[] shape = x.shape();
    int d = shape[shape.length - 1];
    int rows = d == 0 ? TensorArgs.prod(shape, 0, shape.length - 1) : x.size() / d;
    FeatureMap f = FeatureMap.of(map, d, kernel);
    int[] os = shape.clone();
    os[os.length - 1] = f.dim;
    return Tensor.wrap(os, f.apply(x.raw(), rows));
  }

  @Kernel(name = "attention.random_features", doc = "Draws the random weights of a random-feature map and returns them "
      + "as a record usable as feature_map in attention.feature_map / attention.linear (so q and k share one W). "
      + "kind \"favor+\" (default): {kind, W} with W [m, d] i.i.d. standard Gaussian (FAVOR+ positive features for "
      + "exp(x·y)); \"favor+orth\": W made of independent blocks of d orthogonal rows (Gram–Schmidt of a Gaussian "
      + "matrix, so each block is Haar-distributed), each row rescaled to the norm of an independent Gaussian d-vector "
      + "(chi-distributed with d degrees of freedom, mean square d), which keeps the estimator unbiased and lowers its "
      + "variance; \"rff\": {kind, W, b} with W standard Gaussian and b uniform in [0, 2π) (random Fourier features "
      + "for the Gaussian kernel exp(−|x − y|²/2)); \"rff_orth\": orthogonal-block W as for favor+orth, plus b. "
      + "Also returns d and m. The draw depends only on the seed. Example: let rf = attention.random_features(16, 64, "
      + "kind: \"favor+orth\", seed: 3)")
  public static Map<String, Object> randomFeatures(@Arg("d") int d, @Arg("m") int m,
      @Arg(value = "kind", dflt = "\"favor+\"") String kind, @Arg(value = "seed", dflt = "none") Rng rng) {
    String kernel = "attention.random_features";
    LinearArgs.oneOf(kind, kernel, "kind", "favor+", "favor+orth", "rff", "rff_orth");
    if (d < 1 || m < 1) {
      throw KernelException.of("%s: d and m must be >= 1, got d = %d, m = %d", kernel, d, m);
    }
    if ((long) d * m > 100_000_000L) {
      throw KernelException.of("%s: W would have %d × %d entries; too many", kernel, m, d);
    }
    if (rng == null) {
      throw KernelException.of("%s: a seed is required", kernel);
    }
    boolean orth = kind.endsWith("orth");
    double[] w = orth ? orthogonalBlocks(d, m, rng) : gaussian(d * m, rng);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("kind", kind);
    r.put("W", Tensor.wrap(new int[] {m, d}, w));
    if (kind.startsWith("rff")) {
      double[] b = new double[m];
      for (int j = 0; j < m; j++) {
        b[j] = 2 * Math.PI * rng.nextDouble();
      }
      r.put("b", Tensor.wrap(new int[] {m}, b));
    }
    r.put("d", (double) d);
    r.put("m", (double) m);
    return r;
  }

  private static double[] gaussian(int size, Rng rng) {
    double[] w = new double[size];
    for (int i = 0; i < size; i++) {
      w[i] = rng.nextGaussian();
    }
    return w;
  }

  /**
   * m rows of length d in blocks of d mutually orthogonal rows; each row has the norm of an independent
   * standard Gaussian d-vector (so rows are marginally N(0, I) while rows within a block are orthogonal).
   */
  static double[] orthogonalBlocks(int d, int m, Rng rng) {
    double[] w = new double[m * d];
    int filled = 0;
    while (filled < m) {
      int rows = Math.min(d, m - filled);
      double[] g = gaussian(d * d, rng);
      gramSchmidtRows(g, d);
      for (int r = 0; r < rows; r++) {
        double sq = 0;
        for (int i = 0; i < d; i++) {
          double z = rng.nextGaussian();
          sq += z * z;
        }
        double norm = Math.sqrt(sq);
        for (int i = 0; i < d; i++) {
          w[(filled + r) * d + i] = g[r * d + i] * norm;
        }
      }
      filled += rows;
    }
    return w;
  }

  /** Orthonormalises the d rows of a d×d matrix in place (modified Gram–Schmidt, applied twice). */
  private static void gramSchmidtRows(double[] g, int d) {
    for (int r = 0; r < d; r++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int p = 0; p < r; p++) {
          double dot = 0;
          for (int i = 0; i < d; i++) {
            dot += g[r * d + i] * g[p * d + i];
          }
          for (int i = 0; i < d; i++) {
            g[r * d + i] -= dot * g[p * d + i];
          }
        }
      }
      double n = 0;
      for (int i = 0; i < d; i++) {
        n += g[r * d + i] * g[r * d + i];
      }
      n = Math.sqrt(n);
      for (int i = 0; i < d; i++) {
        g[r * d + i] /= n;
      }
    }
  }
}
