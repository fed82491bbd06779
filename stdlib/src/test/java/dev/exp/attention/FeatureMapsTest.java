package dev.exp.attention;

import static dev.exp.attention.LinearFixtures.fails;
import static dev.exp.attention.LinearFixtures.near;
import static dev.exp.attention.LinearFixtures.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureMapsTest {
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double[] map(double[] x, Object spec) {
    return FeatureMaps.featureMap(Tensor.vector(x), spec).toArray();
  }

  @Test
  void elementwiseMapsByHand() {
    double[] x = {-1, 0, 2};
    assertArrayEquals(new double[] {Math.exp(-1), 1, 3}, map(x, "elu1"), 1e-15);
    assertArrayEquals(new double[] {0, 0, 2}, map(x, "relu"), 0);
    assertArrayEquals(x, map(x, "identity"), 0);
    // works on the last axis of any rank
    Tensor t = Tensor.wrap(new int[] {2, 1, 3}, new double[] {-1, 0, 2, 1, 1, -3});
    Tensor f = FeatureMaps.featureMap(t, "relu");
    assertArrayEquals(new int[] {2, 1, 3}, f.shape());
    assertArrayEquals(new double[] {0, 0, 2, 1, 1, 0}, f.toArray(), 0);
  }

  @Test
  void taylorFeaturesGiveTheSecondOrderPolynomial() {
    Rng rng = new Rng(11);
    for (int d : new int[] {1, 3, 8}) {
      for (int rep = 0; rep < 5; rep++) {
        double[] x = randn(rng, 1, d).toArray();
        double[] y = randn(rng, 1, d).toArray();
        double[] fx = map(x, "taylor2");
        double[] fy = map(y, "taylor2");
        assertEquals(1 + d + d * d, fx.length);
        double s = dot(x, y);
        assertEquals(1 + s + s * s / 2, dot(fx, fy), 1e-12 * (1 + s * s));
      }
    }
  }

  @Test
  void hedgehogByHand() {
    Map<String, Object> hh = new LinkedHashMap<>();
    hh.put("kind", "hedgehog");
    hh.put("W", Tensor.matrix(new double[][] {{1, 0}, {0, 2}}));
    hh.put("b", Tensor.vector(0, 1));
    double[] x = {0.5, -1};
    // W x + b = [0.5, -1]
    double[] e = {Math.exp(0.5), Math.exp(-1), Math.exp(-0.5), Math.exp(1)};
    assertArrayEquals(e, map(x, hh), 1e-15);
    hh.put("kind", "hedgehog_softmax");
    double[] s = map(x, hh);
    double p = e[0] + e[1];
    double m = e[2] + e[3];
    assertArrayEquals(new double[] {e[0] / p, e[1] / p, e[2] / m, e[3] / m}, s, 1e-15);
    hh.remove("b");
    hh.put("kind", "hedgehog");
    assertArrayEquals(new double[] {Math.exp(0.5), Math.exp(-2), Math.exp(-0.5), Math.exp(2)}, map(x, hh), 1e-15);
  }

  /** Mean and standard error of φ(x)·φ(y) over independent weight draws. */
  static double[] estimate(String kind, double[] x, double[] y, int m, int seeds) {
    double sum = 0;
    double sq = 0;
    for (int s = 0; s < seeds; s++) {
      Map<String, Object> rf = FeatureMaps.randomFeatures(x.length, m, kind, new Rng(1000 + s));
      double e = dot(map(x, rf), map(y, rf));
      sum += e;
      sq += e * e;
    }
    double mean = sum / seeds;
    double var = (sq - seeds * mean * mean) / (seeds - 1);
    return new double[] {mean, Math.sqrt(var / seeds)};
  }

  @Test
  void favorPlusIsUnbiasedForExpOfDotProduct() {
    double[][][] pairs = {
        {{0.3, -0.2, 0.1, 0.4}, {0.2, 0.5, -0.3, 0.1}},
        {{0.5, 0.5, 0, 0}, {0.4, 0.3, 0.2, 0.1}},
        {{-0.4, 0.1, 0.3, -0.2}, {0.3, -0.2, -0.1, 0.3}}};
    for (String kind : new String[] {"favor+", "favor+orth"}) {
      for (double[][] p : pairs) {
        double[] est = estimate(kind, p[0], p[1], 8, 3000);
        double truth = Math.exp(dot(p[0], p[1]));
        assertTrue(Math.abs(est[0] - truth) < 3 * est[1],
            kind + ": mean " + est[0] + " vs exp(q·k) = " + truth + " (se " + est[1] + ")");
        assertTrue(est[1] < 0.03 * truth, "the check must be sharp: se " + est[1]);
      }
    }
  }

  @Test
  void favorPlusFeaturesArePositive() {
    Map<String, Object> rf = FeatureMaps.randomFeatures(5, 32, "favor+", new Rng(3));
    Tensor f = FeatureMaps.featureMap(randn(new Rng(4), 2, 20, 5), rf);
    assertArrayEquals(new int[] {20, 32}, f.shape());
    for (double x : f.raw()) {
      assertTrue(x > 0);
    }
  }

  @Test
  void randomFourierFeaturesAreUnbiasedForTheGaussianKernel() {
    double[][][] pairs = {
        {{0.3, -0.2, 0.1}, {0.2, 0.5, -0.3}},
        {{1.0, 0.0, 0.5}, {0.0, 0.2, -0.4}}};
    for (String kind : new String[] {"rff", "rff_orth"}) {
      for (double[][] p : pairs) {
        double[] est = estimate(kind, p[0], p[1], 8, 3000);
        double d2 = 0;
        for (int i = 0; i < 3; i++) {
          d2 += (p[0][i] - p[1][i]) * (p[0][i] - p[1][i]);
        }
        double truth = Math.exp(-d2 / 2);
        assertTrue(Math.abs(est[0] - truth) < 3 * est[1],
            kind + ": mean " + est[0] + " vs exp(-|x-y|^2/2) = " + truth + " (se " + est[1] + ")");
        assertTrue(est[1] < 0.02, "the check must be sharp: se " + est[1]);
      }
    }
  }

  @Test
  void rffOfAPointWithItselfHasTheRightScale() {
    // φ(x)·φ(x) = (2/m) Σ cos²(w·x + b), mean 1 = k(x, x); with many features it is close to 1
    Map<String, Object> rf = FeatureMaps.randomFeatures(3, 20000, "rff", new Rng(5));
    double[] f = map(new double[] {0.3, 0.1, -0.7}, rf);
    assertEquals(1, dot(f, f), 0.03);
  }

  @Test
  void orthogonalBlocksHaveOrthogonalRowsAndChiNorms() {
    int d = 6;
    int m = 15; // blocks of 6, 6, 3 rows
    double sumSq = 0;
    double sumNorm = 0;
    int rows = 0;
    for (int s = 0; s < 400; s++) {
      Tensor w = (Tensor) FeatureMaps.randomFeatures(d, m, "favor+orth", new Rng(s)).get("W");
      assertArrayEquals(new int[] {m, d}, w.shape());
      double[][] ww = w.toMatrix();
      for (int i = 0; i < m; i++) {
        double ni = Math.sqrt(dot(ww[i], ww[i]));
        sumSq += ni * ni;
        sumNorm += ni;
        rows++;
        for (int j = 0; j < i; j++) {
          if (i / d == j / d) {
            double cos = dot(ww[i], ww[j]) / (ni * Math.sqrt(dot(ww[j], ww[j])));
            assertEquals(0, cos, 1e-13, "rows " + i + ", " + j + " of one block");
          }
        }
      }
    }
    // squared norms are chi-squared with d degrees of freedom: mean d, variance 2d
    double se = Math.sqrt(2.0 * d / rows);
    assertEquals(d, sumSq / rows, 3 * se);
    // E chi_d = sqrt(2) Γ((d+1)/2) / Γ(d/2); for d = 6: sqrt(2) Γ(3.5)/Γ(3) = sqrt(2) * 3.3233509704/2
    double chiMean = Math.sqrt(2) * (15 * Math.sqrt(Math.PI) / 8) / 2;
    assertEquals(chiMean, sumNorm / rows, 3 * Math.sqrt((d - chiMean * chiMean) / rows));
    assertEquals(Math.sqrt(d), sumNorm / rows, 0.15);
  }

  @Test
  void gaussianWeightsHaveUnitVarianceAndRffPhasesAreInRange() {
    Map<String, Object> rf = FeatureMaps.randomFeatures(10, 2000, "rff", new Rng(6));
    double[] w = ((Tensor) rf.get("W")).raw();
    double s = 0;
    double sq = 0;
    for (double x : w) {
      s += x;
      sq += x * x;
    }
    assertEquals(0, s / w.length, 3 / Math.sqrt(w.length));
    assertEquals(1, sq / w.length, 3 * Math.sqrt(2.0 / w.length));
    for (double b : ((Tensor) rf.get("b")).raw()) {
      assertTrue(b >= 0 && b < 2 * Math.PI);
    }
    assertEquals(10.0, rf.get("d"));
    assertEquals(2000.0, rf.get("m"));
  }

  @Test
  void sameSeedSameWeightsSoQueriesAndKeysShareThem() {
    Tensor a = (Tensor) FeatureMaps.randomFeatures(4, 8, "favor+orth", new Rng(7)).get("W");
    Tensor b = (Tensor) FeatureMaps.randomFeatures(4, 8, "favor+orth", new Rng(7)).get("W");
    Tensor c = (Tensor) FeatureMaps.randomFeatures(4, 8, "favor+orth", new Rng(8)).get("W");
    assertArrayEquals(a.raw(), b.raw(), 0);
    assertTrue(LinearFixtures.maxDiff(a, c) > 0.1);
  }

  @Test
  void favorLinearAttentionApproachesSoftmaxAttentionWithManyFeatures() {
    // with x scaled by d^(-1/4), FAVOR+ linear attention estimates softmax(q·k/√d) attention
    Rng rng = new Rng(9);
    int d = 4;
    Tensor q = randn(rng, 0.5, 8, d);
    Tensor k = randn(rng, 0.5, 8, d);
    Tensor v = randn(rng, 1, 8, 2);
    double[][] exact = LinearAttentionTest.softmaxAttention(q.toMatrix(), k.toMatrix(), v.toMatrix());
    double s = Math.pow(d, -0.25);
    Map<String, Object> rf = FeatureMaps.randomFeatures(d, 20000, "favor+orth", new Rng(10));
    Tensor o = LinearAttention.linear(q.map(x -> x * s), k.map(x -> x * s), v, rf, false, "parallel", true, null, 64);
    near(exact, o, 0.02, "FAVOR+ with 20000 features");
  }

  @Test
  void clearErrors() {
    Tensor x = Tensor.zeros(3, 4);
    fails(() -> FeatureMaps.featureMap(x, "favor+"), "attention.feature_map", "random_features");
    fails(() -> FeatureMaps.featureMap(x, "gelu"), "unknown feature map \"gelu\"");
    Map<String, Object> rf = FeatureMaps.randomFeatures(5, 8, "favor+", new Rng(1));
    fails(() -> FeatureMaps.featureMap(x, rf), "W of shape [8, 5]", "d = 4");
    Map<String, Object> bad = new LinkedHashMap<>(FeatureMaps.randomFeatures(4, 8, "rff", new Rng(1)));
    bad.remove("b");
    fails(() -> FeatureMaps.featureMap(x, bad), "needs phases b");
    bad.put("kind", "cosine");
    fails(() -> FeatureMaps.featureMap(x, bad), "unknown feature-map kind");
    fails(() -> FeatureMaps.randomFeatures(4, 8, "gauss", new Rng(1)), "unknown kind \"gauss\"");
    fails(() -> FeatureMaps.randomFeatures(0, 8, "favor+", new Rng(1)), "d and m must be >= 1");
    fails(() -> FeatureMaps.featureMap(Tensor.scalar(1), "relu"), "at least one dimension");
    fails(() -> FeatureMaps.featureMap(Tensor.vector(1, Double.NaN), "relu"), "nan");
  }
}
