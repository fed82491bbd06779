package dev.exp.learn.cluster;

import dev.exp.learn.Model;
import dev.exp.learn.distance.DistanceKernel;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted k-means clustering: the centres, the training labels and inertia, and the fit's diagnostics.
 * predict gives the nearest centre's index, transform the Euclidean distances to every centre, score
 * minus the inertia of x (as scikit-learn).
 */
public final class KMeansModel implements Model {
  private final Tensor centers;
  private final Map<String, Object> settings;

  KMeansModel(Tensor centers, Map<String, Object> settings) {
    this.centers = centers;
    this.settings = settings;
  }

  @Override
  public String kind() {
    return "kmeans";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("centers", centers);
    return p;
  }

  @Override
  public Map<String, Object> settings() {
    return settings;
  }

  @Override
  public Task task() {
    return Task.CLUSTERING;
  }

  private int k() {
    return centers.dim(0);
  }

  private int d() {
    return centers.dim(1);
  }

  /**
   * Squared distances of the rows of x to the centres, rows×k, exactly as the fit computes them
   * ({@link DistanceKernel#squared}), so predict on the training rows gives the training labels.
   */
  double[] squaredDistances(Tensor x) {
    double[] v = Inputs.features(x, d(), kind());
    int n = Inputs.rows(x);
    int k = k();
    int d = d();
    double[] c = centers.raw();
    double[] out = new double[n * k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        out[i * k + j] = DistanceKernel.squared(v, i * d, c, j * d, d);
      }
    }
    return out;
  }

  @Override
  public Tensor predict(Tensor x) {
    double[] dist = squaredDistances(x);
    int n = dist.length / k();
    double[] lab = new double[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < k(); j++) {
        if (dist[i * k() + j] < dist[i * k() + best]) {
          best = j;
        }
      }
      lab[i] = best;
    }
    return Tensor.wrap(new int[] {n}, lab);
  }

  @Override
  public Tensor transform(Tensor x) {
    double[] dist = squaredDistances(x);
    for (int i = 0; i < dist.length; i++) {
      dist[i] = Math.sqrt(dist[i]);
    }
    return Tensor.wrap(new int[] {dist.length / k(), k()}, dist);
  }

  /** Minus the inertia (sum of squared distances to the nearest centre) of x; y is ignored. */
  @Override
  public double score(Tensor x, Tensor y) {
    double[] dist = squaredDistances(x);
    double s = 0;
    for (int i = 0; i < dist.length; i += k()) {
      double m = dist[i];
      for (int j = 1; j < k(); j++) {
        m = Math.min(m, dist[i + j]);
      }
      s += m;
    }
    return -s;
  }

  @Override
  public Model withParams(Map<String, Object> params) {
    Object c = params.get("centers");
    if (!(c instanceof Tensor t) || !java.util.Arrays.equals(t.shape(), centers.shape())) {
      throw new dev.exp.kernel.KernelException("kmeans: withParams needs centers of shape "
          + Tensor.shapeString(centers.shape()));
    }
    return new KMeansModel(t, settings);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<kmeans model: %d clusters, %d features, inertia %.6g>", k(), d(),
        (Double) settings.get("inertia"));
  }
}
