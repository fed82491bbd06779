package dev.exp.learn.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.learn.Ref;
import dev.exp.learn.linear.KernelRidge;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RandomFeaturesTest {
  private static final Tensor PTS = Tensor.wrap(new int[] {3, 2}, new double[] {0, 0, 0.5, -0.3, 1.0, 0.8});

  @Test
  void rffInnerProductsApproximateTheRbfKernel() {
    int big = 40000;
    RandomFeatures f = RandomFeatures.fit(PTS, big, "rff", 0.7, new Rng(4));
    double[] z = f.transform(PTS).raw();
    double[] p = PTS.raw();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double dot = 0;
        for (int j = 0; j < big; j++) {
          dot += z[a * big + j] * z[b * big + j];
        }
        double dx = p[2 * a] - p[2 * b];
        double dy = p[2 * a + 1] - p[2 * b + 1];
        // each product term has variance ≤ 2/D·(1 + k²)/2: 5 standard errors ≈ 0.035
        assertEquals(Math.exp(-0.7 * (dx * dx + dy * dy)), dot, 0.035, a + "," + b);
      }
    }
  }

  @Test
  void reluInnerProductsApproximateTheArcCosineKernel() {
    int big = 40000;
    double gamma = 1.3;
    RandomFeatures f = RandomFeatures.fit(PTS, big, "relu", gamma, new Rng(9));
    double[] z = f.transform(PTS).raw();
    double[] p = PTS.raw();
    for (int a = 1; a < 3; a++) {
      for (int b = 1; b < 3; b++) {
        double dot = 0;
        for (int j = 0; j < big; j++) {
          dot += z[a * big + j] * z[b * big + j];
        }
        double na = Math.hypot(p[2 * a], p[2 * a + 1]);
        double nb = Math.hypot(p[2 * b], p[2 * b + 1]);
        double cos = Math.max(-1, Math.min(1, (p[2 * a] * p[2 * b] + p[2 * a + 1] * p[2 * b + 1]) / (na * nb)));
        double th = Math.acos(cos);
        double k = gamma * na * nb * (Math.sin(th) + (Math.PI - th) * cos) / (2 * Math.PI);
        assertEquals(k, dot, 0.03 * Math.max(1, k), a + "," + b);
      }
    }
  }

  @Test
  void manyFeaturesApproachKernelRidge() {
    Tensor x = Ref.in("reg_X");
    Tensor y = Ref.in("reg_y");
    Tensor q = Ref.in("reg_Xq");
    double[] krr = KernelRidge.fit(x, y, 0.5, "rbf", 0.2, 3, 1).predict(q).raw();
    double[] rf = RandomFeatureRidge.fit(x, y, 8000, 0.5, "rff", 0.2, false, new Rng(3)).predict(q).raw();
    double scale = 0;
    for (double v : krr) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < krr.length; i++) {
      assertEquals(krr[i], rf[i], 0.1 * scale, "query " + i);
    }
  }
}
