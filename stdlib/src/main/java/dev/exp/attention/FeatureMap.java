package dev.exp.attention;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.Map;

/**
 * One resolved feature map φ: ℝ^d → ℝ^f, built from a kind name ("elu1", "relu", "identity",
 * "taylor2") or from a weights record ({kind: "favor+", W} from {@code attention.random_features},
 * {kind: "rff", W, b}, {kind: "hedgehog", W, b?}, {kind: "hedgehog_softmax", W, b?}).
 * The formulas are documented on {@code attention.feature_map}.
 */
final class FeatureMap {
  /** Kinds that need weights (a record). */
  static final String[] WEIGHTED = {"favor+", "favor+orth", "rff", "rff_orth", "hedgehog", "hedgehog_softmax"};
  /** Kinds given by name alone. */
  static final String[] PLAIN = {"elu1", "relu", "identity", "taylor2"};

  final String kind;
  final int d;
  final int dim;
  private final double[] w;
  private final double[] b;
  private final int m;

  private FeatureMap(String kind, int d, int dim, double[] w, double[] b, int m) {
    this.kind = kind;
    this.d = d;
    this.dim = dim;
    this.w = w;
    this.b = b;
    this.m = m;
  }

  /** Resolves a map given as a kind string or a weights record, for inputs of dimension d. */
  static FeatureMap of(Object spec, int d, String kernel) {
    if (spec == null) {
      spec = "elu1";
    }
    if (spec instanceof String s) {
      switch (s) {
        case "elu1", "relu", "identity":
          return new FeatureMap(s, d, d, null, null, 0);
        case "taylor2":
          long dim = 1L + d + (long) d * d;
          if (dim > 50_000_000L) {
            throw KernelException.of("%s: taylor2 features of dimension d = %d would have %d entries per row; too many",
                kernel, d, dim);
          }
          return new FeatureMap(s, d, (int) dim, null, null, 0);
        default:
          for (String k : WEIGHTED) {
            if (k.equals(s)) {
              throw KernelException.of("%s: feature map \"%s\" needs weights: draw them with "
                  + "attention.random_features(d, m, kind: \"%s\", seed: s) (or build {kind: \"hedgehog\", W: W, b: b}) "
                  + "and pass that record, so that q and k share the same W", kernel, s, s.startsWith("hedgehog") ? "favor+" : s);
            }
          }
          throw KernelException.of("%s: unknown feature map \"%s\"; expected one of \"elu1\", \"relu\", \"identity\", "
              + "\"taylor2\" or a weights record {kind, W, b} (kinds %s)", kernel, s, "\"" + String.join("\", \"", WEIGHTED) + "\"");
      }
    }
    if (spec instanceof Map<?, ?> rec) {
      Object k = rec.get("kind");
      if (!(k instanceof String kind)) {
        throw KernelException.of("%s: a feature-map record needs a string field kind (one of %s), got %s", kernel,
            "\"" + String.join("\", \"", WEIGHTED) + "\"", Values.describe(k));
      }
      LinearArgs.oneOf(kind, kernel, "feature-map kind in the record", WEIGHTED);
      Tensor wt = weight(rec.get("W"), kernel, kind, "W");
      if (wt == null) {
        throw KernelException.of("%s: feature map {kind: \"%s\"} needs a weight matrix W [m, d]", kernel, kind);
      }
      if (wt.rank() != 2 || wt.dim(1) != d) {
        throw KernelException.of("%s: feature map \"%s\" has W of shape %s but the inputs have dimension d = %d; "
            + "W must be [m, %d]", kernel, kind, Tensor.shapeString(wt.shape()), d, d);
      }
      int m = wt.dim(0);
      Tensor bt = weight(rec.get("b"), kernel, kind, "b");
      boolean rff = kind.startsWith("rff");
      if (rff && bt == null) {
        throw KernelException.of("%s: feature map \"%s\" needs phases b [m] (see attention.random_features)", kernel, kind);
      }
      if (bt != null && (bt.rank() != 1 || bt.dim(0) != m)) {
        throw KernelException.of("%s: feature map \"%s\" has W of shape %s, so b must have shape [%d], got %s", kernel,
            kind, Tensor.shapeString(wt.shape()), m, Tensor.shapeString(bt.shape()));
      }
      if (kind.startsWith("favor") && bt != null) {
        throw KernelException.of("%s: feature map \"%s\" takes no b (FAVOR+ features are exp(Wx - |x|^2/2)/sqrt(m))",
            kernel, kind);
      }
      int dim = kind.startsWith("hedgehog") ? 2 * m : m;
      return new FeatureMap(kind, d, dim, wt.raw(), bt == null ? null : bt.raw(), m);
    }
    throw KernelException.of("%s: feature_map must be a string (\"elu1\", \"relu\", \"identity\", \"taylor2\") or a "
        + "weights record from attention.random_features, got %s", kernel, Values.describe(spec));
  }

