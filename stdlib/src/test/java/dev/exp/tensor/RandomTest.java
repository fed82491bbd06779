package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTest {
  static final int N = 200_000;

  /** Asserts the sample mean is within 5 standard errors of mu. */
  static void meanWithin(double[] x, double mu, double sigma) {
    double m = Arrays.stream(x).average().orElseThrow();
    double se = sigma / Math.sqrt(x.length);
    assertTrue(Math.abs(m - mu) < 5 * se, "mean " + m + " vs " + mu + " (se " + se + ")");
  }

  static double variance(double[] x) {
    double m = Arrays.stream(x).average().orElseThrow();
    return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
  }

  @Test
  void fixedSeedIsDeterministic() {
    assertEquals(Random.randn(new int[] {50}, new Rng(42)), Random.randn(new int[] {50}, new Rng(42)));
    assertEquals(Random.rand(new int[] {3, 4}, new Rng(1)), Random.rand(new int[] {3, 4}, new Rng(1)));
    assertEquals(Random.permutation(20.0, new Rng(9)), Random.permutation(20.0, new Rng(9)));
    assertNotEquals(Random.rand(new int[] {5}, new Rng(1)), Random.rand(new int[] {5}, new Rng(2)));
  }

  @Test
  void uniformMoments() {
    double[] x = Random.rand(new int[] {N}, new Rng(3)).raw();
    assertTrue(Arrays.stream(x).allMatch(v -> v >= 0 && v < 1));
    meanWithin(x, 0.5, Math.sqrt(1.0 / 12));
    assertEquals(1.0 / 12, variance(x), 0.002);
    double[] u = ((Tensor) Random.uniform(-2, 4, new int[] {N}, new Rng(4))).raw();
    assertTrue(Arrays.stream(u).allMatch(v -> v >= -2 && v < 4));
    meanWithin(u, 1, 6 / Math.sqrt(12));
    assertTrue(Random.uniform(0, 1, null, new Rng(4)) instanceof Double);
  }

  @Test
  void normalMoments() {
    double[] x = Random.randn(new int[] {N}, new Rng(5)).raw();
    meanWithin(x, 0, 1);
    // variance of the sample variance for a normal: 2 sigma^4 / (n - 1)
    assertEquals(1, variance(x), 5 * Math.sqrt(2.0 / N));
    double[] y = ((Tensor) Random.normal(3, 2, new int[] {N}, new Rng(6))).raw();
    meanWithin(y, 3, 2);
    assertEquals(4, variance(y), 5 * 4 * Math.sqrt(2.0 / N));
  }

  @Test
  void randintRangeAndFrequencies() {
    double[] x = ((Tensor) Random.randint(-3, 3.0, new int[] {60_000}, new Rng(7))).raw();
    int[] counts = new int[6];
    for (double v : x) {
      assertEquals(Math.rint(v), v);
      assertTrue(v >= -3 && v < 3);
      counts[(int) v + 3]++;
    }
    // each count ~ Binomial(60000, 1/6): sd ~ 91
    for (int c : counts) {
      assertEquals(10_000, c, 5 * 91.3);
    }
    double one = (Double) Random.randint(5, null, null, new Rng(1));
    assertTrue(one >= 0 && one < 5);
    assertThrows(KernelException.class, () -> Random.randint(3, 3.0, null, new Rng(1)));
    assertThrows(KernelException.class, () -> Random.randint(0.5, 3.0, null, new Rng(1)));
  }

  @Test
  void permutationIsAPermutation() {
    Tensor p = (Tensor) Random.permutation(100.0, new Rng(8));
    double[] s = p.toArray();
    Arrays.sort(s);
    for (int i = 0; i < 100; i++) {
      assertEquals(i, s[i]);
    }
    // rows of a matrix are permuted as wholes
    Tensor m = Shapes.reshape(Creation.arange(12, null, 1), new int[] {4, 3});
    Tensor q = (Tensor) Random.permutation(m, new Rng(2));
    Set<Double> firsts = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      double a = q.get(i, 0);
      assertEquals(a + 1, q.get(i, 1));
      assertEquals(a + 2, q.get(i, 2));
      firsts.add(a);
    }
    assertEquals(Set.of(0.0, 3.0, 6.0, 9.0), firsts);
    List<?> l = (List<?>) Random.permutation(List.of("a", "b", "c"), new Rng(1));
    assertEquals(Set.of("a", "b", "c"), new HashSet<>(l));
  }

  @Test
  void choiceWithProbabilities() {
    Tensor p = Tensor.vector(0.1, 0.0, 0.6, 0.3);
    double[] x = ((Tensor) Random.choice(4.0, new int[] {100_000}, true, p, new Rng(11))).raw();
    int[] c = new int[4];
    for (double v : x) {
      c[(int) v]++;
    }
    assertEquals(0, c[1]);
    for (int i = 0; i < 4; i++) {
      double pi = p.at(i);
      double sd = Math.sqrt(100_000 * pi * (1 - pi));
      assertEquals(100_000 * pi, c[i], 5 * sd + 1e-9);
    }
  }

  @Test
  void choiceWithoutReplacement() {
    for (int seed = 0; seed < 20; seed++) {
      double[] x = ((Tensor) Random.choice(10.0, new int[] {10}, false, null, new Rng(seed))).toArray();
      Arrays.sort(x);
      assertArrayEquals(Creation.arange(10, null, 1).raw(), x);
      double[] y = ((Tensor) Random.choice(5.0, new int[] {3}, false, Tensor.vector(0.2, 0.2, 0.2, 0.2, 0.2), new Rng(seed))).raw();
      assertEquals(3, Arrays.stream(y).distinct().count());
    }
    assertThrows(KernelException.class, () -> Random.choice(3.0, new int[] {4}, false, null, new Rng(1)));
    assertThrows(KernelException.class, () -> Random.choice(3.0, new int[] {1}, true, Tensor.vector(0.5, 0.2, 0.2), new Rng(1)));
    // without replacement, weighted: the first draw follows p
    int hits = 0;
    for (int seed = 0; seed < 4000; seed++) {
      double[] y = ((Tensor) Random.choice(3.0, new int[] {2}, false, Tensor.vector(0.7, 0.2, 0.1), new Rng(seed))).raw();
      hits += y[0] == 0 ? 1 : 0;
    }
    assertEquals(2800, hits, 5 * Math.sqrt(4000 * 0.21));
  }

  @Test
  void choiceFromTensorAndList() {
    Tensor v = Tensor.vector(10, 20, 30);
    Object one = Random.choice(v, null, true, null, new Rng(1));
    assertTrue(List.of(10.0, 20.0, 30.0).contains(one));
    Object s = Random.choice(List.of("x", "y"), new int[] {5}, true, null, new Rng(1));
    assertEquals(5, ((List<?>) s).size());
  }

  @Test
  void dirichlet() {
    Tensor alpha = Tensor.vector(1, 2, 7);
    Tensor d = Random.dirichlet(alpha, new int[] {20_000}, new Rng(12));
    assertArrayEquals(new int[] {20_000, 3}, d.shape());
    double[] a = d.raw();
    double[] m = new double[3];
    for (int i = 0; i < 20_000; i++) {
      assertEquals(1, a[3 * i] + a[3 * i + 1] + a[3 * i + 2], 1e-12);
      for (int j = 0; j < 3; j++) {
        m[j] += a[3 * i + j] / 20_000;
      }
    }
    // E[X_j] = alpha_j / 10; Var = a_j (10 - a_j) / (10^2 * 11)
    for (int j = 0; j < 3; j++) {
      double aj = alpha.at(j);
      double sd = Math.sqrt(aj * (10 - aj) / (100.0 * 11) / 20_000);
      assertEquals(aj / 10, m[j], 5 * sd);
    }
    assertArrayEquals(new int[] {3}, Random.dirichlet(alpha, null, new Rng(1)).shape());
    assertThrows(KernelException.class, () -> Random.dirichlet(Tensor.vector(1, 0), null, new Rng(1)));
  }
}
