package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.stats.Stats;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The primitive sorting, selection and scan kernels against brute force (a stable insertion sort by
 * Double.compare, plain loops) on small random inputs full of ties, nans (two payloads), ±0.0 and
 * ±inf, along every axis, at lengths that take both the comparison and the radix paths. Values are
 * compared bit for bit.
 */
class SortingBruteForceTest {
  static final double NAN2 = Double.longBitsToDouble(0x7ff8000000000123L); // a nan with another payload
  static final double[] SPECIAL = {Double.NaN, NAN2, -0.0, 0.0, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 1e-300, -1e300};

  /** Random values: small integers (ties), halves, specials, or any double bits. */
  static double[] values(int n, SplittableRandom r) {
    int mode = r.nextInt(3);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(10);
      if (mode == 0 || c < 5) {
        v[i] = r.nextInt(7) - 3 + (mode == 1 ? r.nextInt(2) * 0.5 : 0);
      } else if (c < 8) {
        v[i] = SPECIAL[r.nextInt(SPECIAL.length)];
      } else {
        v[i] = mode == 2 ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian();
      }
    }
    return v;
  }

  /** Stable order of v by Double.compare (descending: reversed comparison, still stable). */
  static int[] bruteOrder(double[] v, boolean descending) {
    int n = v.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      int j = i;
      while (j > 0) {
        int c = Double.compare(v[idx[j - 1]], v[i]);
        if (descending ? c < 0 : c > 0) {
          idx[j] = idx[j - 1];
          j--;
        } else {
          break;
        }
      }
      idx[j] = i;
    }
    return idx;
  }

  /** Lane j of x along axis (j counts the other positions in row-major order). */
  static double[] lane(Tensor x, int axis, int j) {
    TensorArgs.Lanes l = TensorArgs.Lanes.of(x.shape(), axis);
    double[] a = x.toArray();
    double[] out = new double[l.n()];
    for (int i = 0; i < l.n(); i++) {
      out[i] = a[l.start(j) + i * l.stride()];
    }
    return out;
  }

  static void assertBits(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
          what + " at " + i + ": expected " + expected[i] + ", got " + actual[i]);
    }
  }

  static final int[][] SHAPES = {{1}, {5}, {47}, {48}, {300}, {511}, {512}, {1500}, {3, 7}, {4, 60},
      {2, 700, 3}, {3, 4, 2}, {0}, {2, 0}};

  @Test
  void sortArgsortTopkAlongEveryAxis() {
    SplittableRandom r = new SplittableRandom(11);
    for (int[] shape : SHAPES) {
      for (int rep = 0; rep < 3; rep++) {
        Tensor x = Tensor.wrap(shape, values(TensorArgs.prod(shape, 0, shape.length), r));
        for (int axis = 0; axis < shape.length; axis++) {
          TensorArgs.Lanes l = TensorArgs.Lanes.of(shape, axis);
          int n = shape[axis];
          int[] ks = {0, 1, Math.min(3, n), n / 2, n, Math.min(n, 10)};
          for (boolean desc : new boolean[] {false, true}) {
            Tensor s = Sorting.sort(x, axis, desc);
            Tensor a = Sorting.argsort(x, axis, desc);
            assertArrayEquals(shape, s.shape());
            assertArrayEquals(shape, a.shape());
            for (int j = 0; j < l.count(); j++) {
              double[] v = lane(x, axis, j);
              int[] ord = bruteOrder(v, desc);
              double[] sv = new double[n];
              double[] av = new double[n];
              for (int i = 0; i < n; i++) {
                sv[i] = v[ord[i]];
                av[i] = ord[i];
              }
              String what = Arrays.toString(shape) + " axis " + axis + " desc " + desc + " lane " + j;
              assertBits(sv, lane(s, axis, j), "sort " + what);
              assertBits(av, lane(a, axis, j), "argsort " + what);
            }
          }
          for (int k : ks) {
            if (k < 0 || k > n) {
              continue;
            }
            Map<String, Object> t = Sorting.topk(x, k, axis);
            Tensor tv = (Tensor) t.get("values");
            Tensor ti = (Tensor) t.get("indices");
            assertArrayEquals(TensorArgs.withAxis(shape, axis, k), tv.shape());
            assertArrayEquals(TensorArgs.withAxis(shape, axis, k), ti.shape());
            if (k == 0) {
              continue;
            }
            for (int j = 0; j < l.count(); j++) {
              double[] v = lane(x, axis, j);
              int[] ord = bruteOrder(v, true);
              double[] ev = new double[k];
              double[] ei = new double[k];
              for (int i = 0; i < k; i++) {
                ev[i] = v[ord[i]];
                ei[i] = ord[i];
              }
              String what = Arrays.toString(shape) + " axis " + axis + " k " + k + " lane " + j;
              assertBits(ev, lane(tv, axis, j), "topk values " + what);
              assertBits(ei, lane(ti, axis, j), "topk indices " + what);
            }
          }
        }
      }
    }
  }

  @Test
  void topkHeapPathOnLongLanes() {
    SplittableRandom r = new SplittableRandom(5);
    for (int rep = 0; rep < 20; rep++) {
      int n = 50 + r.nextInt(3000);
      double[] v = values(n, r);
      if (rep % 4 == 0) {
        Arrays.sort(v); // ascending input: every element enters the heap
      }
      int k = 1 + r.nextInt(Math.max(1, n / 16));
      Map<String, Object> t = Sorting.topk(Tensor.vector(v), k, -1);
      int[] ord = bruteOrder(v, true);
      double[] ev = new double[k];
      double[] ei = new double[k];
      for (int i = 0; i < k; i++) {
        ev[i] = v[ord[i]];
        ei[i] = ord[i];
      }
      assertBits(ev, ((Tensor) t.get("values")).toArray(), "topk values n " + n + " k " + k);
      assertBits(ei, ((Tensor) t.get("indices")).toArray(), "topk indices n " + n + " k " + k);
    }
    assertThrows(KernelException.class, () -> Sorting.topk(Tensor.vector(1, 2), 3, -1));
  }

  @Test
  void nanOrderAndSignedZeros() {
    Tensor x = Tensor.vector(0.0, Double.NaN, -0.0, 2, NAN2, -1, 0.0);
    assertBits(new double[] {-1, -0.0, 0.0, 0.0, 2, Double.NaN, NAN2}, Sorting.sort(x, -1, false).toArray(), "asc");
    assertBits(new double[] {Double.NaN, NAN2, 2, 0.0, 0.0, -0.0, -1}, Sorting.sort(x, -1, true).toArray(), "desc");
    assertArrayEquals(new double[] {5, 2, 0, 6, 3, 1, 4}, Sorting.argsort(x, -1, false).toArray());
    assertArrayEquals(new double[] {1, 4, 3, 0, 6, 2, 5}, Sorting.argsort(x, -1, true).toArray());
  }

  @Test
  void keysOrderAsDoubleCompare() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 20000; i++) {
      double a = values(1, r)[0];
      double b = values(1, r)[0];
      assertEquals(Integer.signum(Double.compare(a, b)), Long.signum(Long.compare(Sorting.key(a), Sorting.key(b))),
          a + " vs " + b);
      if (!Double.isNaN(a)) {
        assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(Sorting.unkey(Sorting.key(a))));
      }
    }
  }

  @Test
  void selectPlacesTheOrderStatistic() {
    SplittableRandom r = new SplittableRandom(8);
    for (int rep = 0; rep < 300; rep++) {
      int n = 1 + r.nextInt(400);
      long[] a = new long[n];
      for (int i = 0; i < n; i++) {
        a[i] = rep % 3 == 0 ? r.nextInt(4) : r.nextLong();
      }
      long[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = r.nextInt(n);
      Sorting.select(a, 0, n, k);
      assertEquals(sorted[k], a[k]);
      for (int i = 0; i < n; i++) {
        assertTrue(i < k ? a[i] <= a[k] : a[i] >= a[k]);
      }
      long[] rest = a.clone();
      Arrays.sort(rest);
      assertArrayEquals(sorted, rest); // a permutation
    }
  }

  /** The quantile as it was defined: sort a copy, interpolate (NumPy's linear method). */
  static double bruteQuantile(double[] x, double q) {
    double[] s = x.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    double f = pos - lo;
    return f == 0 ? s[lo] : s[lo] + (s[hi] - s[lo]) * f;
  }

  @Test
  void quantilesBySelectionMatchTheSortedDefinition() {
    SplittableRandom r = new SplittableRandom(21);
    for (int rep = 0; rep < 400; rep++) {
      int n = 1 + r.nextInt(rep < 200 ? 40 : 2000);
      double[] x = values(n, r);
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(x[i])) {
          x[i] = r.nextBoolean() ? -0.0 : 0.0;
        }
      }
      int m = 1 + r.nextInt(rep % 5 == 0 ? 12 : 4);
      double[] qs = new double[m];
      for (int i = 0; i < m; i++) {
        int c = r.nextInt(4);
        qs[i] = c == 0 ? 0 : c == 1 ? 1 : c == 2 ? 0.5 : r.nextDouble();
      }
      double[] before = x.clone();
      double[] got = Stats.quantiles(x, qs);
      assertBits(before, x, "input unchanged");
      double[] expected = new double[m];
      for (int i = 0; i < m; i++) {
        expected[i] = bruteQuantile(x, qs[i]);
      }
      assertBits(expected, got, "quantiles n " + n + " q " + Arrays.toString(qs));
      double med = Stats.medianKernel(Tensor.vector(x));
      assertEquals(Double.doubleToRawLongBits(bruteQuantile(x, 0.5)), Double.doubleToRawLongBits(med));
    }
  }

  @Test
  void argmaxArgminVsBruteForce() {
    SplittableRandom r = new SplittableRandom(4);
    for (int[] shape : new int[][] {{1}, {9}, {200}, {3, 7}, {2, 5, 3}}) {
      for (int rep = 0; rep < 20; rep++) {
        double[] v = values(TensorArgs.prod(shape, 0, shape.length), r);
        if (rep % 2 == 0) {
          for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
              v[i] = 1; // some inputs without nan
            }
          }
        }
        Tensor x = Tensor.wrap(shape, v);
        assertEquals((double) bruteArg(v, true), Reductions.argmax(x, null));
        assertEquals((double) bruteArg(v, false), Reductions.argmin(x, null));
        for (int axis = 0; axis < shape.length; axis++) {
          Tensor am = (Tensor) Reductions.argmax(x, axis);
          Tensor an = (Tensor) Reductions.argmin(x, axis);
          TensorArgs.Lanes l = TensorArgs.Lanes.of(shape, axis);
          for (int j = 0; j < l.count(); j++) {
            double[] lv = lane(x, axis, j);
            assertEquals(bruteArg(lv, true), am.toArray()[j]);
            assertEquals(bruteArg(lv, false), an.toArray()[j]);
          }
        }
      }
    }
  }

  /** First index of the largest (smallest) value, or of the first nan. */
  static int bruteArg(double[] v, boolean max) {
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        return i;
      }
    }
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (max ? v[i] > v[best] : v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void cumsumCumprodVsLaneLoops() {
    SplittableRandom r = new SplittableRandom(6);
    for (int[] shape : new int[][] {{1}, {17}, {4, 6}, {3, 5, 2}, {0, 3}, {2, 0}}) {
      double[] v = values(TensorArgs.prod(shape, 0, shape.length), r);
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextInt(4) == 0 ? -0.0 : v[i] * 0.75; // -0.0 first in a lane: 0 + -0.0 is 0.0
      }
      Tensor x = Tensor.wrap(shape, v);
      for (int axis = -1; axis < shape.length; axis++) {
        Integer ax = axis < 0 ? null : axis;
        Tensor src = ax == null ? x.reshape(x.size()) : x;
        int a0 = ax == null ? 0 : axis;
        for (boolean sum : new boolean[] {true, false}) {
          Tensor got = sum ? ElementWise.cumsum(x, ax) : ElementWise.cumprod(x, ax);
          assertArrayEquals(src.shape(), got.shape());
          TensorArgs.Lanes l = TensorArgs.Lanes.of(src.shape(), a0);
          for (int j = 0; j < l.count(); j++) {
            double[] lv = lane(src, a0, j);
            double[] e = new double[lv.length];
            double acc = sum ? 0 : 1;
            for (int i = 0; i < lv.length; i++) {
              acc = sum ? acc + lv[i] : acc * lv[i];
              e[i] = acc;
            }
            assertBits(e, lane(got, a0, j), (sum ? "cumsum " : "cumprod ") + Arrays.toString(shape) + " axis " + ax);
          }
        }
      }
    }
  }
}