  private static Tensor weight(Object o, String kernel, String kind, String field) {
    if (o == null) {
      return null;
    }
    Tensor t = TensorArgs.toTensor(o, kernel + ": feature map \"" + kind + "\" field " + field);
    TensorArgs.requireFinite(t, kernel, "feature map field " + field);
    return t;
  }

  /** Maps {@code rows} rows of length d (row-major in x) to a new array of rows × dim. */
  double[] apply(double[] x, int rows) {
    double[] out = new double[rows * dim];
    double[] tmp = w == null ? null : new double[m];
    for (int r = 0; r < rows; r++) {
      row(x, r * d, out, r * dim, tmp);
    }
    return out;
  }

  private void row(double[] x, int xo, double[] out, int oo, double[] tmp) {
    switch (kind) {
      case "elu1" -> {
        for (int i = 0; i < d; i++) {
          double v = x[xo + i];
          out[oo + i] = v > 0 ? v + 1 : Math.exp(v);
        }
      }
      case "relu" -> {
        for (int i = 0; i < d; i++) {
          out[oo + i] = Math.max(0.0, x[xo + i]);
        }
      }
      case "identity" -> System.arraycopy(x, xo, out, oo, d);
      case "taylor2" -> {
        out[oo] = 1;
        System.arraycopy(x, xo, out, oo + 1, d);
        double s = Math.sqrt(0.5);
        int p = oo + 1 + d;
        for (int i = 0; i < d; i++) {
          double xi = x[xo + i] * s;
          for (int j = 0; j < d; j++) {
            out[p++] = xi * x[xo + j];
          }
        }
      }
      case "favor+", "favor+orth" -> {
        double sq = 0;
        for (int i = 0; i < d; i++) {
          sq += x[xo + i] * x[xo + i];
        }
        project(x, xo, tmp);
        double c = 1 / Math.sqrt(m);
        for (int j = 0; j < m; j++) {
          out[oo + j] = Math.exp(tmp[j] - sq / 2) * c;
        }
      }
      case "rff", "rff_orth" -> {
        project(x, xo, tmp);
        double c = Math.sqrt(2.0 / m);
        for (int j = 0; j < m; j++) {
          out[oo + j] = c * Math.cos(tmp[j] + b[j]);
        }
      }
      case "hedgehog" -> {
        project(x, xo, tmp);
        for (int j = 0; j < m; j++) {
          double u = tmp[j] + (b == null ? 0 : b[j]);
          out[oo + j] = Math.exp(u);
          out[oo + m + j] = Math.exp(-u);
        }
      }
      case "hedgehog_softmax" -> {
        project(x, xo, tmp);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
          tmp[j] += b == null ? 0 : b[j];
          max = Math.max(max, tmp[j]);
          min = Math.min(min, tmp[j]);
        }
        double sp = 0;
        double sn = 0;
        for (int j = 0; j < m; j++) {
          out[oo + j] = Math.exp(tmp[j] - max);
          out[oo + m + j] = Math.exp(min - tmp[j]);
          sp += out[oo + j];
          sn += out[oo + m + j];
        }
        for (int j = 0; j < m; j++) {
          out[oo + j] /= sp;
          out[oo + m + j] /= sn;
        }
      }
      default -> throw new IllegalStateException(kind);
    }
  }

  /** tmp[j] = W[j,:] · x. */
  private void project(double[] x, int xo, double[] tmp) {
    for (int j = 0; j < m; j++) {
      double s = 0;
      int wo = j * d;
      for (int i = 0; i < d; i++) {
        s += w[wo + i] * x[xo + i];
      }
      tmp[j] = s;
    }
  }
}
