package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static dev.exp.tensor.Check.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** unique, bincount and histogram against NumPy 2.4.6 values, brute-force counts and their invariants. */
class CountingTest {
  private static final double NAN = Double.NaN;
  // the sample of the histogram tests (pasted into numpy as x)
  private static final double[] X = {0.3, -1.2, 2.5, 0.0, 4.75, 1.1, -0.6, 3.3, 2.5, 0.9, -2.0, 1.75};

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rec(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void uniqueSortsAndMergesAsNumpy() {
    // numpy.unique([3, 1, nan, 3, -0.0, 0, nan], return_counts=True) == ([0, 1, 3, nan], [2, 1, 2, 2]), 0 not -0
    Map<String, Object> r = rec(Counting.unique(Tensor.vector(3, 1, NAN, 3, -0.0, 0, NAN), true));
    close(new int[] {4}, new double[] {0, 1, 3, NAN}, t(r.get("values")), 0);
    assertEquals(0, Double.compare(0.0, t(r.get("values")).at(0)), "the merged zero is +0.0 as NumPy's");
    close(new int[] {4}, new double[] {2, 1, 2, 2}, t(r.get("counts")), 0);
    // a matrix is flattened; no counts gives the values alone
    close(new int[] {3}, new double[] {1, 2, 3},
        t(Counting.unique(Tensor.matrix(new double[][] {{3, 1}, {2, 3}}), false)), 0);
    close(new int[] {0}, new double[0], t(Counting.unique(Tensor.zeros(0), false)), 0);
  }

  @Test
  void uniqueBruteForce() {
    java.util.Random g = new java.util.Random(11);
    for (int trial = 0; trial < 50; trial++) {
      int n = g.nextInt(30);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = g.nextInt(7) - 3;
      }
      Map<String, Object> r = rec(Counting.unique(Tensor.vector(v), true));
      Tensor vals = t(r.get("values"));
      Tensor cnt = t(r.get("counts"));
      double total = 0;
      for (int i = 0; i < vals.size(); i++) {
        if (i > 0) {
          assertTrue(vals.at(i) > vals.at(i - 1), "strictly ascending");
        }
        int c = 0;
        for (double e : v) {
          c += e == vals.at(i) ? 1 : 0;
        }
        assertEquals(c, cnt.at(i), 0, "count of " + vals.at(i));
        total += cnt.at(i);
      }
      assertEquals(n, total, 0, "the counts sum to n");
    }
  }

  @Test
  void bincountMatchesNumpy() {
    // numpy.bincount([0, 1, 1, 3, 2, 1, 7])
    close(new int[] {8}, new double[] {1, 3, 1, 1, 0, 0, 0, 1},
        Counting.bincount(Tensor.vector(0, 1, 1, 3, 2, 1, 7), null, 0), 0);
    // numpy.bincount([2, 2], minlength=5); minlength below max + 1 changes nothing
    close(new int[] {5}, new double[] {0, 0, 2, 0, 0}, Counting.bincount(Tensor.vector(2, 2), null, 5), 0);
    close(new int[] {3}, new double[] {0, 0, 2}, Counting.bincount(Tensor.vector(2, 2), null, 1), 0);
    // numpy.bincount([0, 1, 1, 2], weights=[0.5, 1, 2, -1])
    close(new int[] {3}, new double[] {0.5, 3, -1},
        Counting.bincount(Tensor.vector(0, 1, 1, 2), Tensor.vector(0.5, 1, 2, -1), 0), 0);
    // numpy.bincount([]) is [] and numpy.bincount([], minlength=3) is [0, 0, 0]
    close(new int[] {0}, new double[0], Counting.bincount(Tensor.zeros(0), null, 0), 0);
    close(new int[] {3}, new double[3], Counting.bincount(Tensor.zeros(0), null, 3), 0);
  }

  @Test
  void bincountErrorsNameTheValue() {
    KernelException e = assertThrows(KernelException.class,
        () -> Counting.bincount(Tensor.vector(0, 2, -1), null, 0));
    assertEquals("bincount: x must hold non-negative integers, got -1 at index 2", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.bincount(Tensor.vector(1.5), null, 0));
    assertEquals("bincount: x must hold non-negative integers, got 1.5 at index 0", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.bincount(Tensor.vector(1, NAN), null, 0));
    assertEquals("bincount: x must hold non-negative integers, got nan at index 1", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.bincount(Tensor.zeros(2, 2), null, 0));
    assertEquals("bincount: x must be a vector, got shape [2, 2]", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.bincount(Tensor.vector(1, 2), Tensor.vector(1), 0));
    assertEquals("bincount: weights must be a vector as long as x (2), got shape [1]", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.bincount(Tensor.vector(1), null, -2));
    assertEquals("bincount: minlength must be non-negative, got -2", e.getMessage());
  }

  @Test
  void histogramMatchesNumpyDefaults() {
    // numpy.histogram(x) (10 bins over [min, max])
    Map<String, Object> h = Counting.histogram(Tensor.vector(X), 10.0, null);
    close(new int[] {10}, new double[] {1, 1, 2, 1, 2, 1, 2, 1, 0, 1}, t(h.get("counts")), 0);
    close(new int[] {11}, new double[] {-2.0, -1.325, -0.6499999999999999, 0.025000000000000355, 0.7000000000000002,
        1.375, 2.0500000000000007, 2.7250000000000005, 3.4000000000000004, 4.075, 4.75}, t(h.get("edges")), 0);
  }

