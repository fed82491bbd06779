package dev.exp.learn.neighbors;

import dev.exp.learn.FittedModel;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.classify.Labels;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** A k-NN classifier or regressor: the training rows and targets, searched at prediction time. */
public final class KnnModel extends FittedModel {
  private final double[] x;
  private final int n;
  private final int d;
  private final double[] y;
  private final int outputs; // -1: vector targets
  private final Labels labels;
  private final int k;
  private final boolean distance;

  KnnModel(String kind, double[] x, int n, int d, double[] y, int outputs, Labels labels, int k, String weights) {
    super(kind, labels != null ? Task.CLASSIFICATION : Task.REGRESSION, params(x, n, d, y, outputs, labels),
        Map.of("k", (double) k, "weights", weights));
    this.x = x;
    this.n = n;
    this.d = d;
    this.y = y;
    this.outputs = outputs;
    this.labels = labels;
    this.k = k;
    this.distance = weights.equals("distance");
  }

  private static Map<String, Object> params(double[] x, int n, int d, double[] y, int outputs, Labels labels) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("x_train", Tensor.wrap(new int[] {n, d}, x));
    p.put("y_train", outputs <= 0 ? Tensor.wrap(new int[] {n}, y) : Tensor.wrap(new int[] {n, outputs}, y));
    if (labels != null) {
      p.put("classes", labels.tensor());
    }
    return p;
  }

  /** Weights [m, k] of the neighbours (uniform, or 1/distance with exact matches taking over). */
  private double[] weights(double[] dist, int m) {
    double[] w = new double[m * k];
    for (int i = 0; i < m; i++) {
      boolean exact = false;
      for (int t = 0; t < k; t++) {
        exact |= dist[i * k + t] == 0;
      }
      for (int t = 0; t < k; t++) {
        double dv = dist[i * k + t];
        w[i * k + t] = !distance ? 1 : exact ? (dv == 0 ? 1 : 0) : 1 / dv;
      }
    }
    return w;
  }

  private NeighborSearch.Result search(Tensor q) {
    double[] qs = LearnArgs.features(q, d, kind());
    return NeighborSearch.search(x, n, qs, q.dim(0), d, k);
  }

  @Override
  public Tensor predictProba(Tensor q) {
    if (labels == null) {
      return super.predictProba(q);
    }
    int m = q.dim(0);
    NeighborSearch.Result r = search(q);
    double[] w = weights(r.distances(), m);
    int c = labels.count();
    double[] p = new double[m * c];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int t = 0; t < k; t++) {
        int cls = labels.index()[r.indices()[i * k + t]];
        p[i * c + cls] += w[i * k + t];
        s += w[i * k + t];
      }
      for (int j = 0; j < c; j++) {
        p[i * c + j] /= s;
      }
    }
    return Tensor.wrap(new int[] {m, c}, p);
  }

  @Override
  public Tensor predict(Tensor q) {
    int m = q.dim(0);
    if (labels != null) {
      return Labels.argmax(predictProba(q).raw(), m, labels.classes());
    }
    NeighborSearch.Result r = search(q);
    double[] w = weights(r.distances(), m);
    int t = Math.max(outputs, 1);
    double[] out = new double[m * t];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int j = 0; j < k; j++) {
        int row = r.indices()[i * k + j];
        double wj = w[i * k + j];
        s += wj;
        for (int c = 0; c < t; c++) {
          out[i * t + c] += wj * y[row * t + c];
        }
      }
      for (int c = 0; c < t; c++) {
        out[i * t + c] /= s;
      }
    }
    return outputs <= 0 ? Tensor.wrap(new int[] {m}, out) : Tensor.wrap(new int[] {m, t}, out);
  }

  @Override
  protected String describe() {
    return count(d, "feature") + ", " + count(n, "training row") + ", k " + k + (distance ? ", distance weights" : "");
  }
}
