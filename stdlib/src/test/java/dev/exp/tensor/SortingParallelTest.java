package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Parallel;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Long lanes, which sort in chunks on several threads and merge: the result must be bit for bit
 * that of one sequential sort for every thread budget (1 to 8 chunks), for inputs whose chunks skip
 * different radix passes, with nans (payloads kept, in input order), ±0.0 and ±inf; and unique,
 * which dedupes that sort's keys.
 */
class SortingParallelTest {
  /** The expected ascending sort: Double.compare's order, the nans last in their input order. */
  static double[] expected(double[] v, boolean descending) {
    double[] s = v.clone();
    Arrays.sort(s);
    int j = s.length;
    while (j > 0 && Double.isNaN(s[j - 1])) {
      j--;
    }
    int m = j;
    for (double e : v) {
      if (Double.isNaN(e)) {
        s[j++] = e;
      }
    }
    if (!descending) {
      return s;
    }
    double[] d = new double[s.length];
    int nan = s.length - m;
    System.arraycopy(s, m, d, 0, nan);
    for (int i = 0; i < m; i++) {
      d[nan + i] = s[m - 1 - i];
    }
    return d;
  }

  /** Inputs: gaussian; small integers and specials; the first half narrow, the second any bits. */
  static double[] input(int kind, int n, SplittableRandom r) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      switch (kind) {
        case 0:
          v[i] = r.nextGaussian();
          break;
        case 1:
          v[i] = r.nextInt(20) == 0 ? SortingBruteForceTest.SPECIAL[r.nextInt(SortingBruteForceTest.SPECIAL.length)]
              : r.nextInt(9) - 4;
          break;
        default:
          v[i] = i < n / 2 ? 1 + r.nextInt(4) / 4.0 : Double.longBitsToDouble(r.nextLong());
      }
    }
    return v;
  }

  @Test
  void longLanesSortTheSameOnEveryThreadBudget() {
    SplittableRandom r = new SplittableRandom(17);
    for (int n : new int[] {KeySort.PARALLEL_MIN - 1, 100_003, 1 << 18}) {
      for (int kind = 0; kind < 3; kind++) {
        double[] v = input(kind, n, r);
        Tensor x = Tensor.wrap(new int[] {n}, v);
        for (boolean desc : new boolean[] {false, true}) {
          double[] e = expected(v, desc);
          for (int threads : new int[] {1, 2, 3, 8}) {
            Tensor s = Parallel.withThreads(threads, () -> Sorting.sort(x, -1, desc));
            SortingBruteForceTest.assertBits(e, s.toArray(),
                "sort n=" + n + " kind " + kind + " desc " + desc + " threads " + threads);
          }
        }
      }
    }
  }

  @Test
  void manyLanesSortOnSeveralThreads() {
    SplittableRandom r = new SplittableRandom(18);
    int rows = 64;
    int cols = 600;
    double[] v = input(1, rows * cols, r);
    Tensor x = Tensor.wrap(new int[] {rows, cols}, v);
    for (int axis = 0; axis < 2; axis++) {
      int ax = axis;
      Tensor s = Parallel.withThreads(3, () -> Sorting.sort(x, ax, false));
      Tensor a = Parallel.withThreads(3, () -> Sorting.argsort(x, ax, true));
      TensorArgs.Lanes l = TensorArgs.Lanes.of(x.shape(), axis);
      for (int j = 0; j < l.count(); j++) {
        double[] lane = SortingBruteForceTest.lane(x, axis, j);
        SortingBruteForceTest.assertBits(expected(lane, false), SortingBruteForceTest.lane(s, axis, j),
            "sort axis " + axis + " lane " + j);
        int[] ord = SortingBruteForceTest.bruteOrder(lane, true);
        double[] ev = new double[ord.length];
        for (int i = 0; i < ord.length; i++) {
          ev[i] = ord[i];
        }
        SortingBruteForceTest.assertBits(ev, SortingBruteForceTest.lane(a, axis, j), "argsort axis " + axis);
      }
    }
  }

  @SuppressWarnings("unchecked")
  @Test
  void uniqueOfLongInputsOnEveryThreadBudget() {
    SplittableRandom r = new SplittableRandom(19);
    for (int n : new int[] {1, 2, 47, 48, 1000, 100_003}) {
      for (int kind = 0; kind < 3; kind++) {
        double[] v = input(kind, n, r);
        // expected: the sorted values with runs merged (all nans one, -0.0 and 0.0 one)
        double[] s = expected(v, false);
        double[] ev = new double[n];
        double[] ec = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
          boolean same = m > 0 && (s[i] == ev[m - 1] || Double.isNaN(s[i]) && Double.isNaN(ev[m - 1]));
          if (same) {
            ec[m - 1]++;
            if (s[i] == 0) {
              ev[m - 1] = s[i];
            }
          } else {
            ev[m] = s[i];
            ec[m++] = 1;
          }
        }
        for (int threads : new int[] {1, 2, 4}) {
          Map<String, Object> u = Parallel.withThreads(threads,
              () -> (Map<String, Object>) Counting.unique(Tensor.wrap(new int[] {n}, v), true));
          double[] gv = ((Tensor) u.get("values")).toArray();
          double[] gc = ((Tensor) u.get("counts")).toArray();
          String what = "unique n=" + n + " kind " + kind + " threads " + threads;
          assertEquals(m, gv.length, what + ": distinct values");
          for (int i = 0; i < m; i++) {
            if (Double.isNaN(ev[i])) {
              assertTrue(Double.isNaN(gv[i]), what + " at " + i);
            } else {
              assertEquals(Double.doubleToRawLongBits(ev[i]), Double.doubleToRawLongBits(gv[i]), what + " at " + i);
            }
            assertEquals(ec[i], gc[i], what + ": count at " + i);
          }
          double[] plain = ((Tensor) Parallel.withThreads(threads,
              () -> Counting.unique(Tensor.wrap(new int[] {n}, v), false))).toArray();
          assertEquals(m, plain.length, what + " without counts");
        }
      }
    }
  }
}