  @Test
  void histogramWithRangeAndWithEdges() {
    // numpy.histogram(x, bins=4, range=(-1, 3)): values outside [-1, 3] are dropped, 3 is not in x
    Map<String, Object> h = Counting.histogram(Tensor.vector(X), 4.0, Tensor.vector(-1, 3));
    close(new int[] {4}, new double[] {1, 3, 2, 2}, t(h.get("counts")), 0);
    close(new int[] {5}, new double[] {-1, 0, 1, 2, 3}, t(h.get("edges")), 0);
    // numpy.histogram(x, bins=[-2, 0, 0.9, 2.5, 4.75]): the last bin is closed, so 4.75 counts
    h = Counting.histogram(Tensor.vector(X), Tensor.vector(-2, 0, 0.9, 2.5, 4.75), null);
    close(new int[] {4}, new double[] {3, 2, 3, 4}, t(h.get("counts")), 0);
    // numpy.histogram([0.1, 0.2, 0.3, 0.7], bins=10, range=(0, 1)): bin 2 holds 0.2 and 0.3, because the edge
    // 3 * 0.1 is 0.30000000000000004 > 0.3 (the bins are decided against the edges themselves, as NumPy's)
    h = Counting.histogram(Tensor.vector(0.1, 0.2, 0.3, 0.7), 10.0, Tensor.vector(0, 1));
    close(new int[] {10}, new double[] {0, 1, 2, 0, 0, 0, 1, 0, 0, 0}, t(h.get("counts")), 0);
    // numpy.histogram([5, 5, 5], bins=3): a constant sample spans [v - 0.5, v + 0.5]
    h = Counting.histogram(Tensor.vector(5, 5, 5), 3.0, null);
    close(new int[] {3}, new double[] {0, 3, 0}, t(h.get("counts")), 0);
    close(new int[] {4}, new double[] {4.5, 4.833333333333333, 5.166666666666667, 5.5}, t(h.get("edges")), 0);
    // numpy.histogram([], bins=2): counts [0, 0], edges [0, 0.5, 1]
    h = Counting.histogram(Tensor.zeros(0), 2.0, null);
    close(new int[] {3}, new double[] {0, 0.5, 1}, t(h.get("edges")), 0);
  }

  @Test
  void histogramCountsSumToTheValuesInRange() {
    java.util.Random g = new java.util.Random(5);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + g.nextInt(200);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = g.nextGaussian();
      }
      int bins = 1 + g.nextInt(20);
      Map<String, Object> h = Counting.histogram(Tensor.vector(v), (double) bins, null);
      Tensor c = t(h.get("counts"));
      Tensor e = t(h.get("edges"));
      double sum = 0;
      for (int b = 0; b < bins; b++) {
        // brute force: [e_b, e_b+1), the last closed
        int want = 0;
        for (double x : v) {
          boolean last = b == bins - 1;
          want += x >= e.at(b) && (x < e.at(b + 1) || last && x == e.at(b + 1)) ? 1 : 0;
        }
        assertEquals(want, c.at(b), 0, "bin " + b);
        sum += c.at(b);
      }
      assertEquals(n, sum, 0, "every value is in [min, max]");
      // with a range inside the data, the counts sum to the values inside it
      Map<String, Object> hr = Counting.histogram(Tensor.vector(v), (double) bins, Tensor.vector(-0.5, 0.5));
      int inside = 0;
      for (double x : v) {
        inside += x >= -0.5 && x <= 0.5 ? 1 : 0;
      }
      assertEquals(inside, sum(t(hr.get("counts"))), 0);
    }
  }

  @Test
  void histogramErrors() {
    KernelException e = assertThrows(KernelException.class,
        () -> Counting.histogram(Tensor.vector(1, NAN), 10.0, null));
    assertTrue(e.getMessage().startsWith("histogram: x contains nan, so its range is not finite"), e.getMessage());
    // with an explicit range nan is not counted (numpy drops it too)
    assertEquals(1, t(Counting.histogram(Tensor.vector(1, NAN), 2.0, Tensor.vector(0, 2)).get("counts")).at(1), 0);
    e = assertThrows(KernelException.class, () -> Counting.histogram(Tensor.vector(1), 0.0, null));
    assertEquals("histogram: bins must be a positive integer or a vector of edges, got 0", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.histogram(Tensor.vector(1), 2.5, null));
    assertEquals("histogram: bins must be a positive integer or a vector of edges, got 2.5", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.histogram(Tensor.vector(1), 2.0, Tensor.vector(3, 1)));
    assertEquals("histogram: range must be finite with lo <= hi, got [3, 1]", e.getMessage());
    e = assertThrows(KernelException.class,
        () -> Counting.histogram(Tensor.vector(1), Tensor.vector(0, 2, 1), null));
    assertEquals("histogram: bin edges must not decrease, got 1 after 2 (at index 2)", e.getMessage());
    e = assertThrows(KernelException.class, () -> Counting.histogram(Tensor.vector(1), Tensor.vector(0), null));
    assertEquals("histogram: bins as edges must be a vector of at least 2 values, got shape [1]", e.getMessage());
  }

  private static double sum(Tensor t) {
    double s = 0;
    for (int i = 0; i < t.size(); i++) {
      s += t.at(i);
    }
    return s;
  }
}
