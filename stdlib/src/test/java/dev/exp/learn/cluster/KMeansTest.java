package dev.exp.learn.cluster;

import static dev.exp.learn.UnsupReference.expected;
import static dev.exp.learn.UnsupReference.input;
import static dev.exp.learn.UnsupReference.matches;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class KMeansTest {
  static KMeansModel fit(Tensor x, int k, Object init, int nInit, int maxIter, double tol, long seed) {
    return KMeans.kmeans(x, k, init, nInit, maxIter, tol, new Rng(seed), KernelContext.NONE);
  }

  static void nonIncreasing(Tensor h) {
    double[] v = h.raw();
    for (int i = 1; i < v.length; i++) {
      assertTrue(v[i] <= v[i - 1] * (1 + 1e-12), "inertia increased at iteration " + i + ": " + v[i - 1] + " -> " + v[i]);
    }
  }

  @Test
  void matchesScikitLearnFromTheSameCentres() {
    Tensor x = input("kmeans_X");
    KMeansModel m = fit(x, 3, input("kmeans_init"), 1, 300, 1e-4, 0);
    matches("kmeans_centers", (Tensor) m.field("centers"), 1e-10);
    matches("kmeans_labels", (Tensor) m.field("labels"), 0);
    matches("kmeans_inertia", (Double) m.field("inertia"), 1e-10);
    matches("kmeans_n_iter", (Double) m.field("iterations"), 0);
    matches("kmeans_transform", Tensor.wrap(new int[] {5, 3}, java.util.Arrays.copyOf(m.transform(x).raw(), 15)), 1e-10);
    matches("kmeans_score", m.score(x, null), 1e-10);
    assertArrayEquals(((Tensor) m.field("labels")).raw(), m.predict(x).raw());
    nonIncreasing((Tensor) m.field("inertia_history"));
    assertEquals(true, m.field("converged"));
  }

  @Test
  void manyIterationsWithZeroTolerance() {
    KMeansModel m = fit(input("kmeans_uniform_X"), 7, input("kmeans_uniform_init"), 1, 500, 0, 0);
    matches("kmeans_uniform_centers", (Tensor) m.field("centers"), 1e-9);
    matches("kmeans_uniform_inertia", (Double) m.field("inertia"), 1e-10);
    matches("kmeans_uniform_n_iter", (Double) m.field("iterations"), 0);
    Tensor h = (Tensor) m.field("inertia_history");
    nonIncreasing(h);
    assertEquals("labels unchanged", m.field("reason"));
  }

  @Test
  void scalarAndVectorDistanceKernelsRunTheSameLloydIterations() {
    // the same run from the same centres on both kernels: identical labels, centres and inertia history
    Tensor x = input("kmeans_uniform_X");
    double[] init = input("kmeans_uniform_init").raw();
    int n = x.dim(0);
    int d = x.dim(1);
    dev.exp.learn.distance.DistanceKernel v = dev.exp.learn.distance.DistanceKernel.vectorOrNull();
    org.junit.jupiter.api.Assertions.assertNotNull(v);
    Lloyd.Run a = new Lloyd(x.raw(), n, d, 7, dev.exp.learn.distance.DistanceKernel.scalar())
        .run(init, 500, 0, KernelContext.NONE);
    Lloyd.Run b = new Lloyd(x.raw(), n, d, 7, v).run(init, 500, 0, KernelContext.NONE);
    assertArrayEquals(a.labels(), b.labels());
    assertArrayEquals(a.centers(), b.centers(), 0);
    assertArrayEquals(a.history(), b.history(), 0);
    assertEquals(a.iterations(), b.iterations());
    matches("kmeans_uniform_inertia", a.inertia(), 1e-10);
  }

  @Test
  void plusPlusAndRandomFindTheSeparatedClusters() {
    // three tight, far-apart clusters: every sensible init finds them; inertia = within-cluster scatter
    double[][] rows = new double[30][];
    for (int i = 0; i < 30; i++) {
      int c = i / 10;
      rows[i] = new double[] {10 * c + 0.01 * (i % 10), -5 * c + 0.02 * (i % 3)};
    }
    Tensor x = Tensor.matrix(rows);
    double scatter = 0;
    for (int c = 0; c < 3; c++) {
      double mx = 0;
      double my = 0;
      for (int i = 10 * c; i < 10 * c + 10; i++) {
        mx += rows[i][0] / 10;
        my += rows[i][1] / 10;
      }
      for (int i = 10 * c; i < 10 * c + 10; i++) {
        scatter += Math.pow(rows[i][0] - mx, 2) + Math.pow(rows[i][1] - my, 2);
      }
    }
    for (String init : new String[] {"k-means++", "random"}) {
      KMeansModel m = fit(x, 3, init, 10, 100, 1e-4, 7);
      assertEquals(scatter, (Double) m.field("inertia"), 1e-9, init);
      double[] lab = ((Tensor) m.field("labels")).raw();
      for (int i = 0; i < 30; i++) {
        assertEquals(lab[(i / 10) * 10], lab[i], init + " row " + i);
      }
      assertEquals(m.summary(), fit(x, 3, init, 10, 100, 1e-4, 7).summary(), "deterministic given seed");
    }
  }

  @Test
  void emptyClusterIsRefilled() {
    // a centre far from every point gets the farthest point instead of staying empty
    Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {5, 5}, {5, 6}});
    Tensor init = Tensor.matrix(new double[][] {{0, 0.5}, {5, 5.5}, {100, 100}});
    KMeansModel m = fit(x, 3, init, 1, 50, 0, 0);
    double[] lab = ((Tensor) m.field("labels")).raw();
    java.util.Set<Double> used = new java.util.HashSet<>();
    for (double l : lab) {
      used.add(l);
    }
    assertEquals(3, used.size());
    assertEquals(0.5, (Double) m.field("inertia"), 1e-12);
  }

  @Test
  void errorsNameTheProblem() {
    Tensor x = Tensor.matrix(new double[][] {{0, 0}, {1, 1}});
    KernelException e = assertThrows(KernelException.class, () -> fit(x, 3, "k-means++", 1, 10, 0, 0));
    assertTrue(e.getMessage().contains("k = 3") && e.getMessage().contains("2 rows"), e.getMessage());
    e = assertThrows(KernelException.class, () -> fit(x, 2, "kmeans", 1, 10, 0, 0));
    assertTrue(e.getMessage().contains("init must be"), e.getMessage());
    e = assertThrows(KernelException.class, () -> fit(x, 2, Tensor.zeros(3, 2), 1, 10, 0, 0));
    assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[3, 2]"), e.getMessage());
    KMeansModel m = fit(x, 2, "random", 1, 10, 0, 0);
    e = assertThrows(KernelException.class, () -> m.predict(Tensor.zeros(4, 3)));
    assertTrue(e.getMessage().contains("2 features") && e.getMessage().contains("[4, 3]"), e.getMessage());
    assertEquals(expected("kmeans_n_iter").rank(), 0);
  }
}
