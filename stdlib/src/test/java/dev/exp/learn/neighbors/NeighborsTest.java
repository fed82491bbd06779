package dev.exp.learn.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.learn.Ref;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighborsTest {
  @Test
  void nearestEqualsBruteForceWithTiesBrokenByIndex() {
    // integer grid points: many exact distance ties; more rows than one reference block
    Rng rng = new Rng(7);
    int n = 2500;
    int m = 300;
    int d = 3;
    double[] ref = new double[n * d];
    double[] q = new double[m * d];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = rng.nextInt(6);
    }
    for (int i = 0; i < q.length; i++) {
      q[i] = rng.nextInt(6);
    }
    int k = 7;
    Map<String, Object> r = Neighbors.nearest(Tensor.wrap(new int[] {n, d}, ref), Tensor.wrap(new int[] {m, d}, q), k);
    double[] idx = ((Tensor) r.get("indices")).raw();
    double[] dist = ((Tensor) r.get("distances")).raw();
    for (int i = 0; i < m; i++) {
      double[] d2 = new double[n];
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          double v = q[i * d + c] - ref[j * d + c];
          s += v * v;
        }
        d2[j] = s;
        order[j] = j;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> d2[j]).thenComparingInt(j -> j));
      for (int t = 0; t < k; t++) {
        assertEquals(order[t], (int) idx[i * k + t], "query " + i + " neighbour " + t);
        assertEquals(Math.sqrt(d2[order[t]]), dist[i * k + t], 0);
      }
    }
  }

  @Test
  void scalarAndVectorSearchesAgreeWithBruteForce() {
    // several query blocks (parallel), reference rows past one cache chunk, k not a power of two
    Rng rng = new Rng(9);
    int n = 2300;
    int m = 70;
    int d = 5;
    int k = 3;
    double[] ref = new double[n * d];
    double[] q = new double[m * d];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = rng.nextDouble() * 2 - 1;
    }
    for (int i = 0; i < q.length; i++) {
      q[i] = rng.nextDouble() * 2 - 1;
    }
    dev.exp.learn.distance.DistanceKernel v = dev.exp.learn.distance.DistanceKernel.vectorOrNull();
    org.junit.jupiter.api.Assertions.assertNotNull(v);
    NeighborSearch.Result a = NeighborSearch.search(dev.exp.learn.distance.DistanceKernel.scalar(), ref, n, q, m, d, k);
    NeighborSearch.Result b = NeighborSearch.search(v, ref, n, q, m, d, k);
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.indices(), b.indices());
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.distances(), b.distances(), 0);
    for (int i = 0; i < m; i++) {
      double[] d2 = new double[n];
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        for (int c = 0; c < d; c++) {
          double e = q[i * d + c] - ref[j * d + c];
          d2[j] += e * e;
        }
        order[j] = j;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> d2[j]).thenComparingInt(j -> j));
      for (int t = 0; t < k; t++) {
        assertEquals(order[t], a.indices()[i * k + t], "query " + i + " neighbour " + t);
        assertEquals(Math.sqrt(d2[order[t]]), a.distances()[i * k + t], 1e-15);
      }
    }
  }

  @Test
  void knnMatchesScikitLearn() {
    Tensor x = Ref.in("clf_Xm");
    Tensor y = Ref.in("clf_ym");
    Tensor q = Ref.in("clf_Xq");
    KnnModel m = Neighbors.classifier(x, y, 5, "uniform");
    Ref.close("knn_proba", m.predictProba(q), 1e-12);
    Ref.close("knn_pred", m.predict(q), 0);
    Ref.close("knn_dist_proba", Neighbors.classifier(x, y, 4, "distance").predictProba(q), 1e-12);
    Ref.close("knnr_pred", Neighbors.regressor(Ref.in("reg_X"), Ref.in("reg_y"), 3, "distance").predict(Ref.in("reg_Xq")),
        1e-12);
    // a training point is its own nearest neighbour: 1-NN fits the training labels exactly
    assertEquals(1.0, Neighbors.classifier(x, y, 1, "uniform").score(x, y));
  }

  @Test
  void nadarayaWatsonClosedFormsAndInterpolation() {
    Tensor x = Tensor.wrap(new int[] {3, 1}, new double[] {0, 1, 3});
    Tensor y = Tensor.vector(1, 2, 5);
    Tensor q = Tensor.wrap(new int[] {2, 1}, new double[] {0.5, 1});
    double[] g = NadarayaWatson.fit(x, y, 1, "gaussian", null, "regression").predict(q).raw();
    double w0 = Math.exp(-0.125);
    double w1 = Math.exp(-0.125);
    double w2 = Math.exp(-0.5 * 6.25);
    assertEquals((w0 * 1 + w1 * 2 + w2 * 5) / (w0 + w1 + w2), g[0], 1e-14);
    double[] e = NadarayaWatson.fit(x, y, 1.5, "epanechnikov", null, "regression").predict(q).raw();
    double a = 1 - (0.5 / 1.5) * (0.5 / 1.5);
    assertEquals((a * 1 + a * 2) / (2 * a), e[0], 1e-14);
    // the singular kernel interpolates: at a training point it returns that point's label
    double[] s = NadarayaWatson.fit(x, y, 1, "singular", 2.0, "regression").predict(q).raw();
    assertEquals(2, s[1], 0);
    double u0 = Math.pow(0.5, -2);
    double u2 = Math.pow(2.5, -2);
    assertEquals((u0 * 1 + u0 * 2 + u2 * 5) / (2 * u0 + u2), s[0], 1e-14);
    // boxcar with an empty window falls back to the nearest point
    double[] b = NadarayaWatson.fit(x, y, 0.1, "boxcar", null, "regression").predict(
        Tensor.wrap(new int[] {1, 1}, new double[] {2.2})).raw();
    assertEquals(5, b[0], 0);
    NadarayaWatson c = NadarayaWatson.fit(x, Tensor.vector(0, 0, 1), 1, "singular", 1.0, "classification");
    assertEquals(0, c.predict(Tensor.wrap(new int[] {1, 1}, new double[] {1.2})).raw()[0]);
  }

  @Test
  void errorsNameK() {
    KernelException e = assertThrows(KernelException.class,
        () -> Neighbors.nearest(Tensor.zeros(3, 2), Tensor.zeros(1, 2), 4));
    assertTrue(e.getMessage().contains("k must be between 1 and the number of reference rows (3)"), e.getMessage());
  }
}
